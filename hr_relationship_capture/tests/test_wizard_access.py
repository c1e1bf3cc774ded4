# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import MANAGER_GROUP, HrRelationshipCase


@tagged("post_install", "-at_install")
class TestWizardAccess(HrRelationshipCase):
    """No dialog of the capture names a record its user may not read.
    Company B's administrator asks about company A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "HRR Company B"})
        cls.manager_b = cls._new_user(
            "hrr_wizard_manager_b", MANAGER_GROUP, company=cls.company_b
        )

    def test_capture_backfill(self):
        Wizard = self.env["hr.relationship.capture.backfill"].with_user(self.manager_b)
        with self.assertRaises(AccessError):
            Wizard.create({"company_ids": [Command.set(self.company.ids)]})
        self.assertEqual(Wizard.create({}).company_ids, self.company_b)
