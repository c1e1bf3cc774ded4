# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from odoo import Command, _, api, fields, models

from odoo.addons.hr_relationship.models.hr_satisfaction_campaign_cycle import (
    cycle_param,
)

from .hr_applicant import CANDIDATE_PULSE_PARAM

_logger = logging.getLogger(__name__)

RECRUITMENT_USER = "hr_recruitment.group_hr_recruitment_user"
CANDIDATE_PULSE_SURVEY_XMLID = "hr_relationship_recruitment.survey_candidate_pulse"


class HrSatisfactionCampaign(models.Model):
    """The candidate-experience pulse: once an application ends, hired or
    refused, a short survey asks the candidate how the process went. Its
    answers rate the HR service "Recruitment and selection"."""

    _inherit = "hr.satisfaction.survey"

    pulse_applicant_id = fields.Many2one(
        "hr.applicant",
        string="After Application",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        groups=RECRUITMENT_USER,
    )
    audience = fields.Selection(
        selection_add=[("candidates", "Candidates")],
        ondelete={"candidates": "set null"},
    )

    # The survey keeps a candidate pulse one after its application is gone.
    @api.depends("pulse_applicant_id", "survey_id")
    def _compute_audience(self):
        result = super()._compute_audience()
        survey = self.env.ref(CANDIDATE_PULSE_SURVEY_XMLID, raise_if_not_found=False)
        for campaign in self.sudo():
            if campaign.pulse_applicant_id or (survey and campaign.survey_id == survey):
                campaign.audience = "candidates"
        return result

    @api.model
    def _candidate_pulse_enabled(self):
        return bool(
            self.env["ir.config_parameter"].sudo().get_param(CANDIDATE_PULSE_PARAM)
        )

    @api.model
    def _send_candidate_pulses(self, applicants):
        """One pulse per ended application to the stakeholder records of its
        person, when the setting is on. A candidate HR keeps no record of
        gets none: the relationship, and its consent, come first."""
        pulses = self.browse()
        if not applicants or not self._candidate_pulse_enabled():
            return pulses
        survey = self.env.ref(CANDIDATE_PULSE_SURVEY_XMLID, raise_if_not_found=False)
        if not survey or not survey.active:
            _logger.warning("No active candidate pulse survey: no pulse sent.")
            return pulses
        applicants = applicants.sudo()
        stakeholders, by_applicant = applicants._hr_linked_stakeholders()
        stakeholders = stakeholders.filtered(lambda s: s.active and s.email)
        stakeholders -= self._recently_pulsed(stakeholders)
        clients = (
            self.env["hr.internal.client"]
            .sudo()
            .search([("department_id", "in", applicants.department_id.ids)])
        )
        days = cycle_param(self.env, "pulse_duration_days")
        values = []
        for applicant in applicants:
            mine = by_applicant.get(applicant, stakeholders.browse())
            recipients = mine & stakeholders
            if not recipients:
                continue
            company = recipients[0].company_id
            values.append(
                {
                    "name": _(
                        "Candidate experience: %(job)s",
                        job=applicant.job_id.name or applicant.display_name,
                    ),
                    "kind": "pulse",
                    "survey_id": survey.id,
                    "company_id": company.id,
                    "user_id": (applicant.user_id or self.env.user).id,
                    "internal_client_ids": [
                        Command.set(
                            clients.filtered(
                                lambda c, a=applicant, co=company: (
                                    c.department_id == a.department_id
                                    and c.company_id == co
                                )
                            ).ids
                        )
                    ],
                    "participant_ids": [
                        Command.set(
                            recipients.filtered(
                                lambda s, co=company: s.company_id == co
                            ).ids
                        )
                    ],
                    "deadline": fields.Datetime.now() + timedelta(days=days),
                    "pulse_applicant_id": applicant.id,
                }
            )
        if values:
            pulses = self.sudo().with_context(tracking_disable=True).create(values)
            pulses.action_send()
        return pulses
