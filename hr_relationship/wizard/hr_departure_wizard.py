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
    is_single_departure = fields.Boolean(compute="_compute_is_single_departure")
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

    @api.depends("employee_ids")
    def _compute_is_single_departure(self):
        for wizard in self:
            wizard.is_single_departure = len(wizard.employee_ids) == 1

    @api.depends("employee_ids")
    def _compute_alumnus_email(self):
        # One address field for one person: when several employees leave at
        # once, each alumnus keeps the private address on their own file.
        for wizard in self:
            employees = wizard.employee_ids
            wizard.alumnus_email = (
                employees.private_email if len(employees) == 1 else False
            )

    def _alumnus_emails(self):
        """The private address each departing employee is kept under."""
        if len(self.employee_ids) == 1:
            return {self.employee_ids.id: self.alumnus_email}
        return {employee.id: employee.private_email for employee in self.employee_ids}

    def _check_alumnus_values(self):
        emails = self._alumnus_emails()
        missing = self.employee_ids.filtered(lambda employee: not emails[employee.id])
        if missing:
            raise UserError(
                _(
                    "Give the private email address of %(name)s to keep them as an "
                    "alumnus.",
                    name=", ".join(missing.mapped("name")),
                )
            )
        if self.alumnus_consent and not (self.alumnus_consent_purpose or "").strip():
            raise UserError(
                _(
                    "Write down what %(name)s consented to before recording the "
                    "consent.",
                    name=", ".join(self.employee_ids.mapped("name")),
                )
            )

    def _handover_action(self):
        """The handover of the relationships of the one departing HR
        colleague, when they carry any and the user may hand them over;
        whatever is not handed over shows among the relationships without an
        owner once their user is archived."""
        users = self.employee_ids.user_id
        if len(users) != 1:
            return False
        Handover = self.env["hr.relationship.handover"]
        if not Handover._may_hand_over(users):
            return False
        return Handover._open_for(users, self.employee_ids.company_id, "departure")

    def action_register_departure(self):
        checked_records(self)
        keep = self.env.user.has_group(RELATIONSHIP_USER) and self.keep_as_alumnus
        if keep:
            self._check_alumnus_values()
            emails = self._alumnus_emails()
        result = super().action_register_departure()
        if not self.env.user.has_group(RELATIONSHIP_USER):
            return result
        employees = self.employee_ids
        employees._close_relationship_roles(self.departure_date)
        alumni = self.env["hr.stakeholder"]
        for employee in employees if keep else ():
            alumni |= employee._create_alumnus_stakeholders(
                consent=self.alumnus_consent,
                consent_purpose=self.alumnus_consent_purpose,
                email=emails[employee.id],
            )
        # The handover first: the alumnus record is there to open later, a
        # relationship left without an owner is easily forgotten.
        handover = self._handover_action()
        if handover or not keep:
            return handover or result
        if len(alumni) == 1:
            return {
                "type": "ir.actions.act_window",
                "name": _("Alumnus"),
                "res_model": "hr.stakeholder",
                "res_id": alumni.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
            }
        # The name last: Odoo 19.0's term extractor reads a parenthesis that
        # follows _() with no name between as another _() call.
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.stakeholder",
            "domain": [("id", "in", alumni.ids)],
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "target": "current",
            "name": _("Alumni"),
        }
