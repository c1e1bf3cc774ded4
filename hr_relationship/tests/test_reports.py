# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import HrRelationshipCase

# The figure each chart of the app stands for: what it opens on.
REPORT_MEASURES = {
    "hr_internal_client_view_graph_network": "coverage_gap_count",
    "hr_project_stakeholder_snapshot_view_graph": "support",
    "hr_project_support_snapshot_view_graph": "support_index",
    "hr_relationship_health_snapshot_view_graph": "health_score",
    "hr_relationship_interaction_view_graph": "sentiment_score",
    "hr_relationship_commitment_view_graph": "kept_on_time",
    "hr_relationship_portfolio_view_graph": "key_person_count",
    "hr_satisfaction_result_view_graph": "csat",
    "hr_satisfaction_service_result_view_graph": "gap",
    # The themes most respondents share.
    "hr_satisfaction_theme_view_graph": "answer_count",
    "hr_stakeholder_view_graph": "__count",
    "hr_stakeholder_view_graph_network": "__count",
    # Counts people; a bridge adds what they referred (its own view).
    "hr_stakeholder_view_graph_ambassadors": "__count",
}
NUMERIC_TYPES = ("integer", "float", "monetary")


def graph_arch_info(arch):
    """What Odoo's graph view (GraphArchParser) makes of an arch: its mode,
    the measure it opens on (the last one, else the count), whether it
    stacks (it does unless told not to) and its groupings."""
    root = etree.fromstring(arch)
    fields = [
        node
        for node in root.iter("field")
        if node.get("invisible") not in ("1", "True")
    ]
    measures = [node.get("name") for node in fields if node.get("type") == "measure"]
    return {
        "mode": root.get("type", "bar"),
        "measure": measures[-1] if measures else "__count",
        "stacked": root.get("stacked", "1").lower() not in ("0", "false"),
        "group_by": [
            node.get("name") for node in fields if node.get("type") != "measure"
        ],
    }


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

    def test_csat_over_time_opens_on_csat_of_the_internal_clients(self):
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
        self.assertEqual(
            action["context"],
            {"search_default_scope_client": 1, "fill_temporal": False},
        )
        self.assertEqual(action["views"][0][1], "list")

    def _report_views(self, view_type):
        views = self.env["ir.ui.view"].search([("type", "=", view_type)])
        return views.filtered(lambda v: v.xml_id.startswith("hr_relationship."))

    def test_every_chart_opens_on_its_figure_without_adding_up_averages(self):
        """Every graph view of the app, loaded as an HR user: it opens on the
        report's own figure, and does not stack (add up) a figure whose
        aggregate is not a sum; a line over months draws one series, since
        Odoo's graph draws a series missing in a month as 0."""
        views = self._report_views("graph")
        self.assertEqual(
            {view.xml_id.split(".")[1] for view in views}, set(REPORT_MEASURES)
        )
        for view in views:
            with self.subTest(view=view.xml_id):
                Model = self.env[view.model].with_user(self.user)
                arch = Model.get_views([(view.id, "graph")])["views"]["graph"]["arch"]
                info = graph_arch_info(arch)
                measure = info["measure"]
                expected = REPORT_MEASURES[view.xml_id.split(".")[1]]
                self.assertEqual(graph_arch_info(view.arch)["measure"], expected)
                # A bridge's extension may name the report's figure itself.
                bridged = [
                    name
                    for child in view.inherit_children_ids
                    for name in etree.fromstring(child.arch).xpath(
                        "//field[@type='measure']/@name"
                    )
                ]
                self.assertIn(measure, [expected, *bridged])
                aggregator = (
                    "sum" if measure == "__count" else Model._fields[measure].aggregator
                )
                if aggregator != "sum":
                    self.assertFalse(info["stacked"], "an average is stacked")
                first = info["group_by"][0] if info["group_by"] else None
                if info["mode"] == "line" and Model._fields[first].type in (
                    "date",
                    "datetime",
                ):
                    self.assertEqual(len(info["group_by"]), 1)

    def test_no_month_without_data_is_drawn_as_zero(self):
        """Odoo's graph asks read_group to fill the months between two with
        data (fill_temporal), each as 0. Every window action of the app that
        charts a figure over time turns that off, and so do the buttons that
        open such charts."""
        dated = {
            view.model
            for view in self._report_views("graph")
            if (group_by := graph_arch_info(view.arch)["group_by"])
            and self.env[view.model]._fields[group_by[0]].type in ("date", "datetime")
        }
        self.assertIn("hr.relationship.health.snapshot", dated)
        actions = self.env["ir.actions.act_window"].search(
            [("res_model", "in", list(dated)), ("view_mode", "like", "graph")]
        )
        actions = actions.filtered(lambda a: a.xml_id.startswith("hr_relationship."))
        self.assertTrue(actions)
        for action in actions:
            with self.subTest(action=action.xml_id):
                context = safe_eval(action.context or "{}", {"uid": self.env.uid})
                self.assertIs(context.get("fill_temporal"), False)
        project = self.env["project.project"].create({"name": "HRR trend"})
        for action in (
            self.sh_anna.action_view_interactions(),
            project.action_view_hr_support_history(),
        ):
            context = action["context"]
            if isinstance(context, str):
                context = safe_eval(context, {"uid": self.env.uid})
            self.assertIs(context.get("fill_temporal"), False)

    def test_figures_that_do_not_add_up_are_averaged(self):
        """In every model a report of the app charts or pivots, a number
        offered as a measure is summed only when it is a count; scores,
        rates and indexes are averaged (or offered as no measure at all)."""
        models = {
            view.model
            for view in self._report_views("graph") | self._report_views("pivot")
        }
        for model in models:
            for field in self.env[model]._fields.values():
                if field.type in NUMERIC_TYPES and field.store and field.aggregator:
                    with self.subTest(field=f"{model}.{field.name}"):
                        self.assertTrue(
                            field.aggregator != "sum" or field.name.endswith("_count"),
                            f"{field.string} is summed",
                        )
                        if field.name.endswith("_count"):
                            self.assertEqual(field.aggregator, "sum")

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
