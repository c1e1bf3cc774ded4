# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.record_check import checked_records

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    keep_as_alumnus = fields.Boolean(
        string="Keep as Alumnus",
        groups=RELATIONSHIP_USER,
        help="Keep a relationship with this person as an alumnus stakeholder, "
        "linked to their private contact.",
    )
    alumnus_consent = fields.Boolean(
        string="Alumnus Consented",
        groups=RELATIONSHIP_USER,
        help="The person agreed that HR keeps in touch after their departure.",
    )

    def action_register_departure(self):
        checked_records(self)
        result = super().action_register_departure()
        if self.env.user.has_group(RELATIONSHIP_USER) and self.keep_as_alumnus:
            self.employee_id._create_alumnus_stakeholders(consent=self.alumnus_consent)
        return result
