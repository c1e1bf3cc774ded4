# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentReferrals(RecruitmentCase):
    """An ambassador's referrals are the applicants they bring, counted with
    how far each got and how many were hired."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sh_erik.write({"ambassador": True})
        cls.referred = cls.env["hr.applicant"].concat(
            *(
                cls._applicant(
                    f"HRR Referred {n}",
                    f"ref{n}@example.com",
                    referred_stakeholder_id=cls.sh_erik.id,
                )
                for n in range(3)
            )
        )

    def test_counts_follow_the_process(self):
        self.assertRecordValues(
            self.sh_erik, [{"applicant_referral_count": 3, "hired_referral_count": 0}]
        )
        hired, refused, ongoing = self.referred
        hired.write({"stage_id": self.stage_hired.id})
        refused.write({"refuse_reason_id": self.refuse_reason.id, "active": False})
        self.assertTrue(hired.date_closed)
        # Refused referrals still count as referrals, just not as hires.
        self.assertRecordValues(
            self.sh_erik, [{"applicant_referral_count": 3, "hired_referral_count": 1}]
        )
        self.assertEqual(self.sh_erik.referred_applicant_ids, self.referred)
        self.assertEqual(
            self.referred.mapped("application_status"), ["hired", "refused", "ongoing"]
        )
        self.assertEqual(ongoing.stage_id, self.stage_new)
        # Moving a referral to another referrer moves the counts.
        hired.referred_stakeholder_id = self.sh_anna
        self.assertRecordValues(
            self.sh_erik | self.sh_anna,
            [
                {"applicant_referral_count": 2, "hired_referral_count": 0},
                {"applicant_referral_count": 1, "hired_referral_count": 1},
            ],
        )
        # Unhiring takes the hire back.
        hired.write({"stage_id": self.stage_new.id})
        self.assertEqual(self.sh_anna.hired_referral_count, 0)

    def test_action_view_referred_applicants(self):
        self.referred[0].write(
            {"refuse_reason_id": self.refuse_reason.id, "active": False}
        )
        action = self.sh_erik.action_view_referred_applicants()
        self.assertEqual(action["res_model"], "hr.applicant")
        found = (
            self.env["hr.applicant"]
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(found, self.referred)
        self.assertEqual(
            action["context"]["default_referred_stakeholder_id"], self.sh_erik.id
        )

    def test_ambassador_ranking(self):
        self.referred[0].write({"stage_id": self.stage_hired.id})
        eva = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Eva Alum"}).id,
                "relation_type": "alumnus",
                "ambassador": True,
                "company_id": self.company.id,
            }
        )
        for n in range(2):
            self._applicant(f"HRR Eva {n}", referred_stakeholder_id=eva.id).write(
                {"stage_id": self.stage_hired.id}
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.hr_stakeholder_action_ambassadors"
        )
        view = self.env.ref("hr_relationship.hr_stakeholder_view_list_ambassadors")
        self.assertEqual(action["views"][0], (view.id, "list"))
        order = "hired_referral_count desc, applicant_referral_count desc, name"
        self.assertIn(order, view.get_combined_arch())
        domain = safe_eval(action["domain"]) + [("company_id", "=", self.company.id)]
        ranking = self.env["hr.stakeholder"].search(domain, order=order)
        # Eva hired two of two, Erik one of three; the rest referred nobody.
        self.assertEqual(ranking.ids, [eva.id, self.sh_erik.id])
        self.assertEqual(ranking.mapped("hired_referral_count"), [2, 1])
        # An ambassador without referrals is listed too, last.
        self.sh_erik.referred_applicant_ids.write({"referred_stakeholder_id": False})
        domain = safe_eval(action["domain"]) + [("company_id", "=", self.company.id)]
        ranking = self.env["hr.stakeholder"].search(domain, order=order)
        self.assertEqual(ranking.ids, [eva.id, self.sh_erik.id])
        self.assertEqual(ranking.mapped("applicant_referral_count"), [2, 0])
