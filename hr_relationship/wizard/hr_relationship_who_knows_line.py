# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrRelationshipWhoKnowsLine(models.TransientModel):
    _name = "hr.relationship.who.knows.line"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Who Knows This Person: One Colleague"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "hr.relationship.who.knows", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    kind = fields.Selection(
        [("direct", "Knows them"), ("warm", "Knows someone who knows them")],
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="HR Colleague", readonly=True)
    interaction_count = fields.Integer(string="Contacts", readonly=True)
    last_date = fields.Date(string="Last Contact", readonly=True)
    strength = fields.Float(
        digits=(16, 2),
        readonly=True,
        help="Recency-weighted number of interactions: each counts 0.5 to the "
        "power of its age in days divided by 90.",
    )
    via_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Through",
        readonly=True,
        help="The person this colleague knows, who knows the person asked about.",
    )
    link = fields.Selection(
        [
            ("meeting", "Met in the same interaction"),
            ("client", "Same internal client"),
            ("manager", "Their manager"),
            ("report", "Reports to them"),
        ],
        string="How They Know Them",
        readonly=True,
    )
