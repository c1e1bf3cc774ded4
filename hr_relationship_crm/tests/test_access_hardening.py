# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import USER_GROUP, RpcCase


@tagged("post_install", "-at_install")
class TestGuardedFields(RpcCase):
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
        Lead = self.env["crm.lead"]
        ours = [
            name
            for name, field in Lead._fields.items()
            if "hr_relationship_crm" in (field._modules or ())
        ]
        self.assertEqual(ours, ["referred_stakeholder_id"])
        self.assertTrue(Lead._fields["referred_stakeholder_id"].groups)
        self.assertIn("referred_stakeholder_id", Lead._hr_guarded_fields())

    def test_read_group_refused(self):
        Lead = self.env["crm.lead"].with_user(self.outsider)
        Lead.check_access("read")  # the model itself is theirs
        with self.assertRaises(AccessError):
            Lead._read_group([], ["referred_stakeholder_id"], ["__count"])
        with self.assertRaises(AccessError):
            Lead.web_read_group([], ["__count"], ["referred_stakeholder_id"])
        with self.assertRaises(AccessError):
            Lead.read_group([], [], ["referred_stakeholder_id"])

    def test_read_search_export_refused(self):
        fname = "referred_stakeholder_id"
        as_outsider = self.lead.with_user(self.outsider)
        with self.assertRaises(AccessError):
            as_outsider.read([fname])
        with self.assertRaises(AccessError):
            as_outsider.export_data([fname])
        with self.assertRaises(AccessError):
            as_outsider.search([(fname, "!=", False)])
        with self.assertRaises(AccessError):
            as_outsider.search([], order=fname)
        # Through the stakeholder's side as well.
        with self.assertRaises(AccessError):
            as_outsider.search([(f"{fname}.name", "=", "Anna Jansen")])

    def test_role_users_still_group(self):
        groups = (
            self.env["crm.lead"]
            .with_user(self.seller)
            ._read_group(
                [("id", "=", self.lead.id)], ["referred_stakeholder_id"], ["__count"]
            )
        )
        self.assertEqual(groups, [(self.sh_anna, 1)])

    def test_xmlrpc(self):
        for method, args, kwargs in [
            ("read_group", [[], ["name"], ["referred_stakeholder_id"]], {"lazy": True}),
            ("web_read_group", [[], ["__count"], ["referred_stakeholder_id"]], {}),
            ("read", [self.lead.ids, ["referred_stakeholder_id"]], {}),
            ("export_data", [self.lead.ids, ["referred_stakeholder_id/name"]], {}),
        ]:
            with self.subTest(method=method):
                fault = self._assert_rpc_refused(
                    self.outsider, "crm.lead", method, args, kwargs
                )
                self.assertNotIn("Anna", fault.faultString)

    def test_copy_keeps_what_the_user_cannot_see(self):
        copy = self.lead.with_user(self.outsider).copy()
        self.assertEqual(copy.referred_stakeholder_id, self.sh_anna)
