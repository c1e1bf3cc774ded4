# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRecruitmentTour(HttpCase):
    def test_candidate_to_stakeholder(self):
        job = self.env["hr.job"].create({"name": "Tour Developer"})
        candidate = self.env["hr.candidate"].create(
            {"partner_name": "Tessa Tourkandidaat", "email_from": "tessa@example.com"}
        )
        applicant = self.env["hr.applicant"].create(
            {"candidate_id": candidate.id, "job_id": job.id}
        )
        action = self.env.ref("hr_recruitment.action_hr_candidate")
        self.start_tour(
            f"/odoo/action-{action.id}/{candidate.id}",
            "hr_relationship_candidate_tour",
            login="admin",
        )
        stakeholder = self.env["hr.stakeholder"].search(
            [("candidate_id", "=", candidate.id)]
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
