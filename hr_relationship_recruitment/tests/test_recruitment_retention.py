# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentRetention(RecruitmentCase):
    """Candidate stakeholders follow the retention rules; the relationship
    and Recruitment never erase each other's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stakeholder = cls._keep_stakeholder(cls.applicant)

    @classmethod
    def _keep_stakeholder(cls, applicant):
        wizard = cls.env["hr.applicant.stakeholder.wizard"].create(
            {"applicant_id": applicant.id}
        )
        return cls.env["hr.stakeholder"].browse(wizard.action_confirm()["res_id"])

    def _recruitment_state(self):
        applicant = self.applicant.with_context(active_test=False)
        return {
            "applicants": applicant._hr_person_applications().read(
                ["stage_id", "active", "email_from", "partner_name", "partner_id"]
            ),
            "partner": applicant.partner_id.read(["name", "email", "active"]),
        }

    def test_candidate_retention_rule(self):
        # Without consent: four weeks (the default) after the last contact,
        # which the recruitment steps keep moving.
        last = self.stakeholder.last_interaction_date or fields.Date.today()
        start = max(last, self.stakeholder.create_date.date())
        self.assertEqual(
            self.stakeholder.retention_date, start + relativedelta(weeks=4)
        )

    def test_anonymising_keeps_recruitment_records(self):
        before = self._recruitment_state()
        partner = self.stakeholder.partner_id
        self.stakeholder._privacy_anonymise()
        self.assertRecordValues(
            self.stakeholder.with_context(active_test=False),
            [
                {
                    "is_anonymised": True,
                    "applicant_id": False,
                    "partner_id": False,
                    "active": False,
                }
            ],
        )
        self.env.invalidate_all()
        self.assertEqual(self._recruitment_state(), before)
        self.assertTrue(partner.exists())
        self.assertFalse(self.applicant.hr_stakeholder_count)
        log = self.env["hr.relationship.retention.log"].search(
            [("stakeholder_ref", "=", self.stakeholder.id)]
        )
        self.assertEqual(log.relation_type, "candidate")

    def test_daily_job_anonymises_due_candidates_only_on_our_side(self):
        before = self._recruitment_state()
        self.stakeholder.with_context(active_test=False).interaction_ids.write(
            {"date": fields.Date.today() - relativedelta(weeks=10)}
        )
        self.env.cr.execute(
            "UPDATE hr_stakeholder SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - relativedelta(weeks=10), self.stakeholder.id),
        )
        self.env.invalidate_all()
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        stakeholder = self.stakeholder.with_context(active_test=False)
        self.assertTrue(stakeholder.is_anonymised)
        self.assertFalse(stakeholder.applicant_id)
        self.env.invalidate_all()
        self.assertEqual(self._recruitment_state(), before)

    def test_export_names_the_applicant(self):
        data = self.stakeholder._privacy_export_data()
        self.assertEqual(data["stakeholders"][0]["applicant"], "Noor Nieuw")

    def test_deleting_the_applicant_leaves_no_dangling_link(self):
        steps = self.stakeholder.interaction_ids
        self.assertTrue(steps.applicant_id)
        self.applicant.unlink()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertTrue(self.stakeholder.exists())
        self.assertFalse(self.stakeholder.applicant_id)
        self.assertTrue(steps.exists())
        self.assertFalse(steps.applicant_id)
        self.env.cr.execute(
            "SELECT COUNT(*) FROM hr_stakeholder s"
            " LEFT JOIN hr_applicant a ON a.id = s.applicant_id"
            " WHERE s.applicant_id IS NOT NULL AND a.id IS NULL"
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    def test_deleting_a_referral_updates_the_ambassador(self):
        self.sh_erik.ambassador = True
        referred = self._applicant(
            "HRR Ref",
            "hrr.ref@example.com",
            referred_stakeholder_id=self.sh_erik.id,
        )
        self.assertEqual(self.sh_erik.applicant_referral_count, 1)
        referred.unlink()
        self.assertEqual(self.sh_erik.applicant_referral_count, 0)
