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
    """The dialog that keeps a candidate as stakeholder names no candidate
    its user may not read: not through values a caller puts in it (create,
    a default in the context, an onchange), not through RPC. Company B's
    users ask about company A's candidate."""

    _user_b_groups = f"{core.CompanyBMixin._user_b_groups},{RECRUITMENT_USER}"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.candidate_b = cls.env["hr.candidate"].create(
            {"partner_name": "Bram Branch", "company_id": cls.company_b.id}
        )

    def test_candidate_wizard(self):
        Wizard = self.env["hr.candidate.stakeholder.wizard"].with_user(self.user_b)
        spec = {"candidate_id": {"fields": {"display_name": {}}}}
        with self.assertRaises(AccessError):
            Wizard.create({"candidate_id": self.candidate.id})
        with self.assertRaises(AccessError):
            Wizard.with_context(default_candidate_id=self.candidate.id).default_get(
                ["candidate_id"]
            )
        with self.assertRaises(AccessError):
            Wizard.onchange({"candidate_id": self.candidate.id}, [], spec)
        # Their own company's candidate, owned by themselves, as before.
        wizard = Wizard.with_context(default_candidate_id=self.candidate_b.id).create(
            {}
        )
        self.assertEqual(wizard.candidate_id.display_name, "Bram Branch")
        result = Wizard.onchange({"candidate_id": self.candidate_b.id}, [], spec)
        self.assertEqual(result["value"]["candidate_id"]["display_name"], "Bram Branch")

    def test_xmlrpc(self):
        cases = [
            (
                "hr.candidate.stakeholder.wizard",
                "create",
                [{}],
                {"context": {"default_candidate_id": self.candidate.id}},
            ),
            (
                "hr.candidate.stakeholder.wizard",
                "onchange",
                [
                    [],
                    {"candidate_id": self.candidate.id},
                    [],
                    {"candidate_id": {"fields": {"display_name": {}}}},
                ],
                {},
            ),
        ]
        self._assert_rpc_calls_refused(self.user_b, cases, "Noor")
