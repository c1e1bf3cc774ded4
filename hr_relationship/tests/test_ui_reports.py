# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import BUSINESS_PARTNER_GROUP


@tagged("post_install", "-at_install")
class TestReportsTour(HttpCase):
    """The reports as an HR business partner who has no role in CRM opens
    them: from the menu, with the chart read as it is drawn."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_user = new_test_user(
            cls.env,
            login="hrr_report_reader",
            groups=BUSINESS_PARTNER_GROUP,
        )

    def test_ambassador_ranking_tour(self):
        self.assertFalse(self.partner_user.has_group("sales_team.group_sale_salesman"))
        # Their Reporting menu offers the ranking, so it must open.
        menu = self.env.ref("hr_relationship.menu_hr_stakeholder_ambassadors")
        visible = (
            self.env["ir.ui.menu"].with_user(self.partner_user)._visible_menu_ids()
        )
        self.assertIn(menu.id, visible)
        self.start_tour(
            "/odoo/action-hr_relationship.hr_stakeholder_action_ambassadors",
            "hr_relationship_ambassador_ranking_tour",
            login=self.partner_user.login,
        )

    def test_health_trend_tour(self):
        self.start_tour(
            "/odoo/action-hr_relationship.hr_relationship_health_snapshot_action",
            "hr_relationship_health_trend_tour",
            login=self.partner_user.login,
        )

    def test_csat_nps_tour(self):
        # The demo's campaigns are months apart: the months between have no
        # results and must not be drawn as a CSAT or NPS of 0.
        dates = self.env["hr.satisfaction.result"].search([]).mapped("date")
        self.assertGreater(
            len({(day.year, day.month) for day in dates}), 1, "the demo has moved"
        )
        self.start_tour(
            "/odoo/action-hr_relationship.action_hr_satisfaction_result",
            "hr_relationship_csat_nps_tour",
            login=self.partner_user.login,
        )
