# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests.common import (
    BUSINESS_PARTNER_GROUP,
    RPC_ACCESS_ERROR,
    RpcMixin,
)

from .common import RECRUITMENT_USER, RecruitmentCase


@tagged("post_install", "-at_install")
class TestWizardAccess(RpcMixin, HttpCase, RecruitmentCase):
    """The dialog that keeps a candidate as stakeholder names no candidate
    its user may not read: not through values a caller puts in it (create,
    a default in the context, an onchange), not through RPC. Company B's
    users ask about company A's candidate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "HRR Company B"})
        cls.user_b = cls._new_user(
            "hrr_wizard_b",
            f"{BUSINESS_PARTNER_GROUP},hr.group_hr_user,{RECRUITMENT_USER}",
            company=cls.company_b,
        )
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
        for model, method, args, kwargs in cases:
            with self.subTest(model=model, method=method):
                try:
                    result = self._execute(self.user_b, model, method, args, kwargs)
                except Fault as fault:
                    self.assertEqual(fault.faultCode, RPC_ACCESS_ERROR)
                    self.assertNotIn("Noor", fault.faultString)
                else:
                    self.fail(f"{model}.{method} answered {result!r}")
