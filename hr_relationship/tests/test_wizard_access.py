# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BUSINESS_PARTNER_GROUP, MANAGER_GROUP, RpcCase


class CompanyBMixin:
    """Company B, whose user ``user_b`` (of the groups ``_user_b_groups``)
    asks about company A's records, for the core's and the bridges' tests."""

    _user_b_groups = f"{BUSINESS_PARTNER_GROUP},hr.group_hr_user"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "HRR Company B"})
        cls.user_b = cls._new_user(
            "hrr_wizard_b", cls._user_b_groups, company=cls.company_b
        )


@tagged("post_install", "-at_install")
class TestWizardAccess(CompanyBMixin, RpcCase):
    """No dialog of the addon names a record its user may not read: not
    through its action, not through values a caller puts in it (create,
    write, a default in the context, an onchange), and not through another
    user's dialog. Company B's users ask about company A's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_b = cls._new_user(
            "hrr_wizard_manager_b", MANAGER_GROUP, company=cls.company_b
        )
        cls.admin_b = cls._new_user(
            "hrr_wizard_admin_b",
            f"{MANAGER_GROUP},base.group_system",
            company=cls.company_b,
        )
        cls.campaign_a = cls.env["hr.satisfaction.survey"].create(
            {
                "name": "HRR Campaign A",
                "company_id": cls.company.id,
                "internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        cls.campaign_b = cls.env["hr.satisfaction.survey"].create(
            {"name": "HRR Campaign B", "company_id": cls.company_b.id}
        )
        # Company A's records that the action names.
        cls.targets = [cls.sh_anna, cls.client_sales, cls.emp_anna, cls.partner_ext]

    def test_who_knows_action_refused(self):
        Wizard = self.env["hr.relationship.who.knows"]
        before = Wizard.search_count([])
        for record in self.targets:
            with self.subTest(model=record._name):
                as_b = record.with_user(self.user_b)
                with self.assertRaises(AccessError):
                    as_b.read(["display_name"])
                with self.assertRaises(AccessError):
                    as_b.action_hr_who_knows()
        self.assertEqual(Wizard.search_count([]), before)
        # Their own company's records answer as before.
        client_b = self.env["hr.internal.client"].create(
            {"name": "HRR Client B", "company_id": self.company_b.id}
        )
        action = client_b.with_user(self.user_b).action_hr_who_knows()
        wizard = Wizard.with_user(self.user_b).browse(action["res_id"])
        self.assertEqual(wizard.target_name, "HRR Client B")

    def test_who_knows_lines_refuse_foreign_ids(self):
        Wizard = self.env["hr.relationship.who.knows"].with_user(self.user_b)
        with self.assertRaises(AccessError):
            Wizard.create(
                {
                    "line_ids": [
                        Command.create(
                            {"via_stakeholder_id": self.sh_anna.id, "kind": "warm"}
                        )
                    ]
                }
            )
        wizard = Wizard.create({"res_model": "hr.stakeholder"})
        with self.assertRaises(AccessError):
            wizard.write(
                {"line_ids": [Command.create({"via_stakeholder_id": self.sh_bob.id})]}
            )
        Line = self.env["hr.relationship.who.knows.line"].with_user(self.user_b)
        with self.assertRaises(AccessError):
            Line.create({"wizard_id": wizard.id, "via_stakeholder_id": self.sh_bob.id})
        with self.assertRaises(AccessError):
            Line.with_context(default_via_stakeholder_id=self.sh_bob.id).create(
                {"wizard_id": wizard.id}
            )
        self.assertFalse(wizard.line_ids)

    def test_dialog_is_its_openers(self):
        """Another user of the same company does not read someone's answer."""
        action = self.sh_anna.with_user(self.user).action_hr_who_knows()
        wizard = self.env["hr.relationship.who.knows"].browse(action["res_id"])
        self.assertEqual(wizard.with_user(self.user).target_name, "Anna Jansen")
        for user in (self.other_user, self.user_b):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    wizard.with_user(user).read(["target_name"])

    def test_improvement_plan_wizard(self):
        Wizard = self.env["hr.improvement.plan.wizard"].with_user(self.user_b)
        with self.assertRaises(AccessError):
            Wizard.create({"campaign_id": self.campaign_a.id})
        with self.assertRaises(AccessError):
            Wizard.create(
                {
                    "campaign_id": self.campaign_b.id,
                    "line_ids": [
                        Command.create(
                            {
                                "name": "Look",
                                "internal_client_ids": [
                                    Command.set(self.client_sales.ids)
                                ],
                            }
                        )
                    ],
                }
            )
        wizard = Wizard.create({"campaign_id": self.campaign_b.id})
        self.assertEqual(wizard.campaign_id.name, "HRR Campaign B")

    def test_departure_wizard(self):
        Wizard = self.env["hr.departure.wizard"].with_user(self.user_b)
        spec = {"employee_ids": {"fields": {"display_name": {}}}}
        anna = [Command.set(self.emp_anna.ids)]
        with self.assertRaises(AccessError):
            Wizard.onchange({"employee_ids": anna}, [], spec)
        with self.assertRaises(AccessError):
            Wizard.with_context(active_ids=self.emp_anna.ids).default_get(
                ["employee_ids"]
            )
        with self.assertRaises(AccessError):
            Wizard.create({"employee_ids": anna})

    def test_privacy_lookup(self):
        """A lookup line crafted with another company's stakeholder exports
        and erases nothing of it."""
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.admin_b)
            .create({"name": "Anna Jansen", "email": "anna@example.com"})
        )
        self.env["privacy.lookup.wizard.line"].with_user(self.admin_b).create(
            {
                "wizard_id": wizard.id,
                "res_model_id": self.env["ir.model"]._get_id("hr.stakeholder"),
                "res_id": self.sh_anna.id,
            }
        )
        for action in ("action_hr_relationship_export", "action_hr_relationship_erase"):
            with self.subTest(action=action):
                with self.assertRaises(AccessError):
                    getattr(wizard, action)()
        self.assertFalse(self.sh_anna.is_anonymised)

    def test_xmlrpc(self):
        for record in self.targets:
            with self.subTest(model=record._name):
                fault = self._assert_rpc_refused(
                    self.user_b, record._name, "action_hr_who_knows", [record.ids]
                )
                self.assertNotIn(record.display_name, fault.faultString)
        cases = [
            (
                "hr.relationship.who.knows",
                "create",
                [{"line_ids": [[0, 0, {"via_stakeholder_id": self.sh_anna.id}]]}],
                {},
            ),
            (
                "hr.departure.wizard",
                "onchange",
                [
                    [],
                    {"employee_ids": [[6, 0, [self.emp_anna.id]]]},
                    [],
                    {"employee_ids": {"fields": {"display_name": {}}}},
                ],
                {},
            ),
        ]
        self._assert_rpc_calls_refused(self.user_b, cases, "Anna")
