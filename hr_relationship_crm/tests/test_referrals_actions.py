# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged

from odoo.addons.hr_relationship.tests.common import (
    BUSINESS_PARTNER_GROUP,
    HrRelationshipCase,
)


@tagged("post_install", "-at_install")
class TestReferrals(HrRelationshipCase):
    def test_referral_count(self):
        self.sh_erik.write({"relation_type": "supplier", "ambassador": True})
        Lead = self.env["crm.lead"]
        won = Lead.create(
            {"name": "HRR Lead won", "referred_stakeholder_id": self.sh_erik.id}
        )
        lost = Lead.create(
            {
                "name": "HRR Lead lost",
                "type": "opportunity",
                "referred_stakeholder_id": self.sh_erik.id,
            }
        )
        lost.action_set_lost()
        self.assertFalse(lost.active)
        Lead.create({"name": "HRR Unreferred lead"})
        self.assertEqual(self.sh_erik.referral_count, 2)
        self.assertEqual(self.sh_anna.referral_count, 0)

        won.referred_stakeholder_id = self.sh_anna
        (self.sh_erik | self.sh_anna).invalidate_recordset(["referral_count"])
        self.assertEqual(self.sh_erik.referral_count, 1)
        self.assertEqual(self.sh_anna.referral_count, 1)

    def test_action_view_referrals(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "HRR Lead",
                "referred_stakeholder_id": self.sh_erik.id,
                "active": False,
            }
        )
        action = self.sh_erik.action_view_referrals()
        self.assertEqual(action["res_model"], "crm.lead")
        self.assertEqual(
            action["domain"], [("referred_stakeholder_id", "=", self.sh_erik.id)]
        )
        self.assertEqual(
            action["context"]["default_referred_stakeholder_id"], self.sh_erik.id
        )
        # The action shows archived (lost) referrals too, like the count.
        found = (
            self.env["crm.lead"]
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(found, lead)

    def test_ambassador_ranking_counts_leads_for_sales(self):
        """The ranking's Leads column and the stakeholder's Referrals button
        are there for who may read CRM's leads, and for nobody else."""
        salesperson = new_test_user(
            self.env,
            login="hrr_crm_sales",
            groups=f"{BUSINESS_PARTNER_GROUP},sales_team.group_sale_salesman",
        )
        partner = new_test_user(
            self.env,
            login="hrr_crm_partner",
            groups=BUSINESS_PARTNER_GROUP,
        )
        ranking = self.env.ref("hr_relationship.hr_stakeholder_view_list_ambassadors")
        form = self.env.ref("hr_relationship.hr_stakeholder_view_form")
        Stakeholder = self.env["hr.stakeholder"]
        for user, shown in ((salesperson, True), (partner, False)):
            with self.subTest(user=user.login):
                views = Stakeholder.with_user(user).get_views(
                    [(ranking.id, "list"), (form.id, "form")]
                )["views"]
                self.assertEqual(
                    'name="referral_count"' in views["list"]["arch"], shown
                )
                self.assertEqual(
                    'name="action_view_referrals"' in views["form"]["arch"], shown
                )
