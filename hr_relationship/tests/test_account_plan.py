# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import BaseCase, HttpCase, tagged

from ..tools import svg_chart
from .common import BUSINESS_PARTNER_GROUP, HrRelationshipCase, SatisfactionSurveyMixin

REPORT = "hr_relationship.action_report_account_plan"


class AccountPlanCase(SatisfactionSurveyMixin, HrRelationshipCase):
    """An internal client with a history: needs, stakeholders, a project
    position, a commitment, a concern, health figures and a survey that HR
    acted on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sales = cls.client_sales
        sales.write(
            {
                "needs": "<p>HRR-NEED account managers hired within six weeks</p>",
                "expectations": "<p>HRR-EXPECT a shortlist every fortnight</p>",
            }
        )
        # Anna's profile is her owner's (the printing user's), Erik's another
        # user's: only the first may appear.
        cls.sh_anna.approach_notes = "HRR-APPROACH Anna prefers a call"
        cls.sh_erik.approach_notes = "HRR-SECRET Erik is looking for a new job"
        project = cls.env["project.project"].create(
            {
                "name": "HRR Onboarding Programme",
                "company_id": cls.company.id,
                "internal_client_id": sales.id,
            }
        )
        cls.env["hr.project.stakeholder"].create(
            {
                "project_id": project.id,
                "stakeholder_id": cls.sh_anna.id,
                "attitude": "sceptic",
                "target_attitude": "supporter",
            }
        )
        cls.env["hr.relationship.commitment"].create(
            {
                "name": "HRR-PROMISE send the shortlist",
                "company_id": cls.company.id,
                "internal_client_id": sales.id,
                "user_id": cls.user.id,
                "date_due": date(2026, 12, 20),
            }
        )
        cls.env["hr.relationship.concern"].create(
            {
                "name": "HRR-CONCERN vacancies open too long",
                "company_id": cls.company.id,
                "internal_client_id": sales.id,
                "user_id": cls.user.id,
            }
        )
        cls.env["hr.relationship.health.snapshot"].create(
            [
                {
                    "month": month,
                    "company_id": cls.company.id,
                    "internal_client_id": sales.id,
                    "health_score": score,
                    "health_state": "attention",
                }
                for month, score in [
                    (date(2026, 10, 1), 55.0),
                    (date(2026, 11, 1), 62.0),
                    (date(2026, 12, 1), 71.0),
                ]
            ]
        )
        cls._setup_survey_refs()
        cls.campaign = cls._campaign(cls, name="HRR Value Check Autumn")
        cls.env["hr.satisfaction.result"].create(
            {
                "campaign_id": cls.campaign.id,
                "company_id": cls.company.id,
                "date": "2026-11-15",
                "scope": "internal_client",
                "internal_client_id": sales.id,
                "invited_count": 6,
                "responded_count": 5,
                "satisfaction_count": 5,
                "csat": 80.0,
                "recommendation_count": 5,
                "nps": 20.0,
            }
        )
        cls.env["project.task"].create(
            {
                "name": "HRR-DID weekly vacancy stand-up",
                "project_id": cls.company._hr_improvement_project().id,
                "state": "1_done",
                "hr_campaign_id": cls.campaign.id,
                "hr_internal_client_ids": [Command.set(sales.ids)],
            }
        )
        cls.env["project.task"].create(
            {
                "name": "HRR-NEXT onboarding buddy for each new hire",
                "project_id": cls.company._hr_improvement_project().id,
                "hr_internal_client_ids": [Command.set(sales.ids)],
            }
        )
        cls.env.invalidate_all()


@tagged("post_install", "-at_install")
class TestAccountPlan(AccountPlanCase):
    """The account plan of an internal client prints what HR knows of the
    relationship, as the user who prints it may read it."""

    def _html(self, user, clients=None):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(REPORT, (clients or self.client_sales).ids)
        )
        return html.decode()

    def test_the_plan_holds_the_relationship(self):
        html = self._html(self.user)
        for text in (
            "HRR Sales",
            "HRR-NEED account managers hired",
            "HRR-EXPECT a shortlist",
            "Anna Jansen",
            "HRR Onboarding Programme",
            "HRR-PROMISE send the shortlist",
            "HRR-CONCERN vacancies open too long",
            # You said, we did: the client's figures and what HR did after.
            "HRR Value Check Autumn",
            "CSAT 80%",
            "HRR-DID weekly vacancy stand-up",
            # Next steps: the open improvement actions.
            "HRR-NEXT onboarding buddy",
        ):
            self.assertIn(text, html)
        # The figures over time are drawn, not left to a script.
        self.assertEqual(html.count("<svg"), 3)
        self.assertIn("HRR-APPROACH Anna prefers a call", html)

    def test_the_same_you_said_we_did_as_the_clients_page(self):
        page = self.env["hr.internal.client.partnership"].browse(self.client_sales.id)
        html = self._html(self.user)
        self.assertIn("HRR-DID weekly vacancy stand-up", page.you_said_we_did)
        self.assertIn(str(page.you_said_we_did), html)

    def test_profiles_follow_their_rules(self):
        html = self._html(self.user)
        self.assertIn("Erik Extern", html)
        self.assertNotIn("HRR-SECRET", html)
        # Erik's business partner reads his profile, and finds it in the plan.
        self.other_user.group_ids += self.env.ref(BUSINESS_PARTNER_GROUP)
        self.client_sales.hr_partner_id = self.other_user
        self.assertIn("HRR-SECRET", self._html(self.other_user))

    def test_a_client_without_history(self):
        html = self._html(self.user, self.client_ops)
        self.assertIn("No monthly health figures yet.", html)
        self.assertIn("No open commitments.", html)
        self.assertNotIn("HRR-PROMISE", html)

    def test_in_the_clients_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_relationship"], ["nl_NL"], overwrite=True
        )
        self.client_sales.lang = "nl_NL"
        html = self._html(self.user)
        for text in ("Accountplan", "Behoeften", "Open toezeggingen", "Scepticus"):
            self.assertIn(text, html)
        self.assertNotIn("Account Plan", html)
        # The printing user's own language is left alone.
        self.assertIn("Account Plan", self._html(self.user, self.client_ops))

    def test_only_who_may_read_the_client(self):
        with self.assertRaises(AccessError):
            self._html(self.internal_user)
        outsider = self._new_user(
            "hrr_plan_outsider",
            "hr_relationship.group_hr_relationship_user",
            company=self.env["res.company"].create({"name": "HRR Elsewhere"}),
        )
        with self.assertRaises(AccessError):
            self._html(outsider)


@tagged("post_install", "-at_install")
class TestAccountPlanPdf(HttpCase, AccountPlanCase):
    """wkhtmltopdf fetches the report's styles from the server, which sees
    the test's data only in an HTTP test case."""

    def test_prints_a_pdf(self):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user)
            # Tests render reports as HTML unless told otherwise.
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.client_sales.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestSvgChart(BaseCase):
    """The figures a PDF shows are drawn on the server, as plain SVG."""

    LABELS = {
        "influence": "Influence",
        "interest": "Interest",
        "manage_closely": "Manage Closely",
        "keep_satisfied": "Keep Satisfied",
        "keep_informed": "Keep Informed",
        "monitor": "Monitor <all>",
    }

    def test_no_figures_no_chart(self):
        self.assertEqual(svg_chart.trend([], 0, 100), "")

    def test_labels_are_text_not_markup(self):
        chart = svg_chart.trend([("<b>Jan</b>", 40.0), ("Feb", 60.0)], 0, 100)
        self.assertIn("&lt;b&gt;Jan&lt;/b&gt;", chart)
        self.assertNotIn("<b>", chart)
        self.assertIn(
            "Monitor &lt;all&gt;", svg_chart.power_interest_grid([], self.LABELS)
        )

    def test_bars_stay_on_their_scale(self):
        chart = svg_chart.trend([("Nov", 120.0), ("Dec", -5.0)], 0, 100, kind="bar")
        self.assertEqual(chart.count("<rect"), 2)
        # The value is written as it is; only the bar stops at the scale.
        self.assertIn(">120<", chart)

    def test_people_on_one_spot_stay_apart(self):
        people = [
            {"label": str(n), "influence": 4, "interest": 4, "attitude": "neutral"}
            for n in range(1, 11)
        ]
        grid = svg_chart.power_interest_grid(people, self.LABELS)
        centres = set(re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', grid))
        self.assertEqual(len(centres), 10)
