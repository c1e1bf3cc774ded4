# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests import test_malformed_input as core
from odoo.addons.hr_relationship.tests.common import HrRelationshipCase

MODULE = "hr_relationship_crm"


@tagged("post_install", "-at_install")
class TestMalformedInput(core.MalformedInputMixin, HttpCase, HrRelationshipCase):
    """This module's public RPC entry points answer malformed input with a
    readable error and write nothing, as the core's do."""

    _addon = MODULE
    _addons = (core.CORE_MODULE, MODULE)
    _shared_tables = [*core.SHARED_TABLES, "crm_lead"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.caller.group_ids += cls.env.ref("sales_team.group_sale_manager")

    def _cases(self):
        stakeholders = self.sh_anna | self.sh_bob
        return {
            ("hr.stakeholder", "action_view_referrals"): self._single(stakeholders),
        }

    def test_every_public_method_has_malformed_cases(self):
        self.assertIn(
            ("hr.stakeholder", "action_view_referrals"), self._public_methods()
        )
        self._check_every_public_method_has_malformed_cases()

    def test_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self._check_malformed_calls_get_a_clean_error_and_write_nothing()
