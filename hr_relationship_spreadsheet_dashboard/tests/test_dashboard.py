# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import file_open
from odoo.tools.safe_eval import safe_eval

from odoo.addons.hr_relationship.tests.common import (
    HrRelationshipCase,
    RpcCase,
    SatisfactionSurveyMixin,
)

from ..tools import build_dashboard, dashboard_builder

MODULE = "hr_relationship_spreadsheet_dashboard"
DASHBOARD = f"{MODULE}.spreadsheet_dashboard_relationships"
JSON_PATH = f"{MODULE}/data/files/relationships_dashboard.json"
# PIVOT.VALUE(id,"measure"[,"#dimension",n]) and PIVOT.HEADER(id,"#dimension",n)
PIVOT_VALUE = re.compile(r'PIVOT\.VALUE\((\d+),"([^"]+)"(?:,"#([^"]+)",\d+)?\)')
PIVOT_HEADER = re.compile(r'PIVOT\.HEADER\((\d+),"#([^"]+)",\d+\)')
LIST_VALUE = re.compile(r'ODOO\.LIST\((\d+),\d+,"([^"]+)"\)')


class DashboardMixin:
    """What the tests of every relationship dashboard check: its group and
    who sees it, that its file is its generator's output, and that every
    source names stored fields and reads as a relationship user."""

    @classmethod
    def _setup_dashboard(cls, xmlid=DASHBOARD):
        cls.dashboard = cls.env.ref(xmlid)
        cls.data = json.loads(cls.dashboard.spreadsheet_data)

    def _sources(self):
        """(kind, name, model, domain, group-bys, measures) of every pivot
        and Odoo chart, as the spreadsheet asks them of the server."""
        for pivot in self.data["pivots"].values():
            yield (
                "pivot",
                pivot["name"],
                pivot["model"],
                pivot["domain"],
                [d["fieldName"] for d in pivot["rows"] + pivot["columns"]],
                [m["fieldName"] for m in pivot["measures"]],
            )
        for sheet in self.data["sheets"]:
            for figure in sheet["figures"]:
                chart = figure["data"]
                if figure["tag"] == "chart" and chart["type"].startswith("odoo_"):
                    yield (
                        "chart",
                        figure["id"],
                        chart["metaData"]["resModel"],
                        chart["searchParams"]["domain"],
                        chart["metaData"]["groupBy"],
                        [chart["metaData"]["measure"]],
                    )

    def _domain(self, domain, env):
        """The domain the web client sends: a text one is evaluated with
        today's date, as the client does."""
        if isinstance(domain, str):
            return safe_eval(
                domain,
                {
                    "context_today": lambda: fields.Date.context_today(
                        env["res.users"]
                    ),
                    "relativedelta": relativedelta,
                },
            )
        return domain

    def _aggregates(self, model, measures):
        return [
            m if m == "__count" else f"{m}:{model._fields[m].aggregator}"
            for m in measures
        ]

    def _read(self, user, source, extra_domain=()):
        _kind, _name, model_name, domain, groupby, measures = source
        Model = self.env[model_name].with_user(user)
        return Model.formatted_read_group(
            self._domain(domain, Model.env) + list(extra_domain),
            groupby,
            self._aggregates(Model, measures),
        )

    def _assert_visible_to(self, users):
        """``users``: (user, whether the dashboard is theirs to see)."""
        group = self.dashboard.dashboard_group_id
        for user, visible in users:
            with self.subTest(user=user.login):
                Dashboard = self.env["spreadsheet.dashboard"].with_user(user)
                found = Dashboard.search([("id", "=", self.dashboard.id)])
                self.assertEqual(bool(found), visible)
                # What the Dashboards app reads to list the dashboards.
                self.env.invalidate_all()
                groups = (
                    self.env["spreadsheet.dashboard.group"]
                    .with_user(user)
                    .web_search_read(
                        [("id", "=", group.id)],
                        {"published_dashboard_ids": {"fields": {"name": {}}}},
                    )["records"]
                )
                shown = [d["id"] for g in groups for d in g["published_dashboard_ids"]]
                self.assertEqual(self.dashboard.id in shown, visible)

    def _assert_shipped(self, json_path, text):
        """The file the module ships is ``text``, what its generator writes."""
        with file_open(json_path) as shipped:
            shipped_text = shipped.read()
        self.assertEqual(
            shipped_text,
            text,
            f"{json_path} is not what its tools/build_dashboard.py writes: run it.",
        )
        self.assertEqual(self.data, json.loads(shipped_text))

    def _assert_sources_name_stored_fields(self):
        sources = list(self._sources())
        self.assertTrue(sources)
        for kind, name, model_name, _domain, groupby, measures in sources:
            with self.subTest(kind=kind, source=name):
                self.assertIn(model_name, self.env)
                Model = self.env[model_name]
                for measure in measures:
                    if measure == "__count":
                        continue
                    field = Model._fields.get(measure)
                    self.assertTrue(field, f"{model_name} has no {measure}")
                    self.assertTrue(field.store, f"{measure} is not stored")
                    self.assertTrue(
                        field._description_aggregator(self.env),
                        f"{measure} cannot be aggregated",
                    )
                for dimension in groupby:
                    field = Model._fields.get(dimension.split(":")[0])
                    self.assertTrue(field, f"{model_name} has no {dimension}")
                    self.assertTrue(field.store, f"{dimension} is not stored")
                    self.assertTrue(field._description_groupable(self.env))
        for odoo_list in self.data["lists"].values():
            with self.subTest(kind="list", source=odoo_list["name"]):
                Model = self.env[odoo_list["model"]]
                for name in odoo_list["columns"]:
                    self.assertTrue(Model._fields[name].store, name)
                for order in odoo_list["orderBy"]:
                    field = Model._fields[order["name"]]
                    self.assertTrue(field._description_sortable(self.env))

    def _assert_formulas_name_the_sources(self, minimum):
        """A cell asks only for what its pivot or list loads: a measure or a
        dimension the pivot does not have shows an error in the dashboard."""
        pivots, lists = self.data["pivots"], self.data["lists"]
        cells = [c for sheet in self.data["sheets"] for c in sheet["cells"].values()]
        checked = 0
        for cell in cells:
            for pivot_id, measure, dimension in PIVOT_VALUE.findall(cell):
                pivot = pivots[pivot_id]
                self.assertIn(measure, [m["fieldName"] for m in pivot["measures"]])
                if dimension:
                    self.assertIn(dimension, [r["fieldName"] for r in pivot["rows"]])
                checked += 1
            for pivot_id, dimension in PIVOT_HEADER.findall(cell):
                self.assertIn(
                    dimension, [r["fieldName"] for r in pivots[pivot_id]["rows"]]
                )
                checked += 1
            for list_id, field in LIST_VALUE.findall(cell):
                self.assertIn(field, lists[list_id]["columns"])
                checked += 1
        self.assertGreater(checked, minimum)
        # Every pivot and list is shown somewhere.
        used = " ".join(cells)
        for pivot_id in pivots:
            self.assertRegex(used, rf"PIVOT\.(VALUE|HEADER)\({pivot_id},")
        for list_id in lists:
            self.assertIn(f"ODOO.LIST({list_id},", used)
        # The scorecards show cells of the data sheet that hold a formula.
        data_cells = next(s for s in self.data["sheets"] if s["name"] == "Data")
        for figure in self.data["sheets"][0]["figures"]:
            if figure["data"]["type"] == "scorecard":
                ref = figure["data"]["keyValue"].removeprefix("Data!")
                self.assertTrue(data_cells["cells"][ref].startswith("="), ref)

    def _assert_sources_read_as(self, user):
        """Every pivot, chart and list of the dashboard reads as ``user``."""
        for source in self._sources():
            with self.subTest(kind=source[0], source=source[1]):
                self.assertIsInstance(self._read(user, source), list)
        for odoo_list in self.data["lists"].values():
            with self.subTest(kind="list", source=odoo_list["name"]):
                Model = self.env[odoo_list["model"]].with_user(user)
                Model.web_search_read(
                    self._domain(odoo_list["domain"], Model.env),
                    {
                        name: (
                            {"fields": {"display_name": {}}}
                            if Model._fields[name].relational
                            else {}
                        )
                        for name in odoo_list["columns"]
                    },
                    order=", ".join(
                        f"{o['name']} {'asc' if o['asc'] else 'desc'}"
                        for o in odoo_list["orderBy"]
                    ),
                    limit=10,
                )

    def _assert_data_route(self, user, refused, secret):
        """The route the Dashboards app loads the dashboard from serves it to
        ``user`` and refuses it to ``refused``, without naming ``secret``
        (a model the dashboard reads)."""
        url = f"/spreadsheet/dashboard/data/{self.dashboard.id}"
        self.authenticate(user.login, user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["snapshot"]["lists"], self.data["lists"])
        self.authenticate(refused.login, refused.login)
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(secret, response.text)


@tagged("post_install", "-at_install")
class TestRelationshipsDashboard(
    DashboardMixin, SatisfactionSurveyMixin, HrRelationshipCase
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard()
        cls._setup_survey_refs()

    def test_dashboard_in_human_resources_group(self):
        group = self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_group_hr")
        self.assertEqual(self.dashboard.dashboard_group_id, group)
        self.assertIn(self.dashboard, group.published_dashboard_ids)
        self.assertEqual(
            self.dashboard.group_ids,
            self.env.ref("hr_relationship.group_hr_relationship_user"),
        )

    def test_visible_to_relationship_users_only(self):
        self._assert_visible_to(
            ((self.user, True), (self.manager, True), (self.internal_user, False))
        )

    def test_shipped_file_is_the_generator_output(self):
        self._assert_shipped(
            JSON_PATH, dashboard_builder.render(build_dashboard.build())
        )

    def test_sources_name_stored_fields(self):
        self._assert_sources_name_stored_fields()

    def test_formulas_name_the_sources(self):
        """A cell asks only for what its pivot or list loads: a measure or a
        dimension the pivot does not have shows an error in the dashboard."""
        self._assert_formulas_name_the_sources(100)

    def test_sources_read_as_relationship_user(self):
        self.env["hr.relationship.concern"].create(
            {
                "name": "HRR Concern",
                "company_id": self.company.id,
                "internal_client_id": self.client_sales.id,
                "user_id": self.user.id,
            }
        )
        self._assert_sources_read_as(self.user)
        # The open concern counts, in the scorecard and in its age.
        open_concerns = [
            s
            for s in self._sources()
            if s[2] == "hr.relationship.concern" and s[1].startswith("Open Concerns")
        ]
        self.assertEqual(len(open_concerns), 3)
        counts = [self._read(self.user, s)[0]["__count"] for s in open_concerns]
        self.assertEqual(counts[0], 1, "A concern of today is less than 30 days old.")
        self.assertEqual(counts[1:], [0, 0])

    def test_withheld_results_stay_out(self):
        """A withheld result has no figures: averaging its empty CSAT and NPS
        in would drag a campaign's or a client's figures down (and a group
        of its own would hint at who answered)."""
        shown = self._campaign(name="HRR shown")
        hidden = self._campaign(name="HRR hidden")
        Result = self.env["hr.satisfaction.result"]
        today = fields.Date.context_today(Result)
        common = {"company_id": self.company.id, "date": today}
        Result.create(
            [
                {
                    **common,
                    "campaign_id": shown.id,
                    "scope": "campaign",
                    "csat": 80.0,
                    "nps": 20.0,
                    "responded_count": 6,
                },
                {
                    **common,
                    "campaign_id": shown.id,
                    "scope": "internal_client",
                    "internal_client_id": self.client_sales.id,
                    "csat": 80.0,
                    "nps": 20.0,
                    "responded_count": 6,
                },
                # Withheld: the figures are not stored (0 in the columns).
                {
                    **common,
                    "campaign_id": shown.id,
                    "scope": "internal_client",
                    "internal_client_id": self.client_ops.id,
                    "withheld": "small_group",
                    "min_group_size": 5,
                },
                {
                    **common,
                    "campaign_id": hidden.id,
                    "scope": "campaign",
                    "withheld": "small_group",
                    "min_group_size": 5,
                },
            ]
        )
        ours = [("campaign_id", "in", (shown | hidden).ids)]
        satisfaction = [s for s in self._sources() if s[2] == "hr.satisfaction.result"]
        self.assertGreaterEqual(len(satisfaction), 5)
        for source in satisfaction:
            with self.subTest(kind=source[0], source=source[1]):
                groups = self._read(self.user, source, ours)
                self.assertTrue(groups, "The user sees the shown results.")
                for group in groups:
                    self.assertNotEqual(
                        group.get("internal_client_id", (None,))[0],
                        self.client_ops.id,
                        "The withheld result of a client is shown.",
                    )
                    self.assertNotEqual(
                        group.get("campaign_id", (None,))[0],
                        hidden.id,
                        "The withheld result of a campaign is shown.",
                    )
                    for measure in ("csat:avg", "nps:avg"):
                        if measure in group:
                            self.assertEqual(
                                group[measure], 80.0 if "csat" in measure else 20.0
                            )

    def test_readonly_dashboard_for_relationship_user(self):
        dashboard = self.dashboard.with_user(self.user)
        served = json.loads(dashboard._get_serialized_readonly_dashboard())
        self.assertEqual(served["snapshot"]["pivots"], self.data["pivots"])
        self.assertEqual(served["translation_namespace"], MODULE)


@tagged("post_install", "-at_install")
class TestRelationshipsDashboardRoute(DashboardMixin, RpcCase):
    """The route the Dashboards app loads a dashboard from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard()

    def test_data_route(self):
        self._assert_data_route(self.user, self.internal_user, "hr.satisfaction.result")
