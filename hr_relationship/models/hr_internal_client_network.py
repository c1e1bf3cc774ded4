# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrInternalClient(models.Model):
    """Network figures of an internal client, stored by the daily network
    refresh (hr.relationship.network)."""

    _name = "hr.internal.client"
    _inherit = ["hr.internal.client", "hr.relationship.owner.mixin"]

    hr_contact_count = fields.Integer(
        string="HR Contacts",
        readonly=True,
        help="Distinct HR colleagues in contact with this client or its "
        "stakeholders in the network window of the settings.",
    )
    single_threaded = fields.Boolean(
        readonly=True,
        index=True,
        help="Exactly one HR colleague is in contact with this client.",
    )
    hr_sole_contact_id = fields.Many2one(
        "res.users",
        string="Only HR Contact",
        readonly=True,
        index="btree_not_null",
    )
    high_influence_count = fields.Integer(
        string="High-Influence Stakeholders",
        readonly=True,
        help="Active stakeholders of this client with high influence and a "
        "contact cadence.",
    )
    coverage_gap_count = fields.Integer(
        string="Not Contacted in Time",
        readonly=True,
        help="High-influence stakeholders nobody contacted within their cadence.",
    )
    coverage = fields.Float(
        string="Coverage (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Share of the high-influence stakeholders contacted within their "
        "cadence; empty when the client has none.",
    )
    uncovered_stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        string="Stakeholders Not Contacted in Time",
        compute="_compute_uncovered_stakeholder_ids",
    )

    @api.depends("stakeholder_ids.coverage_gap")
    def _compute_uncovered_stakeholder_ids(self):
        for client in self:
            client.uncovered_stakeholder_ids = client.stakeholder_ids.filtered(
                "coverage_gap"
            )

    def action_hr_who_knows(self):
        return self.env["hr.relationship.who.knows"]._open_for(self)
