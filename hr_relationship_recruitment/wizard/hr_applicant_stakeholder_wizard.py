# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, fields, models
from odoo.exceptions import UserError

from odoo.addons.hr_relationship.tools.record_check import checked_records

from ..models.hr_applicant import RECRUITMENT_STEP


class HrApplicantStakeholderWizard(models.TransientModel):
    """Keep a relationship with an applicant or talent, in one click from
    their form: like every external relation, with their consent on record
    or without any profile until they give it."""

    _name = "hr.applicant.stakeholder.wizard"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Keep an Applicant as Stakeholder"

    applicant_id = fields.Many2one(
        "hr.applicant", required=True, readonly=True, ondelete="cascade"
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Relationship Owner",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    consent = fields.Boolean(
        string="Applicant Consented",
        help="The applicant agreed that HR keeps this relationship record, for "
        "example to be approached for later vacancies. Without consent the "
        "record is anonymised a few weeks after the last contact.",
    )
    consent_purpose = fields.Text(
        string="Purpose of the Consent",
        help="What the applicant agreed that HR keeps their record for.",
    )

    def action_confirm(self):
        checked_records(self, single=True)
        applicant = self.applicant_id
        applicant.check_access("read")
        if self.consent and not (self.consent_purpose or "").strip():
            raise UserError(
                _(
                    "Write down what %(name)s consented to before recording the "
                    "consent.",
                    name=applicant.display_name,
                )
            )
        stakeholder = applicant._hr_stakeholders()
        if not stakeholder:
            stakeholder = self._create_stakeholder(applicant)
        return {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder"),
            "res_model": "hr.stakeholder",
            "res_id": stakeholder[:1].id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _create_stakeholder(self, applicant):
        partner = applicant.partner_id
        if not partner:
            if not (applicant.partner_name or applicant.email_from):
                raise UserError(
                    _(
                        "Applicant %(id)s has neither a name nor an email address "
                        "to keep a relationship with.",
                        id=applicant.id,
                    )
                )
            # Like the alumni's private contacts: HR keeps a relationship
            # without the separate "Contact Creation" right. Recruitment's
            # applicant itself stays as it is.
            partner = (
                self.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": applicant.partner_name or applicant.email_from,
                        "email": applicant.email_from,
                        "phone": applicant.partner_phone,
                        "company_id": applicant.company_id.id,
                    }
                )
            )
        elif applicant.partner_name and partner.name in (False, "", partner.email):
            # Recruitment names a contact it makes from an address after the
            # address; the relationship is with the person.
            partner.sudo().name = applicant.partner_name
        company = applicant.company_id or self.env.company
        # A person HR already keeps as an external relation (an alumnus
        # applying again, a freelancer) keeps their one record: it gets the
        # link and the steps, and keeps its own consent and retention.
        stakeholder = (
            self.env["hr.stakeholder"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("applicant_id", "=", False),
                ],
                limit=1,
            )
            .with_env(self.env)
        )
        if stakeholder:
            stakeholder.check_access("read")
        else:
            stakeholder = self._new_stakeholder(partner, company)
        # The link is Recruitment's to show: written as superuser, since a
        # relationship role need not be a Recruitment officer to create it.
        stakeholder.sudo().applicant_id = applicant
        self._log_current_steps(stakeholder, applicant)
        return stakeholder

    def _new_stakeholder(self, partner, company):
        return self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "relation_type": "candidate",
                "company_id": company.id,
                "owner_id": self.owner_id.id,
                "consent": self.consent,
                "consent_purpose": self.consent and self.consent_purpose,
            }
        )

    def _log_current_steps(self, stakeholder, applicant):
        """Where each application of the person stands today, as the first
        interactions."""
        applicants = applicant._hr_person_applications()
        return (
            self.env["hr.relationship.interaction"]
            .sudo()
            .create(
                [
                    {
                        "name": _(
                            "Recruitment: applied for %(job)s, now at %(stage)s",
                            job=applicant.job_id.name or applicant.display_name,
                            stage=applicant.stage_id.name or _("no stage"),
                        ),
                        "date": applicant.create_date.date(),
                        "interaction_type": RECRUITMENT_STEP,
                        "company_id": stakeholder.company_id.id,
                        "stakeholder_ids": [Command.set(stakeholder.ids)],
                        "applicant_id": applicant.id,
                        "user_id": (applicant.user_id or self.env.user).id,
                    }
                    for applicant in applicants
                ]
            )
        )
