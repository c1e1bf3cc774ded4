# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import USER_GROUP

from .common import RECRUITMENT_USER, RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentStakeholder(RecruitmentCase):
    """An applicant or talent in Recruitment becomes a stakeholder in one
    click, with consent asked, and the person's process shows among the
    interactions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_recruiter = cls._new_user("hrr_both", f"{USER_GROUP},{RECRUITMENT_USER}")

    def test_keep_applicant_asks_consent(self):
        action = self.applicant.with_user(
            self.hr_recruiter
        ).action_create_hr_stakeholder()
        self.assertEqual(action["res_model"], "hr.applicant.stakeholder.wizard")
        self.assertEqual(action["target"], "new")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.hr_recruiter)
            .with_context(**action["context"])
            .create({"consent": True})
        )
        with self.assertRaisesRegex(UserError, "consented to"):
            wizard.action_confirm()
        self.assertFalse(self.applicant.hr_stakeholder_count)

    def test_keep_applicant(self):
        stakeholder = self._keep(
            self.applicant,
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
                    "partner_id": self.applicant.partner_id.id,
                    "applicant_id": self.applicant.id,
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
        self.applicant.invalidate_recordset()
        self.assertEqual(self.applicant.hr_stakeholder_count, 1)
        # A second click opens the record instead of making another.
        action = self.applicant.action_create_hr_stakeholder()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.stakeholder", stakeholder.id)
        )
        action = self.applicant.action_view_hr_stakeholders()
        self.assertEqual(action["res_id"], stakeholder.id)
        action = stakeholder.action_view_applicant()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.applicant", self.applicant.id)
        )
        # The person's other application shows the same record, and keeping
        # it opens that record: one person, one stakeholder.
        second = self._applicant("Noor Nieuw", "noor.nieuw@example.com")
        self.assertEqual(second.hr_stakeholder_count, 1)
        action = second.action_create_hr_stakeholder()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.stakeholder", stakeholder.id)
        )
        # Another company's application with that address is not theirs.
        company_b = self.env["res.company"].create({"name": "HRR Company B"})
        other_company = self._applicant(
            "Noor Nieuw",
            "noor.nieuw@example.com",
            company_id=company_b.id,
            job_id=False,
            stage_id=False,
        )
        self.assertEqual(other_company.hr_stakeholder_count, 0)

    def test_keep_talent(self):
        """A talent in a pool is kept like an application, and the
        applications Recruitment makes of it are the person's."""
        pool = self.env["hr.talent.pool"].create({"name": "HRR Pool"})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Tim Talent",
                "company_id": self.company.id,
                "talent_pool_ids": [(4, pool.id)],
            }
        )
        self.assertEqual(talent.pool_applicant_id, talent)
        stakeholder = self._keep(talent)
        self.assertEqual(stakeholder.applicant_id, talent)
        # A talent is no application: no step for it.
        self.assertFalse(stakeholder.interaction_ids)
        application = self._applicant("Tim Talent", pool_applicant_id=talent.id)
        self.assertRecordValues(
            stakeholder.interaction_ids,
            [
                {
                    "applicant_id": application.id,
                    "name": "Recruitment: applied for HRR Developer, now at HRR New",
                }
            ],
        )
        self.assertEqual(application.hr_stakeholder_count, 1)

    def test_keep_applicant_without_contact(self):
        applicant = self._applicant("Ravi Zonder")
        self.assertFalse(applicant.partner_id)
        stakeholder = self._keep(applicant)
        self.assertEqual(stakeholder.partner_id.name, "Ravi Zonder")
        self.assertFalse(stakeholder.consent)
        # Where the application stands is the first step, as for anyone.
        self.assertEqual(stakeholder.interaction_ids.applicant_id, applicant)
        # Recruitment's applicant stays as it was.
        self.assertFalse(applicant.partner_id)

    def test_keep_applicant_needs_a_name_or_email(self):
        applicant = self.env["hr.applicant"].create(
            {"company_id": self.company.id, "job_id": self.job.id}
        )
        with self.assertRaisesRegex(UserError, "neither a name"):
            self._keep(applicant)

    def test_stage_changes_become_interactions(self):
        stakeholder = self._keep(self.applicant)
        other_applicant = self._applicant("Olga Ander", "olga@example.com")
        unlinked = self._applicant("Zoe Los")
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
        # Nothing for applicants HR keeps no relationship with.
        self.assertFalse(
            self.env["hr.relationship.interaction"].search(
                [("applicant_id", "in", (other_applicant | unlinked).ids)]
            )
        )
        # Writing the same stage again records no step.
        self.applicant.write({"stage_id": self.stage_interview.id})
        self.assertEqual(len(stakeholder.interaction_ids - before), 1)

    def test_new_application_is_a_step(self):
        stakeholder = self._keep(self.applicant)
        before = stakeholder.interaction_ids
        second = self._applicant("Noor Nieuw", "noor.nieuw@example.com")
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
        stakeholder = self._keep(self.applicant)
        second = self._applicant("Noor Nieuw", "noor.nieuw@example.com")
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
        applicants = self.env["hr.applicant"].concat(
            *(
                self._applicant(f"HRR Bulk {n}", f"bulk{n}@example.com")
                for n in range(8)
            )
        )
        for applicant in applicants:
            self._keep(applicant)
        applicants.write({"stage_id": self.stage_interview.id})
        one = self._steps_queries(applicants[:1])
        many = self._steps_queries(applicants[1:])
        self.assertEqual(many, one)
