# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestReports(HrRelationshipCase):
    """Each report opens on the figure its name promises."""

    def _default_graph_measure(self, model):
        arch = self.env[model].get_views([(False, "graph")])["views"]["graph"]["arch"]
        measures = etree.fromstring(arch).xpath("//field[@type='measure']/@name")
        # Odoo's graph view opens on the last measure of its arch.
        return measures[-1]

    def test_importance_performance_opens_on_the_gap_worst_first(self):
        self.assertEqual(
            self._default_graph_measure("hr.satisfaction.service.result"), "gap"
        )
        arch = self.env["hr.satisfaction.service.result"].get_views([(False, "graph")])[
            "views"
        ]["graph"]["arch"]
        self.assertEqual(etree.fromstring(arch).get("order"), "desc")

    def test_csat_over_time_shows_csat_per_internal_client(self):
        self.assertEqual(self._default_graph_measure("hr.satisfaction.result"), "csat")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.action_hr_satisfaction_result"
        )
        self.assertIn("search_default_scope_client", action["context"])

    def test_campaign_results_open_the_per_client_figures(self):
        campaign = (
            self.env["hr.satisfaction.survey"]
            .with_user(self.manager)
            .create({"name": "Figures", "company_id": self.company.id})
        )
        action = campaign.action_view_results()
        self.assertEqual(action["domain"], [("campaign_id", "=", campaign.id)])
        self.assertEqual(action["context"], {"search_default_scope_client": 1})
        self.assertEqual(action["views"][0][1], "list")

    def test_every_search_panel_of_the_app_opens(self):
        """Each search panel the app declares loads its values, as the web
        client does when the report opens (a res.users panel must not try to
        build a hierarchy of users, for example)."""
        views = self.env["ir.ui.view"].search(
            [("type", "=", "search"), ("arch_db", "like", "searchpanel")]
        )
        views = views.filtered(lambda v: v.xml_id.startswith("hr_relationship."))
        self.assertTrue(views)
        for view in views:
            arch = etree.fromstring(
                self.env[view.model].get_view(view.id, "search")["arch"]
            )
            for node in arch.xpath("//searchpanel/field"):
                with self.subTest(view=view.xml_id, field=node.get("name")):
                    method = (
                        "search_panel_select_multi_range"
                        if node.get("select") == "multi"
                        else "search_panel_select_range"
                    )
                    getattr(self.env[view.model].with_user(self.manager), method)(
                        node.get("name"),
                        enable_counters=bool(node.get("enable_counters")),
                        hierarchize=node.get("hierarchize", "1") != "0",
                    )
