# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import HrRelationshipCase

MODULE = "hr_relationship"


class DemoInDutchCase(HrRelationshipCase):
    """A database created in Dutch, as Odoo leaves it, in which a module's
    demo (``_module``'s, present when ``_demo_xmlid`` is) is written as at
    install: without a user language. It has no test of its own: the core
    and each bridge subclass it with theirs."""

    _module = MODULE
    _demo_xmlid = "demo_campaign_value_2025"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_record = cls.env.ref(
            f"{cls._module}.{cls._demo_xmlid}", raise_if_not_found=False
        )
        if not cls.demo_record:
            cls.skipTest(cls, "needs the demo data")
        cls.env["res.lang"]._activate_lang("nl_NL")
        # What creating a database in Dutch leaves (res.lang._install_default).
        cls.env["ir.default"].set("res.partner", "lang", "nl_NL")
        # Install runs without a user language.
        cls.env = cls.env(context={})

    @classmethod
    def _load_dutch_terms(cls, modules):
        cls.env["ir.module.module"]._load_module_terms(modules, ["nl_NL"])

    def ref(self, xmlid):
        return self.env.ref(f"{self._module}.{xmlid}")


@tagged("post_install", "-at_install")
class TestDemoInDutch(DemoInDutchCase):
    """A database created in Dutch shows the demo in Dutch: the demo's own
    step runs as it does at install, with the database's language set as
    Odoo sets it for a database created with a language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.demo_record
        # As an install in Dutch writes it: Dutch words, the English name.
        cls.env.ref(f"{MODULE}.stakeholder_ronnie_hart").message_ids.filtered(
            lambda m: m.body == "<p>HR Stakeholder created</p>"
        ).body = "<p>HR Stakeholder aangemaakt</p>"
        Demo = cls.env["hr.relationship.demo"]
        Demo._load_terms()
        cls._load_dutch_terms([MODULE])
        Demo._localise()

    def test_translatable_demo_names_follow_the_reader(self):
        self.assertEqual(
            self.campaign.with_context(lang="nl_NL").name, "Klantwaarde: nulmeting"
        )
        self.assertEqual(
            self.campaign.with_context(lang="en_US").name, "Customer value: baseline"
        )
        project = self.ref("project_employer_branding")
        self.assertEqual(project.with_context(lang="nl_NL").name, "Werkgeversmerk")
        self.assertEqual(project.with_context(lang="en_US").name, "Employer branding")

    def test_typed_demo_texts_are_written_in_dutch(self):
        client = self.ref("client_sales_benelux")
        self.assertIn("Sneller accountmanagers werven", str(client.needs))
        interaction = self.ref("interaction_001")
        self.assertEqual(interaction.name, "Aftrap Werkgeversmerk")
        self.assertIn("Goed gesprek", str(interaction.summary))
        self.assertEqual(
            self.ref("demo_concern_vacancies").name,
            "Vacatures voor accountmanagers staan te lang open",
        )
        self.assertEqual(
            self.ref("stakeholder_ronnie_hart").approach_notes,
            "Loop even langs zijn bureau; lange e-mails worden niet gelezen.",
        )

    def test_chatter_written_at_install_reads_dutch(self):
        for xmlid in ("stakeholder_jeffrey_kelly", "stakeholder_ronnie_hart"):
            bodies = self.ref(xmlid).message_ids.mapped("body")
            self.assertIn("<p>HR-stakeholder aangemaakt</p>", bodies)
            self.assertFalse([b for b in bodies if "created" in b], bodies)
            self.assertNotIn("<p>HR Stakeholder aangemaakt</p>", bodies)
