# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import checked_records


class HrDepartureWizard(models.TransientModel):
    _name = "hr.departure.wizard"
    _inherit = ["hr.departure.wizard", "hr.relationship.wizard.guard"]

    keep_as_alumnus = fields.Boolean(
        string="Keep as Alumnus",
        groups=RELATIONSHIP_USER,
        help="Keep a relationship with this person as an alumnus stakeholder, "
        "linked to their private contact.",
    )
    alumnus_email = fields.Char(
        string="Private Email",
        compute="_compute_alumnus_email",
        store=True,
        readonly=False,
        groups=RELATIONSHIP_USER,
        help="Where HR can reach the alumnus after the work address is gone.",
    )
    alumnus_consent = fields.Boolean(
        string="Alumnus Consented",
        groups=RELATIONSHIP_USER,
        help="The person agreed that HR keeps in touch after their departure.",
    )
    alumnus_consent_purpose = fields.Text(
        string="Purpose of the Consent",
        groups=RELATIONSHIP_USER,
        help="What the person agreed that HR keeps their record for, for "
        "example invitations to alumni events and rehiring.",
    )

    @api.depends("employee_id")
    def _compute_alumnus_email(self):
        for wizard in self:
            wizard.alumnus_email = wizard.employee_id.private_email

    def _check_alumnus_values(self):
        if not self.alumnus_email:
            raise UserError(
                _(
                    "Give the private email address of %(name)s to keep them as an "
                    "alumnus.",
                    name=self.employee_id.name,
                )
            )
        if self.alumnus_consent and not (self.alumnus_consent_purpose or "").strip():
            raise UserError(
                _(
                    "Write down what %(name)s consented to before recording the "
                    "consent.",
                    name=self.employee_id.name,
                )
            )

    def action_register_departure(self):
        checked_records(self)
        keep = self.env.user.has_group(RELATIONSHIP_USER) and self.keep_as_alumnus
        if keep:
            self._check_alumnus_values()
        result = super().action_register_departure()
        if not self.env.user.has_group(RELATIONSHIP_USER):
            return result
        employee = self.employee_id
        employee._close_relationship_roles(self.departure_date)
        if not keep:
            return result
        alumni = employee._create_alumnus_stakeholders(
            consent=self.alumnus_consent,
            consent_purpose=self.alumnus_consent_purpose,
            email=self.alumnus_email,
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Alumnus"),
            "res_model": "hr.stakeholder",
            "res_id": alumni[:1].id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
