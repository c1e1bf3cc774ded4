# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrRelationshipHandoverLine(models.TransientModel):
    _name = "hr.relationship.handover.line"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Hand Over Relationships: One Relationship"
    _order = "internal_client_id, stakeholder_id, id"

    wizard_id = fields.Many2one(
        "hr.relationship.handover", required=True, ondelete="cascade"
    )
    stakeholder_id = fields.Many2one("hr.stakeholder", readonly=True)
    internal_client_id = fields.Many2one("hr.internal.client", readonly=True)
    name = fields.Char(string="Relationship", compute="_compute_name")
    kind = fields.Selection(
        [("stakeholder", "Stakeholder"), ("client", "Internal Client")],
        compute="_compute_name",
    )
    role = fields.Selection(
        [("owner", "Owner"), ("contact", "Only HR contact")],
        string="Their Role",
        readonly=True,
        help="Owner: the relationship passes to the successor. Only HR contact: "
        "the owner stays; the successor becomes the HR contact.",
    )
    successor_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False), ('id', '!=', parent.user_id)]",
    )
    suggested_id = fields.Many2one("res.users", readonly=True)
    basis = fields.Selection(
        [
            ("direct", "Knows them"),
            ("warm", "Knows someone who knows them"),
            ("load", "Lightest portfolio"),
            ("none", "No colleague found"),
        ],
        string="Why",
        readonly=True,
    )
    strength = fields.Float(
        digits=(16, 2),
        readonly=True,
        help="Recency-weighted number of interactions of the suggested "
        "colleague with this person (or, on a warm path, with whom they know).",
    )
    via_stakeholder_id = fields.Many2one(
        "hr.stakeholder", string="Through", readonly=True
    )

    @api.depends("stakeholder_id", "internal_client_id")
    def _compute_name(self):
        for line in self:
            line.name = line._record().display_name
            line.kind = "stakeholder" if line.stakeholder_id else "client"

    def _record(self):
        self.ensure_one()
        return self.stakeholder_id or self.internal_client_id
