# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
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
        applicant = self._applicant("B. Boemerang", partner_id=partner.id)
        self.assertNotEqual(applicant.partner_id, self.alumnus.partner_id)
        self.assertEqual(applicant.email_normalized, "bram.private@example.com")
        self.assertRecordValues(
            applicant,
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
        applicant = self._applicant("Bram", partner_id=self.alumnus.partner_id.id)
        self.assertEqual(applicant.hr_alumnus_stakeholder_id, self.alumnus)

    def test_alumni_filter(self):
        applicant = self._applicant("Bram", "bram.private@example.com")
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
        # Odoo refuses what is no boolean condition, before asking us.
        with self.assertRaisesRegex(ValueError, "hr_is_alumnus"):
            Applicant.search([("hr_is_alumnus", "ilike", "x")])
        self.assertEqual(
            Applicant.search(domain + [("hr_is_alumnus", "in", [True, False])]),
            applicant | self.applicant,
        )
        self.assertFalse(
            Applicant.search(domain + [("hr_is_alumnus", "not in", [True, False])])
        )
        # The filter is in Recruitment's search view (of applicants and
        # talents alike).
        self.assertIn(
            "hr_is_alumnus",
            self.env.ref("hr_relationship_recruitment.hr_applicant_view_search").arch,
        )

    def test_anonymised_alumnus_is_no_longer_recognised(self):
        applicant = self._applicant("Bram", "bram.private@example.com")
        self.assertTrue(applicant.hr_is_alumnus)
        self.alumnus._privacy_anonymise()
        applicant.invalidate_recordset()
        self.assertFalse(applicant.hr_is_alumnus)
        self.assertFalse(
            self.env["hr.applicant"].search(
                [("hr_is_alumnus", "=", True), ("id", "=", applicant.id)]
            )
        )

    def test_keeping_an_alumnus_applicant_links_their_record(self):
        applicant = self._applicant(
            "Bram Boemerang", partner_id=self.alumnus.partner_id.id
        )
        stakeholder = self._keep(applicant)
        # One person, one record: the alumnus keeps their type and consent.
        self.assertEqual(stakeholder, self.alumnus)
        self.assertRecordValues(
            self.alumnus,
            [
                {
                    "applicant_id": applicant.id,
                    "relation_type": "alumnus",
                    "consent": True,
                }
            ],
        )
        self.assertEqual(self.alumnus.interaction_ids.applicant_id, applicant)
