# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

from .hr_project_stakeholder import ATTITUDE_SUPPORT, ATTITUDES
from .hr_relationship_snapshot_mixin import monthly_unique


def attitude_support_sql(column):
    """SQL expression giving the support (-1, 0, 1) of an attitude column."""
    cases = SQL(" ").join(
        SQL("WHEN %s THEN %s", attitude, support)
        for attitude, support in ATTITUDE_SUPPORT.items()
    )
    return SQL("(CASE %s %s ELSE 0 END)", column, cases)


class HrProjectStakeholderSnapshot(models.Model):
    """Where one stakeholder stood on one project in one month, so that a
    graph shows each person's course. The daily refresh of project support
    keeps this month's row up to date."""

    _name = "hr.project.stakeholder.snapshot"
    _inherit = ["hr.relationship.snapshot.mixin"]
    _description = "Stakeholder Position History"
    _snapshot_targets = ("project_stakeholder_id",)

    project_stakeholder_id = fields.Many2one(
        "hr.project.stakeholder",
        string="Position",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    attitude = fields.Selection(ATTITUDES, readonly=True)
    target_attitude = fields.Selection(ATTITUDES, readonly=True)
    support = fields.Integer(
        aggregator="avg",
        readonly=True,
        help="1 for champions and supporters, -1 for sceptics and blockers, "
        "0 for neutral.",
    )
    influence = fields.Integer(aggregator="avg", readonly=True)
    interest = fields.Integer(aggregator="avg", readonly=True)
    is_below_target = fields.Boolean(string="Below Target", readonly=True)

    _position_month_uniq = monthly_unique(
        "project_stakeholder_id", "A position has one snapshot per month."
    )

    @api.model
    def _upsert_month(self, month, project_ids=None):
        """This month's row of every position (of ``project_ids``), in one
        statement whatever the number of positions."""
        self.env["hr.project.stakeholder"].flush_model()
        self.flush_model()
        in_scope = (
            SQL("TRUE")
            if project_ids is None
            else SQL("position.project_id = ANY(%s)", list(project_ids))
        )
        self.env.cr.execute(
            self._snapshot_upsert_sql(
                "project_stakeholder_id",
                month,
                [
                    "project_id",
                    "stakeholder_id",
                    "attitude",
                    "target_attitude",
                    "support",
                    "influence",
                    "interest",
                    "is_below_target",
                    "company_id",
                ],
                SQL(
                    """
                    SELECT position.id, position.project_id, position.stakeholder_id,
                           position.attitude, position.target_attitude,
                           %(support)s, position.influence, position.interest,
                           COALESCE(position.is_below_target, FALSE),
                           position.company_id
                      FROM hr_project_stakeholder position
                     WHERE %(in_scope)s
                    """,
                    support=attitude_support_sql(SQL("position.attitude")),
                    in_scope=in_scope,
                ),
                updated=[
                    "attitude",
                    "target_attitude",
                    "support",
                    "influence",
                    "interest",
                    "is_below_target",
                ],
            )
        )
        self.invalidate_model()
