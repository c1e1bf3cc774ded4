# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import make_fixture


@tagged("post_install", "-at_install")
class TestUiFirstWeek(HttpCase):
    """What an HR partner meets in their first week says what is true."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.data = make_fixture(env, "First Week", env.ref("base.user_admin"))

    def test_who_knows_them_is_read_only_and_says_what_strength_is(self):
        supplier = self.data["supplier"]
        self.start_tour(
            f"/odoo/action-hr_relationship.hr_stakeholder_action/{supplier.id}",
            "hr_relationship_who_knows_tour",
            login="admin",
        )

    def test_profile_without_consent_says_so_while_editing(self):
        supplier = self.data["supplier"]
        self.assertFalse(supplier.consent)
        profile = supplier._get_profiles()
        self.assertTrue(profile.lacks_consent)
        self.start_tour(
            f"/odoo/action-hr_relationship.hr_stakeholder_profile_action/{profile.id}",
            "hr_relationship_profile_consent_tour",
            login="admin",
        )
        supplier.consent = True
        profile.invalidate_recordset(["lacks_consent"])
        self.assertFalse(profile.lacks_consent)
