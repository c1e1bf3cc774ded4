# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import json

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import MANAGER_GROUP, HrRelationshipCase
from .test_malformed_input import CORE_MODULE, _public_methods, downstream_modules


class ReadonlyMethodsMixin:
    """The addon's public methods marked ``@api.readonly`` are the ones its
    test class names in ``_readonly_calls``, and none of them writes: each
    runs in a read-only transaction, as Odoo runs it on a read replica, and
    PostgreSQL refuses any write it tries (Odoo would then log "retrying
    with a read/write cursor" and run it again on the primary)."""

    _addon = CORE_MODULE

    def _readonly_calls(self):
        """``{(model, method): (records, args, kwargs)}``, one real call of
        each method the addon marks read-only."""
        raise NotImplementedError

    def _marked_methods(self):
        """The functions of the addon marked read-only, each under one of
        the (model, method) names it answers to."""
        marked = {}
        registry = self.env.registry
        downstream = downstream_modules(self.env, self._addon)
        for model, name in _public_methods(registry, self._addon, downstream):
            method = getattr(registry[model], name)
            if getattr(method, "_readonly", False):
                marked.setdefault(method, (model, name))
        return marked

    @contextlib.contextmanager
    def _read_only_transaction(self):
        """A transaction that refuses writes, rolled back afterwards. The
        ORM writes what it keeps in memory before the end, so a write it
        would only have flushed later is caught too."""
        with contextlib.closing(self.env.cr.savepoint()):
            self.env.cr.execute("SET TRANSACTION READ ONLY")
            yield
            self.env.flush_all()

    def _check_every_marked_method_is_called(self):
        calls = self._readonly_calls()
        registry = self.env.registry
        called = {getattr(registry[model], name) for model, name in calls}
        uncalled = sorted(
            name
            for method, name in self._marked_methods().items()
            if method not in called
        )
        self.assertFalse(uncalled, f"Read-only methods without a call here: {uncalled}")
        unmarked = sorted(
            name
            for name in calls
            if not getattr(getattr(registry[name[0]], name[1]), "_readonly", False)
        )
        self.assertFalse(unmarked, f"Methods called here but not read-only: {unmarked}")

    def _check_marked_methods_write_nothing(self):
        for (model, name), (records, args, kwargs) in self._readonly_calls().items():
            with self.subTest(model=model, method=name):
                self.assertEqual(records._name, model)
                with self._read_only_transaction():
                    result = getattr(records, name)(*args, **kwargs)
                # A method that answers nothing could not show it read anything.
                self.assertTrue(result)


@tagged("post_install", "-at_install")
class TestReadonlyMethods(ReadonlyMethodsMixin, HttpCase, HrRelationshipCase):
    """The map, its node details, the overview, who knows whom, the text
    analysis and the buttons that only open a list run on a read replica
    where there is one (see ReadonlyMethodsMixin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user = cls._new_user(
            "hrr_readonly_manager", f"{MANAGER_GROUP},hr.group_hr_user"
        )
        cls.portfolio = cls.env["hr.relationship.portfolio"].create(
            {"user_id": cls.user.id, "company_id": cls.company.id}
        )
        cls.project = cls.env["project.project"].create(
            {"name": "HRR read-only project", "company_id": cls.company.id}
        )
        cls.campaign = cls.env["hr.satisfaction.survey"].create(
            {
                "name": "HRR read-only campaign",
                "company_id": cls.company.id,
                "internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        cls.service = cls.env["hr.relationship.service"].search([], limit=1)
        cls.env["hr.relationship.interaction"].create(
            {
                "name": "Gesprek over het verzuim",
                "stakeholder_ids": [Command.set(cls.sh_anna.ids)],
                "internal_client_id": cls.client_sales.id,
                "user_id": cls.user.id,
                "company_id": cls.company.id,
            }
        )

    def _readonly_calls(self):
        user = self.env(user=self.user)
        manager = self.env(user=self.manager_user)
        stakeholder = self.sh_anna.with_env(user)
        client = self.client_sales.with_env(user)
        return {
            ("hr.relationship.map", "get_graph"): (
                user["hr.relationship.map"],
                [],
                {"focus": f"stakeholder_{self.sh_anna.id}", "depth": 2},
            ),
            ("hr.relationship.map", "get_node_details"): (
                user["hr.relationship.map"],
                ["hr.stakeholder", self.sh_anna.id],
                {},
            ),
            ("hr.relationship.overview", "get_overview"): (
                user["hr.relationship.overview"],
                [],
                {},
            ),
            ("hr.relationship.network", "who_knows"): (
                user["hr.relationship.network"],
                ["hr.stakeholder", self.sh_anna.id],
                {},
            ),
            ("hr.relationship.text.analysis", "analyse"): (
                user["hr.relationship.text.analysis"],
                [["Niet tevreden: we sturen u vrijdag het voorstel."]],
                {"lang": "nl"},
            ),
            ("hr.stakeholder", "action_view_interactions"): (stakeholder, [], {}),
            ("hr.stakeholder", "action_view_concerns"): (stakeholder, [], {}),
            ("hr.stakeholder", "action_view_commitments"): (stakeholder, [], {}),
            ("hr.internal.client", "action_view_stakeholders"): (client, [], {}),
            ("hr.internal.client", "action_view_projects"): (client, [], {}),
            ("hr.internal.client", "action_view_interactions"): (client, [], {}),
            ("hr.internal.client", "action_view_improvement_actions"): (client, [], {}),
            ("hr.relationship.portfolio", "action_view_key_stakeholders"): (
                self.portfolio.with_env(user),
                [],
                {},
            ),
            ("hr.relationship.portfolio", "action_view_key_clients"): (
                self.portfolio.with_env(user),
                [],
                {},
            ),
            ("hr.relationship.portfolio", "action_view_coaching"): (
                self.portfolio.with_env(user),
                [],
                {},
            ),
            ("project.project", "action_view_hr_positions"): (
                self.project.with_env(user),
                [],
                {},
            ),
            ("project.project", "action_view_hr_support_history"): (
                self.project.with_env(user),
                [],
                {},
            ),
            ("project.project", "action_view_hr_interactions"): (
                self.project.with_env(user),
                [],
                {},
            ),
            ("hr.satisfaction.survey", "action_view_answers"): (
                self.campaign.with_env(manager),
                [],
                {},
            ),
            ("hr.satisfaction.survey", "action_view_results"): (
                self.campaign.with_env(manager),
                [],
                {},
            ),
            ("hr.satisfaction.survey", "action_view_themes"): (
                self.campaign.with_env(manager),
                [],
                {},
            ),
            ("hr.employee", "action_view_hr_stakeholders"): (
                self.emp_anna.with_env(manager),
                [],
                {},
            ),
            ("hr.employee", "action_view_hr_served_clients"): (
                self.emp_hr.with_env(manager),
                [],
                {},
            ),
            ("res.partner", "action_view_hr_stakeholders"): (
                self.partner_ext.with_env(user),
                [],
                {},
            ),
        }

    def test_every_marked_method_is_called(self):
        self.assertIn(
            ("hr.relationship.map", "get_graph"), self._marked_methods().values()
        )
        self._check_every_marked_method_is_called()

    def test_marked_methods_write_nothing(self):
        self._check_marked_methods_write_nothing()

    def test_reading_every_field_writes_nothing(self):
        """Odoo serves a form's or list's read (web_read, web_search_read)
        on the replica: no field of the core's and the installed bridges'
        models (with the fields bridges add to the core's) may write when
        it is read, as a compute that stored what it found would."""
        models = sorted(
            name
            for name, model in self.env.registry.items()
            if (model._original_module or "").startswith(CORE_MODULE)
            and not (model._abstract or model._transient)
        )
        self.assertIn("hr.stakeholder", models)
        for name in models:
            records = self.env[name].search([], limit=5)
            with self.subTest(model=name), self._read_only_transaction():
                records.invalidate_recordset()
                records.read(list(records._fields))

    def test_read_only_transaction_refuses_a_write(self):
        """The harness itself: a write in it fails, so a marked method that
        wrote would fail the test above."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(Exception, "read-only transaction"),
            self._read_only_transaction(),
        ):
            self.sh_bob.contact_cadence_days = 45

    def test_web_client_calls_run_on_the_read_only_cursor(self):
        """What the map and the overview call through the web client is
        served on Odoo's read-only cursor (in tests a transaction that
        refuses writes) and needs no retry on the primary."""
        self.authenticate(self.user.login, self.user.login)
        calls = [
            ("hr.relationship.overview", "get_overview", [], {}),
            (
                "hr.relationship.map",
                "get_graph",
                [],
                {"focus": f"stakeholder_{self.sh_anna.id}", "depth": 1},
            ),
            (
                "hr.relationship.map",
                "get_node_details",
                ["hr.stakeholder", self.sh_anna.id],
                {},
            ),
        ]
        for model, method, args, kwargs in calls:
            with self.subTest(method=method), self.assertNoLogs("odoo.http", "WARNING"):
                response = self.url_open(
                    f"/web/dataset/call_kw/{model}/{method}",
                    data=json.dumps(
                        {
                            "jsonrpc": "2.0",
                            "method": "call",
                            "params": {
                                "model": model,
                                "method": method,
                                "args": args,
                                "kwargs": kwargs,
                            },
                        }
                    ),
                    headers={"Content-Type": "application/json"},
                )
                self.assertNotIn("error", response.json())
