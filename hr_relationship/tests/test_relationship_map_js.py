# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


def hoot_id(name):
    """The id hoot gives a suite or test of that full name (as Odoo's own
    web test runner computes it), to run only the addon's suite."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


@tagged("post_install", "-at_install")
class TestRelationshipMapJs(HttpCase):
    """The map's pure JavaScript parts (graph transforms, layout options),
    unit-tested with Odoo's test framework (hoot, static/tests)."""

    def test_unit_tests(self):
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&id={hoot_id('@hr_relationship')}",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=lambda message: "[HOOT]" not in message,
        )
