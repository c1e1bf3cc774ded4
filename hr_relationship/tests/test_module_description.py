# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestModuleDescription(TransactionCase):
    def test_apps_show_each_description_without_docutils_warnings(self):
        """The Apps screen renders a module's README.rst with docutils; a
        markup error there (a heading level used twice, a line that starts
        with ">") shows as a system message in the page and a warning in the
        server log."""
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "hr_relationship%"), ("state", "=", "installed")]
        )
        self.assertIn("hr_relationship", modules.mapped("name"))
        for module in modules:
            with self.subTest(module=module.name):
                with self.assertNoLogs("odoo.addons.base.models.ir_module", "WARNING"):
                    module.invalidate_recordset(["description_html"])
                    self.assertTrue(module.description_html)
