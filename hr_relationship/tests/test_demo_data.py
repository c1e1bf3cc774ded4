# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import TransactionCase, tagged

MODULE = "hr_relationship"
SEASONS = re.compile(
    r"spring|summer|autumn|fall|winter|voorjaar|lente|zomer|najaar|herfst",
    re.IGNORECASE,
)


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """What the demo database shows whatever the month it is installed in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            f"{MODULE}.demo_campaign_value_2025", raise_if_not_found=False
        ):
            cls.skipTest(cls, "needs the demo data")

    def test_campaign_names_stay_true_in_every_month(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms([MODULE], ["nl_NL"])
        campaigns = self.env["hr.satisfaction.survey"].search([])
        for lang in ("en_US", "nl_NL"):
            names = campaigns.with_context(lang=lang).mapped("name")
            self.assertFalse([n for n in names if SEASONS.search(n)], names)

    def _months(self, model, **domain):
        rows = self.env[model].search_read(
            [(field, "=", value) for field, value in domain.items()], ["month"]
        )
        return {row["month"] for row in rows}

    def test_trend_reports_have_months_of_history(self):
        self.assertGreaterEqual(
            len(self._months("hr.relationship.health.snapshot")), 12
        )
        self.assertGreaterEqual(
            len(self._months("hr.relationship.portfolio.snapshot")), 12
        )
        # Projects have history from their start, about half a year ago.
        project = self.env.ref(f"{MODULE}.project_hybride_werken")
        self.assertGreaterEqual(
            len(self._months("hr.project.support.snapshot", project_id=project.id)),
            5,
        )

    def test_history_shows_a_course_not_a_flat_line(self):
        client = self.env.ref(f"{MODULE}.client_sales_benelux")
        snapshots = self.env["hr.relationship.health.snapshot"].search(
            [("internal_client_id", "=", client.id)], order="month"
        )
        self.assertGreater(len(set(snapshots.mapped("health_score"))), 3)
        self.assertTrue(all(0 <= s <= 100 for s in snapshots.mapped("health_score")))
        # Satisfaction only once a campaign had closed.
        first, last = snapshots[0], snapshots[-1]
        self.assertFalse(first.latest_csat)
        self.assertTrue(last.latest_csat)
        project = self.env.ref(f"{MODULE}.project_hybride_werken")
        support = self.env["hr.project.support.snapshot"].search(
            [("project_id", "=", project.id)], order="month"
        )
        self.assertNotEqual(support[0].support_index, support[-1].support_index)
