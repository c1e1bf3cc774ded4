# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.fields import Domain

from odoo.addons.hr_relationship.models.database_lang import database_lang
from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.hr_relationship.tools.record_check import checked_records

# The interaction type of the steps Recruitment records by itself.
RECRUITMENT_STEP = "recruitment"
# Setting: send the candidate-experience pulse when a process ends.
CANDIDATE_PULSE_PARAM = "hr_relationship.candidate_pulse"


class HrApplicant(models.Model):
    """An application, or a talent, seen from the relationships: who referred
    it, whether the person is an alumnus coming back, the stakeholder record
    HR keeps of the person, and the steps of the process as interactions of
    that record.

    A stakeholder record is linked to one applicant record of its person;
    the person's other applications (the same contact or email address in
    the same company, or the same talent) are theirs as well, as all
    applications of a candidate were before Odoo 19.0 merged candidates into
    applicants.

    Every field here carries the relationship group: a recruiter without a
    relationship role sees no stakeholder data."""

    _name = "hr.applicant"
    _inherit = [
        "hr.applicant",
        "hr.relationship.guarded.fields",
        "hr.relationship.alumnus.mixin",
    ]

    referred_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Referred by Stakeholder",
        index="btree_not_null",
        tracking=True,
        ondelete="set null",
        groups=RELATIONSHIP_USER,
        help="The stakeholder or ambassador who brought in this applicant.",
    )
    hr_stakeholder_count = fields.Integer(
        string="Stakeholder Records",
        compute="_compute_hr_stakeholder_count",
        groups=RELATIONSHIP_USER,
    )

    def _hr_person_keys(self):
        """What makes this applicant record its person's, each key within
        its company: the record itself, its talent, its contact, its email
        address. Two records sharing a key are of one person, as Recruitment
        matches applications (``_get_similar_applicants_domain``)."""
        self.ensure_one()
        company = self.company_id.id
        keys = {("id", company, self._origin.id)}
        if self.pool_applicant_id:
            keys.add(("talent", company, self.pool_applicant_id.id))
        if self.partner_id:
            keys.add(("partner", company, self.partner_id.id))
        if self.email_normalized:
            keys.add(("email", company, self.email_normalized))
        return keys

    def _hr_person_keys_domain(self, prefix=""):
        """The applicant records that may share a key with these ones, as a
        domain on ``prefix`` (a path to hr.applicant); wider than the keys
        (no company), which narrow it down."""
        applicants = self._origin
        emails = [e for e in applicants.mapped("email_normalized") if e]
        domain = Domain(f"{prefix}id", "in", applicants.ids)
        if applicants.pool_applicant_id:
            domain |= Domain(
                f"{prefix}pool_applicant_id", "in", applicants.pool_applicant_id.ids
            )
        if applicants.partner_id:
            domain |= Domain(f"{prefix}partner_id", "in", applicants.partner_id.ids)
        if emails:
            domain |= Domain(f"{prefix}email_normalized", "in", emails)
        return domain

    def _hr_linked_stakeholders(self):
        """The stakeholder records of the persons of these applicants,
        archived ones included, as superuser: a relationship role need not be
        a Recruitment officer, nor a recruiter a relationship role. Returns
        the records and, by applicant, the ones of its person."""
        applicants = self.sudo().with_context(active_test=False)
        Stakeholder = self.env["hr.stakeholder"].sudo().with_context(active_test=False)
        if not applicants._origin:
            return Stakeholder, {}
        stakeholders = Stakeholder.search(
            applicants._hr_person_keys_domain("applicant_id.")
        )
        # Keyed, so that many applications cost one pass, not one each.
        by_key = defaultdict(set)
        for stakeholder in stakeholders:
            for key in stakeholder.applicant_id._hr_person_keys():
                by_key[key].add(stakeholder.id)
        by_applicant = {}
        for applicant in applicants:
            ids = set()
            for key in applicant._hr_person_keys():
                ids |= by_key.get(key, set())
            by_applicant[applicant._origin] = stakeholders.browse(sorted(ids))
        return stakeholders, by_applicant

    def _hr_person_applications(self):
        """The applications of this applicant's person, refused and archived
        ones included, as superuser; talents are no applications."""
        self.ensure_one()
        applicant = self.sudo().with_context(active_test=False)
        keys = applicant._hr_person_keys()
        found = applicant.search(
            applicant._hr_person_keys_domain() & Domain("talent_pool_ids", "=", False)
        )
        return found.filtered(lambda a: a._hr_person_keys() & keys)

    def _hr_stakeholders(self):
        """The stakeholder records of these applicants' persons that the
        current user may read."""
        stakeholders = self._hr_linked_stakeholders()[0]
        return stakeholders.with_env(self.env)._filtered_access("read")

    def _compute_hr_stakeholder_count(self):
        stakeholders, by_applicant = self._hr_linked_stakeholders()
        readable = set(stakeholders.with_env(self.env)._filtered_access("read").ids)
        for applicant in self:
            mine = by_applicant.get(applicant._origin, stakeholders.browse())
            applicant.hr_stakeholder_count = len(set(mine.ids) & readable)

    @api.readonly
    def action_view_hr_stakeholders(self):
        checked_records(self, single=True)
        # Relationship roles only: Recruitment alone opens no stakeholder.
        self.env["hr.stakeholder"].check_access("read")
        stakeholders = self._hr_stakeholders()
        action = {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder Record of %s", self.display_name),
            "res_model": "hr.stakeholder",
            "context": {"active_test": False},
        }
        if len(stakeholders) == 1:
            action.update(
                res_id=stakeholders.id, view_mode="form", views=[(False, "form")]
            )
        else:
            action.update(
                view_mode="list,form", domain=[("id", "in", stakeholders.ids)]
            )
        return action

    def action_create_hr_stakeholder(self):
        """Keep a relationship with this applicant or talent: ask for their
        consent first, as for every external relation."""
        checked_records(self, single=True)
        self.check_access("read")
        self.env["hr.stakeholder"].check_access("create")
        existing = self._hr_stakeholders()
        if existing:
            return self.action_view_hr_stakeholders()
        return {
            "type": "ir.actions.act_window",
            "name": _("Keep as Stakeholder"),
            "res_model": "hr.applicant.stakeholder.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_applicant_id": self.id},
        }

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
        refused, on its person's stakeholder records, created together;
        and the candidate-experience pulse for the processes that ended.
        Written in the database's language when no user's is known."""
        applicants = self.sudo().with_context(
            active_test=False, lang=database_lang(self.env)
        )
        env = applicants.env
        # A talent is the person in a pool, no application: its copy for a
        # job is.
        changed = applicants.filtered(
            lambda a: (
                (a.stage_id, a.refuse_reason_id) != before.get(a.id)
                and not a.talent_pool_ids
            )
        )
        stakeholders, by_applicant = changed._hr_linked_stakeholders()
        if not stakeholders.filtered("active"):
            return self.env["hr.relationship.interaction"]
        values = []
        ended = applicants.browse()
        for applicant in changed:
            linked = by_applicant[applicant].filtered("active")
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
