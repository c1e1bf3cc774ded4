# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import checked_records


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "hr.relationship.guarded.fields"]

    hr_stakeholder_ids = fields.One2many(
        "hr.stakeholder",
        "partner_id",
        string="Stakeholder Roles",
        groups=RELATIONSHIP_USER,
    )
    hr_stakeholder_count = fields.Integer(
        compute="_compute_hr_stakeholder_count", groups=RELATIONSHIP_USER
    )
    hr_person_relation_ids = fields.One2many(
        "hr.person.relation.side",
        "this_partner_id",
        string="Relations between Persons",
        groups=RELATIONSHIP_USER,
        help="Mentors, former colleagues, who speaks for whom: the relations "
        "of this person, as they read from this person.",
    )

    def _compute_hr_stakeholder_count(self):
        counts = dict(
            self.env["hr.stakeholder"]._read_group(
                [("partner_id", "in", self._origin.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.hr_stakeholder_count = counts.get(partner._origin, 0)

    @api.readonly
    def action_view_hr_stakeholders(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder Roles of %s", self.display_name),
            "res_model": "hr.stakeholder",
            "view_mode": "list,kanban,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }
