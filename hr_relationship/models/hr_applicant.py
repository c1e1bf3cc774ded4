# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from .record_check import checked_records

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"
# The interaction type of the steps Recruitment records by itself.
RECRUITMENT_STEP = "recruitment"
# Setting: send the candidate-experience pulse when a process ends.
CANDIDATE_PULSE_PARAM = "hr_relationship.candidate_pulse"


def alumnus_values(record, alumni):
    """The alumnus among ``alumni`` that ``record`` (an applicant or a
    candidate) is, with when they left and the job they had."""
    partner = record.partner_id
    email = record.email_normalized
    alumnus = alumni.filtered(
        lambda s: (
            (partner and s.partner_id == partner)
            or (email and s.partner_id.email_normalized == email)
        )
    )[:1]
    # Registering a departure is HR's, not every relationship role's: what
    # the alumnus record shows is read from the employee record as such.
    former = alumnus.sudo().former_employee_id
    return {
        "hr_alumnus_stakeholder_id": alumnus.id,
        "hr_is_alumnus": bool(alumnus),
        "hr_alumnus_departure_date": former.departure_date,
        "hr_alumnus_former_job": former.job_title or former.job_id.name or False,
    }


def alumni_search_domain(env, operator, value, partner_field):
    """Domain of the records whose contact (``partner_field``) or address
    is an alumnus's, for the Alumni filter of applicants and candidates."""
    if operator not in ("=", "!=") or not isinstance(value, bool):
        raise UserError(env._("Alumni can only be searched as true or false."))
    alumni = (
        env["hr.stakeholder"]
        .with_context(active_test=False)
        .search([("relation_type", "=", "alumnus"), ("is_anonymised", "=", False)])
    )
    partners = alumni.partner_id
    emails = [email for email in partners.mapped("email_normalized") if email]
    domain = [
        "|",
        (partner_field, "in", partners.ids),
        ("email_normalized", "in", emails),
    ]
    if (operator == "=") == value:
        return domain
    return ["!", *domain]


class HrApplicant(models.Model):
    """An application seen from the relationships: who referred it, whether
    the person is an alumnus coming back, and the steps of the process as
    interactions of the candidate's stakeholder record.

    Every field here carries the relationship group: a recruiter without a
    relationship role sees no stakeholder data."""

    _name = "hr.applicant"
    _inherit = ["hr.applicant", "hr.relationship.guarded.fields"]

    referred_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Referred by Stakeholder",
        index="btree_not_null",
        tracking=True,
        ondelete="set null",
        groups=RELATIONSHIP_USER,
        help="The stakeholder or ambassador who brought in this candidate.",
    )
    hr_alumnus_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Alumnus",
        compute="_compute_hr_alumnus",
        groups=RELATIONSHIP_USER,
        help="The alumnus this applicant is, recognised by the private contact "
        "or email address kept when they left.",
    )
    hr_is_alumnus = fields.Boolean(
        string="Is Alumnus",
        compute="_compute_hr_alumnus",
        search="_search_hr_is_alumnus",
        groups=RELATIONSHIP_USER,
    )
    hr_alumnus_departure_date = fields.Date(
        string="Left On", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
    )
    hr_alumnus_former_job = fields.Char(
        string="Former Job", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
    )

    @api.depends("candidate_id.partner_id", "email_normalized")
    def _compute_hr_alumnus(self):
        alumni = self.env["hr.stakeholder"]._alumni_matching(
            self.candidate_id.partner_id, self.mapped("email_normalized")
        )
        for applicant in self:
            applicant.update(alumnus_values(applicant, alumni))

    def _search_hr_is_alumnus(self, operator, value):
        return alumni_search_domain(
            self.env, operator, value, "candidate_id.partner_id"
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
        and the candidate-experience pulse for the processes that ended."""
        applicants = self.sudo().with_context(active_test=False)
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
                name = _(
                    "Recruitment: applied for %(job)s, now at %(stage)s",
                    job=applicant.job_id.name or applicant.display_name,
                    stage=applicant.stage_id.name or _("no stage"),
                )
            elif refused:
                name = _(
                    "Recruitment: application for %(job)s refused (%(reason)s)",
                    job=applicant.job_id.name or applicant.display_name,
                    reason=applicant.refuse_reason_id.name,
                )
            else:
                name = _(
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
            self.env["hr.satisfaction.survey"].sudo()._send_candidate_pulses(ended)
        return interactions
