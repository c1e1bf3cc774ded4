# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

# The module, not its classes: a test class imported here would run here again.
from odoo.addons.hr_relationship.tests import test_demo_dutch as core

MODULE = "hr_relationship_recruitment"


@tagged("post_install", "-at_install")
class TestDemoInDutch(core.DemoInDutchCase):
    """A database created in Dutch writes the recruitment steps of the demo
    in Dutch, as the core's demo is: without a user language, in the
    database's language that Odoo sets for a database created with one."""

    _module = MODULE
    _demo_xmlid = "demo_applicant_sanne_de_vries"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_dutch_terms([core.MODULE, MODULE])

    def test_recruitment_step_written_without_user_language_reads_dutch(self):
        applicant = self.ref("demo_applicant_sanne_de_vries")
        applicant.write({"stage_id": self.env.ref("hr_recruitment.stage_job3").id})
        step = self.env["hr.relationship.interaction"].search(
            [("applicant_id", "=", applicant.id)], order="id desc", limit=1
        )
        self.assertTrue(step.name.startswith("Werving: sollicitatie voor"), step.name)
        self.assertIn("naar", step.name)
