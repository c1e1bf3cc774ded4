# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRecruitmentTour(HttpCase):
    def test_applicant_to_stakeholder(self):
        job = self.env["hr.job"].create({"name": "Tour Developer"})
        applicant = self.env["hr.applicant"].create(
            {
                "partner_name": "Tessa Tourkandidaat",
                "email_from": "tessa@example.com",
                "job_id": job.id,
            }
        )
        # Recruitment's Applications menu, where a recruiter finds them.
        action = self.env.ref("hr_recruitment.crm_case_categ0_act_job")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "hr_relationship_applicant_tour",
            login="admin",
        )
        stakeholder = self.env["hr.stakeholder"].search(
            [("applicant_id", "=", applicant.id)]
        )
        self.assertRecordValues(
            stakeholder,
            [
                {
                    "relation_type": "candidate",
                    "consent": True,
                    "consent_purpose": "Being approached for later vacancies",
                    "owner_id": self.env.ref("base.user_admin").id,
                }
            ],
        )
        self.assertEqual(stakeholder.interaction_ids.applicant_id, applicant)
