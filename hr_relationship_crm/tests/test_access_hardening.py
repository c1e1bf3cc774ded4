# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

# The module, not its classes: a test class imported here would run here again.
from odoo.addons.hr_relationship.tests import test_access_hardening as core
from odoo.addons.hr_relationship.tests.common import USER_GROUP, RpcCase

MODULE = "hr_relationship_crm"


@tagged("post_install", "-at_install")
class TestGuardedFields(core.AccessHardeningMixin, RpcCase):
    """The field this module adds to CRM's leads is closed to users outside
    the relationship groups, however it is read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = cls._new_user(
            "hrr_outsider",
            "base.group_user,sales_team.group_sale_salesman_all_leads,"
            "base.group_allow_export",
        )
        # A relationship role who sells as well.
        cls.seller = cls._new_user(
            "hrr_seller",
            f"{USER_GROUP},sales_team.group_sale_salesman_all_leads",
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "HRR Lead",
                "company_id": cls.company.id,
                "referred_stakeholder_id": cls.sh_anna.id,
            }
        )

    def test_every_guarded_field_has_groups(self):
        self.assertEqual(
            self._check_fields_guarded(MODULE, ["crm.lead"]),
            {"crm.lead": ["referred_stakeholder_id"]},
        )

    def test_read_group_refused(self):
        self._check_grouping_refused(
            self.outsider, "crm.lead", "referred_stakeholder_id"
        )

    def test_read_search_export_refused(self):
        self._check_field_refused(self.outsider, self.lead, "referred_stakeholder_id")
        # Through the stakeholder's side as well.
        with self.assertRaises(AccessError):
            self.lead.with_user(self.outsider).search(
                [("referred_stakeholder_id.name", "=", "Anna Jansen")]
            )

    def test_role_users_still_group(self):
        self._check_role_user_groups(
            self.seller, self.lead, "referred_stakeholder_id", self.sh_anna
        )

    def test_xmlrpc(self):
        fname = "referred_stakeholder_id"
        calls = [
            ("formatted_read_group", [[], [fname], ["__count"]], {}),
            ("web_read_group", [[], [fname], ["__count"]], {}),
            ("read", [self.lead.ids, [fname]], {}),
            ("export_data", [self.lead.ids, [f"{fname}/name"]], {}),
        ]
        self._assert_rpc_calls_refused(
            self.outsider, [("crm.lead", *call) for call in calls], "Anna"
        )

    def test_copy_keeps_what_the_user_cannot_see(self):
        copy = self.lead.with_user(self.outsider).copy()
        # Read as superuser: since 19.0 the outsider's records refuse it.
        self.assertEqual(copy.sudo().referred_stakeholder_id, self.sh_anna)
