# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

# The module, not its classes: a test class imported here would run here again.
from odoo.addons.hr_relationship.tests import test_access_hardening as core

from .common import RecruitmentCase

MODULE = "hr_relationship_recruitment"


@tagged("post_install", "-at_install")
class TestGuardedFields(core.AccessHardeningMixin, RecruitmentCase):
    """Recruitment's models carry the relationship data behind its groups."""

    def test_every_guarded_field_has_groups(self):
        self._check_fields_guarded(MODULE, ["hr.applicant"])


@tagged("post_install", "-at_install")
class TestAdministratorAndActions(core.AccessHardeningMixin, RecruitmentCase):
    def test_every_public_action_returns_a_value(self):
        self._check_public_actions_return_a_value(MODULE, 5)
