# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

# The module, not its class: a class imported here would run here again.
from odoo.addons.hr_relationship.tests import test_translations as core


@tagged("post_install", "-at_install")
class TestDutchTranslation(core.TestDutchTranslation):
    """This module's catalogue: current, complete, placeholders and wording
    as the core's."""

    _module = "hr_relationship_recruitment_dashboard"
