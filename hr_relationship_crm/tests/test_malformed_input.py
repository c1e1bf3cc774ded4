# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import inspect

from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests import test_malformed_input as core
from odoo.addons.hr_relationship.tests.common import MANAGER_GROUP, HrRelationshipCase

BRIDGE_MODULE = "odoo.addons.hr_relationship_crm."

# The core's test, reached through its module so that it does not run here
# a second time: this module's cases go through the same checks.
CoreCase = core.TestMalformedInput


def _public_methods(registry):
    """``{(model, method)}`` of every public method this module defines or
    overrides."""
    methods = set()
    for model_name, model_class in registry.items():
        for cls in model_class.__mro__:
            if not cls.__module__.startswith(BRIDGE_MODULE):
                continue
            for name, member in vars(cls).items():
                if inspect.isfunction(member) and not name.startswith("_"):
                    methods.add((model_name, name))
    return methods


@tagged("post_install", "-at_install")
class TestMalformedInput(HttpCase, HrRelationshipCase):
    """This module's public RPC entry points answer malformed input with a
    readable error and write nothing, as the core's do."""

    _record_cases = CoreCase._record_cases
    _single = CoreCase._single
    _tables = CoreCase._tables
    _fingerprint = CoreCase._fingerprint
    _xmlrpc = CoreCase._xmlrpc
    _jsonrpc = CoreCase._jsonrpc
    _assert_clean_refusal = CoreCase._assert_clean_refusal

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.caller = cls._new_user(
            "hrr_malformed",
            f"{MANAGER_GROUP},base.group_system,sales_team.group_sale_manager",
        )

    def _cases(self):
        stakeholders = self.sh_anna | self.sh_bob
        return {
            ("hr.stakeholder", "action_view_referrals"): self._single(stakeholders),
        }

    def test_every_public_method_has_malformed_cases(self):
        methods = _public_methods(self.env.registry)
        self.assertIn(("hr.stakeholder", "action_view_referrals"), methods)
        missing = methods - set(self._cases())
        self.assertFalse(
            missing,
            "Public methods without malformed-input cases: "
            + ", ".join(f"{model}.{method}" for model, method in sorted(missing)),
        )

    def test_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self.authenticate(self.caller.login, self.caller.login)
        for (model, method), calls in self._cases().items():
            for args, kwargs in calls:
                with self.subTest(model=model, method=method, args=args, kw=kwargs):
                    self._assert_clean_refusal(model, method, args, kwargs)
