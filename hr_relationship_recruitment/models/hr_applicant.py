# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models

from odoo.addons.hr_relationship.models.database_lang import database_lang
from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.hr_relationship.tools.record_check import checked_records

# The interaction type of the steps Recruitment records by itself.
RECRUITMENT_STEP = "recruitment"
# Setting: send the candidate-experience pulse when a process ends.
CANDIDATE_PULSE_PARAM = "hr_relationship.candidate_pulse"


class HrApplicant(models.Model):
    """An application seen from the relationships: who referred it, whether
    the person is an alumnus coming back, and the steps of the process as
    interactions of the candidate's stakeholder record.

    Every field here carries the relationship group: a recruiter without a
    relationship role sees no stakeholder data."""

    _name = "hr.applicant"
    _inherit = [
        "hr.applicant",
        "hr.relationship.guarded.fields",
        "hr.relationship.alumnus.mixin",
    ]
    _hr_alumnus_partner_path = "candidate_id.partner_id"

    referred_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Referred by Stakeholder",
        index="btree_not_null",
        tracking=True,
        ondelete="set null",
        groups=RELATIONSHIP_USER,
        help="The stakeholder or ambassador who brought in this candidate.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        applicants = super().create(vals_list)
        applicants._hr_record_recruitment_steps(
            {applicant.id: (None, None) for applicant in applicants}
        )
        return applicants

    def write(self, vals):
        checked_records(self)
        track = "stage_id" in vals or vals.get("refuse_reason_id")
        before = {}
        if track:
            before = {
                applicant.id: (applicant.stage_id, applicant.refuse_reason_id)
                for applicant in self.sudo()
            }
        result = super().write(vals)
        if track:
            self._hr_record_recruitment_steps(before)
        return result

    def _hr_record_recruitment_steps(self, before):
        """One interaction per application whose stage changed or that was
        refused, on the candidate's stakeholder records, created together;
        and the candidate-experience pulse for the processes that ended.
        Written in the database's language when no user's is known."""
        applicants = self.sudo().with_context(
            active_test=False, lang=database_lang(self.env)
        )
        env = applicants.env
        changed = applicants.filtered(
            lambda a: (a.stage_id, a.refuse_reason_id) != before.get(a.id)
        )
        stakeholders = (
            self.env["hr.stakeholder"]
            .sudo()
            .search([("candidate_id", "in", changed.candidate_id.ids)])
        )
        if not stakeholders:
            return self.env["hr.relationship.interaction"]
        by_candidate = stakeholders.grouped("candidate_id")
        values = []
        ended = applicants.browse()
        for applicant in changed:
            linked = by_candidate.get(applicant.candidate_id)
            if not linked:
                continue
            old_stage, old_refusal = before[applicant.id]
            applied = old_stage is None
            refused = applicant.refuse_reason_id and not old_refusal
            hired = applicant.date_closed and not (old_stage and old_stage.hired_stage)
            if applied:
                name = env._(
                    "Recruitment: applied for %(job)s, now at %(stage)s",
                    job=applicant.job_id.name or applicant.display_name,
                    stage=applicant.stage_id.name or env._("no stage"),
                )
            elif refused:
                name = env._(
                    "Recruitment: application for %(job)s refused (%(reason)s)",
                    job=applicant.job_id.name or applicant.display_name,
                    reason=applicant.refuse_reason_id.name,
                )
            else:
                name = env._(
                    "Recruitment: application for %(job)s moved to %(stage)s",
                    job=applicant.job_id.name or applicant.display_name,
                    stage=applicant.stage_id.name,
                )
            if refused or hired:
                ended |= applicant
            for company, group in linked.grouped("company_id").items():
                values.append(
                    {
                        "name": name,
                        "interaction_type": RECRUITMENT_STEP,
                        "source": "recruitment",
                        "company_id": company.id,
                        "stakeholder_ids": [Command.set(group.ids)],
                        "applicant_id": applicant.id,
                        "user_id": (applicant.user_id or self.env.user).id,
                        "sentiment": "positive" if hired else "neutral",
                    }
                )
        interactions = (
            self.env["hr.relationship.interaction"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(values)
        )
        if ended:
            env["hr.satisfaction.survey"]._send_candidate_pulses(ended)
        return interactions
