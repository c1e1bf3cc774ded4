# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentBoomerang(RecruitmentCase):
    """An alumnus applying again is recognised on both sides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leaver = cls.env["hr.employee"].create(
            {
                "name": "Bram Boemerang",
                "company_id": cls.company.id,
                "job_title": "Account Manager",
                "private_email": "bram.private@example.com",
                "departure_date": "2025-03-31",
            }
        )
        cls.alumnus = cls.leaver._create_alumnus_stakeholders(consent=True)

    def test_applicant_by_email_is_an_alumnus(self):
        # A new contact, but the private address HR kept for the alumnus.
        partner = self.env["res.partner"].create(
            {"name": "B. Boemerang", "email": "Bram.Private@example.com"}
        )
        candidate = self.env["hr.candidate"].create(
            {
                "partner_name": "B. Boemerang",
                "partner_id": partner.id,
                "company_id": self.company.id,
            }
        )
        applicant = self._applicant(candidate)
        self.assertNotEqual(candidate.partner_id, self.alumnus.partner_id)
        for record in (applicant, candidate):
            self.assertRecordValues(
                record,
                [
                    {
                        "hr_is_alumnus": True,
                        "hr_alumnus_stakeholder_id": self.alumnus.id,
                        "hr_alumnus_departure_date": fields.Date.to_date("2025-03-31"),
                        "hr_alumnus_former_job": "Account Manager",
                    }
                ],
            )
        self.assertEqual(self.alumnus.boomerang_applicant_ids, applicant)
        self.assertEqual(self.alumnus.boomerang_applicant_count, 1)
        action = self.alumnus.action_view_boomerang_applicants()
        self.assertEqual(self.env["hr.applicant"].search(action["domain"]), applicant)
        # Everybody else is no alumnus.
        self.assertFalse(self.applicant.hr_is_alumnus)
        self.assertFalse(self.sh_erik.boomerang_applicant_ids)

    def test_applicant_by_private_contact_is_an_alumnus(self):
        candidate = self.env["hr.candidate"].create(
            {
                "partner_name": "Bram",
                "partner_id": self.alumnus.partner_id.id,
                "company_id": self.company.id,
            }
        )
        applicant = self._applicant(candidate)
        self.assertEqual(applicant.hr_alumnus_stakeholder_id, self.alumnus)

    def test_alumni_filter(self):
        candidate = self._candidate("Bram", "bram.private@example.com")
        applicant = self._applicant(candidate)
        Applicant = self.env["hr.applicant"]
        domain = [("job_id", "=", self.job.id)]
        self.assertEqual(
            Applicant.search(domain + [("hr_is_alumnus", "=", True)]), applicant
        )
        self.assertEqual(
            Applicant.search(domain + [("hr_is_alumnus", "!=", True)]), self.applicant
        )
        self.assertEqual(
            Applicant.search(domain + [("hr_is_alumnus", "=", False)]), self.applicant
        )
        self.assertEqual(
            self.env["hr.candidate"].search(
                [("hr_is_alumnus", "=", True), ("company_id", "=", self.company.id)]
            ),
            candidate,
        )
        with self.assertRaisesRegex(UserError, "true or false"):
            Applicant.search([("hr_is_alumnus", "ilike", "x")])
        # The filter is in Recruitment's search views.
        for xmlid in (
            "hr_relationship_recruitment.hr_applicant_view_search",
            "hr_relationship_recruitment.hr_candidate_view_search",
        ):
            self.assertIn("hr_is_alumnus", self.env.ref(xmlid).arch)

    def test_anonymised_alumnus_is_no_longer_recognised(self):
        candidate = self._candidate("Bram", "bram.private@example.com")
        applicant = self._applicant(candidate)
        self.assertTrue(applicant.hr_is_alumnus)
        self.alumnus._privacy_anonymise()
        applicant.invalidate_recordset()
        self.assertFalse(applicant.hr_is_alumnus)
        self.assertFalse(
            self.env["hr.applicant"].search(
                [("hr_is_alumnus", "=", True), ("id", "=", applicant.id)]
            )
        )

    def test_keeping_an_alumnus_candidate_links_their_record(self):
        candidate = self.env["hr.candidate"].create(
            {
                "partner_name": "Bram Boemerang",
                "partner_id": self.alumnus.partner_id.id,
                "company_id": self.company.id,
            }
        )
        applicant = self._applicant(candidate)
        stakeholder = self._keep(candidate)
        # One person, one record: the alumnus keeps their type and consent.
        self.assertEqual(stakeholder, self.alumnus)
        self.assertRecordValues(
            self.alumnus,
            [
                {
                    "candidate_id": candidate.id,
                    "relation_type": "alumnus",
                    "consent": True,
                }
            ],
        )
        self.assertEqual(self.alumnus.interaction_ids.applicant_id, applicant)
