# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

# The module, not its classes: a test class imported here would run here again.
from odoo.addons.hr_relationship.tests import test_wizard_access as core
from odoo.addons.hr_relationship.tests.common import RpcMixin

from .common import RECRUITMENT_USER, RecruitmentCase


@tagged("post_install", "-at_install")
class TestWizardAccess(core.CompanyBMixin, RpcMixin, HttpCase, RecruitmentCase):
    """The dialog that keeps an applicant as stakeholder names no applicant
    its user may not read: not through values a caller puts in it (create,
    a default in the context, an onchange), not through RPC. Company B's
    users ask about company A's applicant."""

    _user_b_groups = f"{core.CompanyBMixin._user_b_groups},{RECRUITMENT_USER}"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.applicant_b = cls.env["hr.applicant"].create(
            {"partner_name": "Bram Branch", "company_id": cls.company_b.id}
        )

    def test_applicant_wizard(self):
        Wizard = self.env["hr.applicant.stakeholder.wizard"].with_user(self.user_b)
        spec = {"applicant_id": {"fields": {"display_name": {}}}}
        with self.assertRaises(AccessError):
            Wizard.create({"applicant_id": self.applicant.id})
        with self.assertRaises(AccessError):
            Wizard.with_context(default_applicant_id=self.applicant.id).default_get(
                ["applicant_id"]
            )
        with self.assertRaises(AccessError):
            Wizard.onchange({"applicant_id": self.applicant.id}, [], spec)
        # Their own company's applicant, owned by themselves, as before.
        wizard = Wizard.with_context(default_applicant_id=self.applicant_b.id).create(
            {}
        )
        self.assertEqual(wizard.applicant_id.display_name, "Bram Branch")
        result = Wizard.onchange({"applicant_id": self.applicant_b.id}, [], spec)
        self.assertEqual(result["value"]["applicant_id"]["display_name"], "Bram Branch")

    def test_xmlrpc(self):
        cases = [
            (
                "hr.applicant.stakeholder.wizard",
                "create",
                [{}],
                {"context": {"default_applicant_id": self.applicant.id}},
            ),
            (
                "hr.applicant.stakeholder.wizard",
                "onchange",
                [
                    [],
                    {"applicant_id": self.applicant.id},
                    [],
                    {"applicant_id": {"fields": {"display_name": {}}}},
                ],
                {},
            ),
        ]
        self._assert_rpc_calls_refused(self.user_b, cases, "Noor")
