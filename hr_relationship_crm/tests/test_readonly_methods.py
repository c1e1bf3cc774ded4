# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import USER_GROUP, HrRelationshipCase
from odoo.addons.hr_relationship.tests.test_readonly_methods import (
    ReadonlyMethodsMixin,
)


@tagged("post_install", "-at_install")
class TestReadonlyMethods(ReadonlyMethodsMixin, HrRelationshipCase):
    """The bridge's buttons that only open a list run on a read replica where
    there is one, and write nothing (see the core's ReadonlyMethodsMixin)."""

    _addon = "hr_relationship_crm"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bridge_user = cls._new_user(
            "hrr_readonly_crm", f"{USER_GROUP},sales_team.group_sale_salesman"
        )

    def _readonly_calls(self):
        sales = self.env(user=self.bridge_user)
        return {
            ("hr.stakeholder", "action_view_referrals"): (
                self.sh_anna.with_env(sales),
                [],
                {},
            ),
        }

    def test_every_marked_method_is_called(self):
        self.assertTrue(self._marked_methods())
        self._check_every_marked_method_is_called()

    def test_marked_methods_write_nothing(self):
        self._check_marked_methods_write_nothing()
