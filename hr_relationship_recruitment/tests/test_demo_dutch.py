# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import HrRelationshipCase

MODULE = "hr_relationship_recruitment"


@tagged("post_install", "-at_install")
class TestDemoInDutch(HrRelationshipCase):
    """A database created in Dutch writes the recruitment steps of the demo
    in Dutch, as the core's demo is: without a user language, in the
    database's language that Odoo sets for a database created with one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.applicant = cls.env.ref(
            f"{MODULE}.demo_applicant_sanne_de_vries", raise_if_not_found=False
        )
        if not cls.applicant:
            cls.skipTest(cls, "needs the demo data")
        cls.env["res.lang"]._activate_lang("nl_NL")
        # What creating a database in Dutch leaves (res.lang._install_default).
        cls.env["ir.default"].set("res.partner", "lang", "nl_NL")
        # Install runs without a user language.
        cls.env = cls.env(context={})
        cls.env["ir.module.module"]._load_module_terms(
            ["hr_relationship", MODULE], ["nl_NL"]
        )

    def ref(self, xmlid):
        return self.env.ref(f"{MODULE}.{xmlid}")

    def test_recruitment_step_written_without_user_language_reads_dutch(self):
        applicant = self.ref("demo_applicant_sanne_de_vries")
        applicant.write({"stage_id": self.env.ref("hr_recruitment.stage_job3").id})
        step = self.env["hr.relationship.interaction"].search(
            [("applicant_id", "=", applicant.id)], order="id desc", limit=1
        )
        self.assertTrue(step.name.startswith("Werving: sollicitatie voor"), step.name)
        self.assertIn("naar", step.name)
