# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.optional_float import OptionalFloat
from .hr_relationship_health_mixin import HEALTH_STATES


class HrRelationshipHealthSnapshot(models.Model):
    """Health of one stakeholder or internal client in one month, so that
    graphs show how relationships develop: a plain history row, written by
    the health engine of hr.relationship.health.mixin."""

    _name = "hr.relationship.health.snapshot"
    _inherit = ["hr.relationship.snapshot.mixin"]
    _description = "HR Relationship Health Snapshot"
    # A row measures a stakeholder or an internal client: one partial unique
    # index a month for each (init), which the upsert of the mixin names.
    _snapshot_targets = ("stakeholder_id", "internal_client_id")

    stakeholder_id = fields.Many2one(
        "hr.stakeholder", ondelete="cascade", index="btree_not_null", readonly=True
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
    )
    health_score = fields.Float(aggregator="avg", digits=(5, 1), readonly=True)
    health_state = fields.Selection(HEALTH_STATES, readonly=True)
    # Each row holds the satisfaction figure of its kind of relationship, named
    # as on the record (and on hr.satisfaction.result, latest_<figure>).
    # A stakeholder's row holds that person's answers, a per-stakeholder result
    # that plain users may not see; the group stays on both for one rule.
    latest_satisfaction_index = OptionalFloat(
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        groups="hr_relationship.group_hr_relationship_business_partner",
    )
    latest_csat = OptionalFloat(
        string="Latest CSAT",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        groups="hr_relationship.group_hr_relationship_business_partner",
    )
    latest_nps = OptionalFloat(
        string="Latest NPS",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        groups="hr_relationship.group_hr_relationship_business_partner",
    )

    _one_relationship = models.Constraint(
        "CHECK((stakeholder_id IS NULL) <> (internal_client_id IS NULL))",
        "A health snapshot belongs to either a stakeholder or an internal client.",
    )
    _scores_range = models.Constraint(
        "CHECK(health_score BETWEEN 0 AND 100 AND "
        "latest_satisfaction_index BETWEEN 0 AND 100 AND latest_csat BETWEEN 0 AND "
        "100 AND latest_nps BETWEEN -100 AND 100)",
        "Health and satisfaction are between 0 and 100, NPS between -100 and 100.",
    )

    def init(self):
        # Partial unique indexes are what INSERT ... ON CONFLICT upserts on.
        for column in self._snapshot_targets:
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (%s, month) "
                    "WHERE %s IS NOT NULL",
                    SQL.identifier(f"{self._table}_{column}_month_uniq"),
                    SQL.identifier(self._table),
                    SQL.identifier(column),
                    SQL.identifier(column),
                )
            )

    @api.model
    def _cron_refresh_health(self):
        """The daily job that writes these rows (its ir.cron runs on this
        model); the engine is hr.relationship.health.mixin's."""
        return self.env["hr.relationship.health.mixin"]._cron_refresh_health()
