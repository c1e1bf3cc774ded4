# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrStakeholder(models.Model):
    """Network figures of a stakeholder, stored by the daily network refresh
    (hr.relationship.network) rather than computed per edit: each needs the
    whole book of interactions."""

    _name = "hr.stakeholder"
    _inherit = ["hr.stakeholder", "hr.relationship.owner.mixin"]

    hr_contact_count = fields.Integer(
        string="HR Contacts",
        readonly=True,
        help="Distinct HR colleagues who had an interaction with this person "
        "in the network window of the settings (interactions up to today).",
    )
    hr_sole_contact_id = fields.Many2one(
        "res.users",
        string="Only HR Contact",
        readonly=True,
        index="btree_not_null",
        help="The one HR colleague in contact with this person: if they leave, "
        "nobody in HR is.",
    )
    hr_strongest_contact_id = fields.Many2one(
        "res.users",
        string="Strongest HR Contact",
        readonly=True,
        help="The HR colleague with the strongest relationship with this person.",
    )
    hr_relationship_strength = fields.Float(
        string="Relationship Strength",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Strength of the strongest HR relationship: every interaction up to "
        "today counts 0.5 to the power of its age in days divided by 90, so a "
        "contact of today counts 1 and one of 90 days ago 0.5.",
    )
    coverage_gap = fields.Boolean(
        string="Not Contacted in Time",
        readonly=True,
        index=True,
        help="A high-influence stakeholder with a contact cadence whom nobody in "
        "HR contacted within that cadence.",
    )

    def action_hr_who_knows(self):
        return self.env["hr.relationship.who.knows"]._open_for(self)
