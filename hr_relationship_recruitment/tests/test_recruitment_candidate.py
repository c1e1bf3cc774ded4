# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import USER_GROUP

from .common import RECRUITMENT_USER, RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentCandidate(RecruitmentCase):
    """A candidate in Recruitment becomes a stakeholder in one click, with
    consent asked, and their process shows among the interactions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_recruiter = cls._new_user("hrr_both", f"{USER_GROUP},{RECRUITMENT_USER}")

    def test_keep_candidate_asks_consent(self):
        action = self.candidate.with_user(
            self.hr_recruiter
        ).action_create_hr_stakeholder()
        self.assertEqual(action["res_model"], "hr.candidate.stakeholder.wizard")
        self.assertEqual(action["target"], "new")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.hr_recruiter)
            .with_context(**action["context"])
            .create({"consent": True})
        )
        with self.assertRaisesRegex(UserError, "consented to"):
            wizard.action_confirm()
        self.assertFalse(self.candidate.hr_stakeholder_count)

    def test_keep_candidate(self):
        stakeholder = self._keep(
            self.candidate,
            user=self.hr_recruiter,
            consent=True,
            consent_purpose="Later vacancies",
        )
        self.assertRecordValues(
            stakeholder,
            [
                {
                    "name": "Noor Nieuw",
                    "relation_type": "candidate",
                    "partner_id": self.candidate.partner_id.id,
                    "candidate_id": self.candidate.id,
                    "company_id": self.company.id,
                    "owner_id": self.hr_recruiter.id,
                    "consent": True,
                    "consent_purpose": "Later vacancies",
                    "email": "noor.nieuw@example.com",
                }
            ],
        )
        self.assertTrue(stakeholder.retention_date)
        # Where the application stands is the first interaction.
        step = stakeholder.interaction_ids
        self.assertEqual(len(step), 1)
        self.assertRecordValues(
            step,
            [
                {
                    "interaction_type": "recruitment",
                    "applicant_id": self.applicant.id,
                    "name": "Recruitment: applied for HRR Developer, now at HRR New",
                }
            ],
        )
        self.candidate.invalidate_recordset()
        self.assertEqual(self.candidate.hr_stakeholder_count, 1)
        # A second click opens the record instead of making another.
        action = self.candidate.action_create_hr_stakeholder()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.stakeholder", stakeholder.id)
        )
        action = self.candidate.action_view_hr_stakeholders()
        self.assertEqual(action["res_id"], stakeholder.id)
        action = stakeholder.action_view_candidate()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.candidate", self.candidate.id)
        )

    def test_keep_candidate_without_contact(self):
        candidate = self._candidate("Ravi Zonder")
        self.assertFalse(candidate.partner_id)
        stakeholder = self._keep(candidate)
        self.assertEqual(stakeholder.partner_id.name, "Ravi Zonder")
        self.assertFalse(stakeholder.consent)
        self.assertFalse(stakeholder.interaction_ids)
        # Recruitment's candidate stays as it was.
        self.assertFalse(candidate.partner_id)

    def test_keep_candidate_needs_a_name_or_email(self):
        candidate = self.env["hr.candidate"].create({"company_id": self.company.id})
        with self.assertRaisesRegex(UserError, "neither a name"):
            self._keep(candidate)

    def test_stage_changes_become_interactions(self):
        stakeholder = self._keep(self.candidate)
        other = self._candidate("Olga Ander", "olga@example.com")
        other_applicant = self._applicant(other)
        unlinked = self._applicant(self._candidate("Zoe Los"))
        before = stakeholder.interaction_ids
        # A recruiter without any relationship role moves them, in one write.
        (self.applicant | other_applicant | unlinked).with_user(self.recruiter).write(
            {"stage_id": self.stage_interview.id}
        )
        steps = stakeholder.interaction_ids - before
        self.assertEqual(len(steps), 1)
        self.assertRecordValues(
            steps,
            [
                {
                    "name": "Recruitment: application for HRR Developer moved to "
                    "HRR Interview",
                    "interaction_type": "recruitment",
                    "source": "recruitment",
                    "applicant_id": self.applicant.id,
                    "user_id": self.recruiter.id,
                    "sentiment": "neutral",
                    "company_id": self.company.id,
                }
            ],
        )
        self.assertEqual(stakeholder.last_interaction_date, steps.date)
        # Nothing for candidates HR keeps no relationship with.
        self.assertFalse(
            self.env["hr.relationship.interaction"].search(
                [("applicant_id", "in", (other_applicant | unlinked).ids)]
            )
        )
        # Writing the same stage again records no step.
        self.applicant.write({"stage_id": self.stage_interview.id})
        self.assertEqual(len(stakeholder.interaction_ids - before), 1)

    def test_new_application_is_a_step(self):
        stakeholder = self._keep(self.candidate)
        before = stakeholder.interaction_ids
        second = self._applicant(self.candidate)
        step = stakeholder.interaction_ids - before
        self.assertRecordValues(
            step,
            [
                {
                    "name": "Recruitment: applied for HRR Developer, now at HRR New",
                    "applicant_id": second.id,
                    "interaction_type": "recruitment",
                }
            ],
        )

    def test_hire_and_refusal_are_steps(self):
        stakeholder = self._keep(self.candidate)
        second = self._applicant(self.candidate)
        self.applicant.write({"stage_id": self.stage_hired.id})
        second.write({"refuse_reason_id": self.refuse_reason.id, "active": False})
        steps = stakeholder.interaction_ids.filtered(
            lambda i: i.applicant_id and "Recruitment: application" in i.name
        )
        self.assertEqual(
            sorted(steps.mapped("name")),
            [
                "Recruitment: application for HRR Developer moved to HRR Hired",
                "Recruitment: application for HRR Developer refused (HRR Not a fit)",
            ],
        )
        hired = steps.filtered(lambda i: i.applicant_id == self.applicant)
        self.assertEqual(hired.sentiment, "positive")

    def _steps_queries(self, applicants):
        """Queries of recording the steps of ``applicants``, from a cold cache."""
        before = {
            applicant.id: (self.stage_new, self.refuse_reason.browse())
            for applicant in applicants
        }
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        steps = applicants._hr_record_recruitment_steps(before)
        self.env.flush_all()
        self.assertEqual(len(steps), len(applicants))
        return self.env.cr.sql_log_count - start

    def test_stage_steps_are_set_based(self):
        """The steps of many applications cost the queries of one."""
        candidates = [
            self._candidate(f"HRR Bulk {n}", f"bulk{n}@example.com") for n in range(8)
        ]
        applicants = self.env["hr.applicant"].concat(
            *(self._applicant(candidate) for candidate in candidates)
        )
        for candidate in candidates:
            self._keep(candidate)
        applicants.write({"stage_id": self.stage_interview.id})
        one = self._steps_queries(applicants[:1])
        many = self._steps_queries(applicants[1:])
        self.assertEqual(many, one)
