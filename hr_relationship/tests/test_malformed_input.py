# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import inspect
from xmlrpc.client import Fault

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, JsonRpcException, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from .common import MANAGER_GROUP, HrRelationshipCase

# Fault codes of /xmlrpc/2: 2 for UserError and its subclasses
# (ValidationError, MissingError), 4 for AccessError. An internal error is
# code 1 and carries a traceback.
CLEAN_FAULT_CODES = {2, 4}
CLEAN_JSON_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.AccessError",
}
# Ids that name no record of the addon: not whole numbers, unknown, out of
# PostgreSQL's range.
BAD_IDS = [["abc"], [999999], [-1], [0], [1.5], [2**40], [True]]
CORE_MODULE = "hr_relationship"
# Tables outside the addon's own that its methods write.
SHARED_TABLES = [
    "ir_attachment",
    "ir_config_parameter",
    "mail_activity",
    "mail_followers",
    "mail_message",
    "res_partner",
    "survey_user_input",
]


def _public_methods(registry, addon, downstream=()):
    """``{(model, method)}`` of every public method ``addon`` defines or
    overrides: what XML-RPC and JSON-RPC can call. The models of the
    ``downstream`` modules (those that depend on the addon, as its bridges)
    are theirs to test, with the methods the core's mixins give them."""
    own = f"odoo.addons.{addon}."
    core = f"odoo.addons.{CORE_MODULE}."
    methods = set()
    for model_name, model_class in registry.items():
        if model_class._original_module in downstream:
            continue
        owned = model_class._original_module == addon
        for cls in model_class.__mro__:
            if not (
                cls.__module__.startswith(own)
                or (owned and cls.__module__.startswith(core))
            ):
                continue
            for name, member in vars(cls).items():
                if inspect.isfunction(member) and not name.startswith("_"):
                    methods.add((model_name, name))
    return methods


def downstream_modules(env, addon):
    """The installed modules that depend on ``addon`` (its bridges)."""
    return set(
        env["ir.module.module"]
        .search([("state", "=", "installed"), ("dependencies_id.name", "=", addon)])
        .mapped("name")
    )


def _fits_xmlrpc(value):
    """XML-RPC carries integers of 32 bits only; JSON-RPC carries any."""
    if isinstance(value, int) and not isinstance(value, bool):
        return -(2**31) <= value < 2**31
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return all(_fits_xmlrpc(item) for item in value)
    return True


class MalformedInputMixin:
    """Every public RPC entry point of an addon (``_addon``: the core or a
    bridge, whose test class mixes this in with its own ``_cases``) answers
    malformed input with a readable error (UserError, ValidationError,
    MissingError or AccessError), never an internal one, and writes nothing."""

    # The addon whose methods are enumerated, and the addons whose tables
    # its methods may write.
    _addon = CORE_MODULE
    _addons = (CORE_MODULE,)
    # Tables of other modules that the addon's methods write.
    _shared_tables = SHARED_TABLES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.caller = cls._new_user(
            "hrr_malformed", f"{MANAGER_GROUP},base.group_system"
        )
        cls.far_future = fields.Date.to_string(
            fields.Date.today() + relativedelta(years=6)
        )

    def _cases(self):
        """``{(model, method): [(args, kwargs), ...]}``, each call malformed."""
        raise NotImplementedError

    def _public_methods(self):
        return _public_methods(
            self.env.registry, self._addon, downstream_modules(self.env, self._addon)
        )

    # ------------------------------------------------------------
    # The cases
    # ------------------------------------------------------------

    def _record_cases(self):
        """Calls of a method on records with ids that name none."""
        return [([ids], {}) for ids in BAD_IDS]

    def _single(self, records):
        """As _record_cases, and on two records for a method that works on one."""
        return self._record_cases() + [([records.ids], {})]

    def _dialog_cases(self, model, field, bad, text):
        """create, write, default_get and onchange of a dialog whose
        ``field`` holds ``bad`` (naming no record) or ``text`` (no id)."""
        return {
            (model, "create"): [([[{field: bad}]], {}), ([[{field: text}]], {})],
            (model, "write"): [([ids, {}], {}) for ids in BAD_IDS]
            + [([[], {field: bad}], {})],
            (model, "default_get"): [
                ([[field]], {"context": {f"default_{field}": bad}}),
                ([[field]], {"context": {f"default_{field}": text}}),
            ],
            (model, "onchange"): [([[], {field: bad}, [], {}], {})],
        }

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _tables(self):
        """The addon's tables, its many2many tables and the shared tables
        its methods write."""
        tables = set(self._shared_tables)
        for model in self.env.registry.values():
            if model._original_module in self._addons and not (
                model._abstract or model._transient
            ):
                tables.add(model._table)
            for field in model._fields.values():
                if (
                    field.type == "many2many"
                    and field.store
                    and field._module in self._addons
                ):
                    tables.add(field.relation)
        return sorted(tables)

    def _fingerprint(self):
        """Row count and a digest of every row of every table above."""
        self.env.flush_all()
        prints = {}
        for table in self._tables():
            self.env.cr.execute(
                SQL(
                    "SELECT COUNT(*), md5(string_agg(t::text, '|' ORDER BY t::text))"
                    " FROM %s t",
                    SQL.identifier(table),
                )
            )
            prints[table] = self.env.cr.fetchone()
        return prints

    def _xmlrpc(self, model, method, args, kwargs):
        return self.xmlrpc_object.execute_kw(
            get_db_name(),
            self.caller.id,
            self.caller.login,
            model,
            method,
            args,
            kwargs,
        )

    def _jsonrpc(self, model, method, args, kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def _assert_clean_refusal(self, model, method, args, kwargs):
        """Both RPC protocols refuse the call readably and write nothing."""
        before = self._fingerprint()
        # The database refuses what breaks an SQL constraint and Odoo logs
        # the query before it answers with a ValidationError.
        if _fits_xmlrpc([args, kwargs]):
            with self.assertRaises(Fault) as caught, mute_logger("odoo.sql_db"):
                self._xmlrpc(model, method, args, kwargs)
            self.assertIn(
                caught.exception.faultCode,
                CLEAN_FAULT_CODES,
                f"XML-RPC {model}.{method}{args, kwargs}: "
                f"{caught.exception.faultString}",
            )
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.sql_db"):
            self._jsonrpc(model, method, args, kwargs)
        self.assertIn(
            str(caught.exception),
            CLEAN_JSON_ERRORS,
            f"JSON-RPC {model}.{method}{args, kwargs}",
        )
        self.assertEqual(
            self._fingerprint(),
            before,
            f"{model}.{method}{args, kwargs} wrote something",
        )

    # ------------------------------------------------------------
    # The checks (Odoo runs only the test methods a class defines itself)
    # ------------------------------------------------------------

    def _check_every_public_method_has_malformed_cases(self):
        """A new public method of the addon fails this test until it gets
        its malformed calls above."""
        missing = self._public_methods() - set(self._cases())
        self.assertFalse(
            missing,
            "Public methods without malformed-input cases: "
            + ", ".join(f"{model}.{method}" for model, method in sorted(missing)),
        )

    def _check_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self.authenticate(self.caller.login, self.caller.login)
        for (model, method), calls in self._cases().items():
            for args, kwargs in calls:
                with self.subTest(model=model, method=method, args=args, kw=kwargs):
                    self._assert_clean_refusal(model, method, args, kwargs)


@tagged("post_install", "-at_install")
class TestMalformedInput(MalformedInputMixin, HttpCase, HrRelationshipCase):
    """The core's public RPC entry points (see MalformedInputMixin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["hr.satisfaction.survey"].create(
            {
                "name": "HRR malformed campaign",
                "company_id": cls.company.id,
                "internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        service = cls.env["hr.relationship.service"].search([], limit=1)
        today = fields.Date.today()
        cls.result = cls.env["hr.satisfaction.result"].create(
            {
                "campaign_id": cls.campaign.id,
                "company_id": cls.company.id,
                "date": today,
                "scope": "campaign",
            }
        )
        cls.service_result = cls.env["hr.satisfaction.service.result"].create(
            {
                "result_id": cls.result.id,
                "company_id": cls.company.id,
                "service_id": service.id,
            }
        )
        cls.snapshot = cls.env["hr.relationship.health.snapshot"].create(
            {
                "stakeholder_id": cls.sh_anna.id,
                "company_id": cls.company.id,
                "month": today.replace(day=1),
            }
        )

    # ------------------------------------------------------------
    # The cases
    # ------------------------------------------------------------

    def _dialogs_cases(self):
        """The dialogs that check the records their values name."""
        missing, text = 999999, "abc"
        cases = {}
        for model, field in (
            ("hr.departure.wizard", "employee_id"),
            ("hr.improvement.plan.wizard", "campaign_id"),
            ("hr.improvement.plan.wizard.line", "service_id"),
            ("hr.relationship.who.knows.line", "via_stakeholder_id"),
            ("hr.relationship.handover", "user_id"),
            ("hr.relationship.handover.line", "successor_id"),
        ):
            cases.update(self._dialog_cases(model, field, missing, text))
        for model, field, sub_field in (
            ("hr.relationship.who.knows", "line_ids", "via_stakeholder_id"),
            ("privacy.lookup.wizard", "line_ids", "res_model_id"),
        ):
            cases.update(
                self._dialog_cases(
                    model,
                    field,
                    [[0, 0, {sub_field: missing}]],
                    [[0, 0, {sub_field: text}]],
                )
            )
        guard = "hr.relationship.wizard.guard"
        cases.update(
            {
                (guard, "create"): [([[{}]], {})],
                (guard, "write"): [([[1], {}], {})],
                (guard, "default_get"): [([[]], {})],
                (guard, "onchange"): [([[], {}, [], {}], {})],
            }
        )
        return cases

    def _cases(self):
        """``{(model, method): [(args, kwargs), ...]}``, each call malformed."""
        stakeholders = self.sh_anna | self.sh_bob
        clients = self.client_sales | self.client_ops
        employees = self.emp_anna | self.emp_bob
        projects = self.env["project.project"].create(
            [{"name": "HRR malformed A"}, {"name": "HRR malformed B"}]
        )
        partners = self.partner_ext | self.caller.partner_id
        campaigns = self.campaign | self.campaign.copy()
        tasks = self.env["project.task"].create(
            [
                {"name": "HRR malformed task A", "project_id": projects[0].id},
                {"name": "HRR malformed task B", "project_id": projects[0].id},
            ]
        )
        get_graph = [
            ([], {"depth": "abc"}),
            ([], {"depth": [1]}),
            ([], {"depth": -1}),
            ([], {"depth": 10**6}),
            ([], {"depth": True}),
            ([], {"depth": 1.5}),
            ([], {"limit": "x"}),
            ([], {"limit": 0}),
            ([], {"limit": 10**12}),
            ([], {"limit": [5]}),
            ([], {"filters": "abc"}),
            ([], {"filters": [1, 2]}),
            ([], {"filters": {"types": 5}}),
            ([], {"filters": {"types": ["planet"]}}),
            ([], {"filters": {"relation_types": 5}}),
            ([], {"filters": {"relation_types": ["friend"]}}),
            ([], {"filters": {"health_states": [1]}}),
            ([], {"filters": {"internal_client_ids": 5}}),
            ([], {"filters": {"internal_client_ids": ["abc"]}}),
            ([], {"filters": {"internal_client_ids": [2**40]}}),
            ([], {"filters": {"search": 5}}),
            ([], {"filters": {"search": ["x"]}}),
            ([], {"filters": {"colour": "red"}}),
            ([], {"focus": {"model": "hr.stakeholder", "id": "abc"}}),
            ([], {"focus": {"model": "hr.stakeholder", "id": -1}}),
            ([], {"focus": {"model": "hr.stakeholder", "id": 2**40}}),
            ([], {"focus": {"model": "hr.stakeholder"}}),
            ([], {"focus": {"model": "res.users.apikeys", "id": 1}}),
            ([], {"focus": {"model": ["hr.stakeholder"], "id": 1}}),
            ([], {"focus": 5}),
            ([], {"focus": [1]}),
            ([], {"focus": "abc"}),
            ([], {"focus": "stakeholder_x"}),
            ([], {"choices": "yes"}),
            ([], {"choices": 1}),
        ]
        get_node_details = [
            (["hr.stakeholder", 999999], {}),
            (["hr.stakeholder", -1], {}),
            (["hr.stakeholder", "abc"], {}),
            (["hr.stakeholder", [1, 2]], {}),
            (["hr.stakeholder", 2**40], {}),
            (["hr.stakeholder", True], {}),
            (["res.users.apikeys", 1], {}),
            ([5, 1], {}),
            ([["hr.stakeholder"], 1], {}),
        ]
        person = {"partner_id": self.partner_ext.id, "company_id": self.company.id}
        stakeholder_values = [
            {"contact_cadence_days": 10**9},
            {"contact_cadence_days": -1},
            {"influence": 0},
            {"interest": 6},
        ]
        interaction = {
            "name": "HRR malformed",
            "company_id": self.company.id,
            # A plain triple: XML-RPC cannot marshal a Command.
            "stakeholder_ids": [(6, 0, self.sh_anna.ids)],
        }
        bad_dates = ["9999-12-31", "1800-01-01", self.far_future]
        position = self.env["hr.project.stakeholder"].create(
            {"project_id": projects[0].id, "stakeholder_id": self.sh_bob.id}
        )
        colleagues = self.env.ref("hr_relationship.relationship_type_former_colleague")
        relation = self.env["hr.person.relation"].create(
            {
                "left_partner_id": self.partner_ext.id,
                "right_partner_id": self.caller.partner_id.id,
                "type_id": colleagues.id,
            }
        )
        side = self.env["hr.person.relation.side"].browse(relation.id * 2)
        side_values = {
            "this_partner_id": self.partner_ext.id,
            "other_partner_id": self.caller.partner_id.id,
            "side_type": str(colleagues.id),
        }
        # Odoo's own models that the addon extends with guarded fields.
        # Odoo's own models that the core or a bridge extends with guarded
        # fields.
        copied_models = sorted(
            name
            for name, model in self.env.registry.items()
            if not model._abstract and hasattr(model, "_hr_guarded_fields")
        )
        interactions = self._interaction(self.sh_anna) | self._interaction(self.sh_bob)
        concern = self.env["hr.relationship.concern"].create(
            {
                "name": "HRR malformed concern",
                "company_id": self.company.id,
                "internal_client_id": self.client_sales.id,
            }
        )
        commitments = self.env["hr.relationship.commitment"].create(
            [
                {
                    "name": f"HRR malformed commitment {n}",
                    "company_id": self.company.id,
                    "internal_client_id": self.client_sales.id,
                }
                for n in range(2)
            ]
        )
        portfolios = self.env["hr.relationship.portfolio"].create(
            [
                {"user_id": self.user.id, "company_id": self.company.id},
                {"user_id": self.other_user.id, "company_id": self.company.id},
            ]
        )
        services = self.env["hr.relationship.service"].search([], limit=2)
        person_models = (
            ("hr.stakeholder", stakeholders),
            ("hr.internal.client", clients),
            ("hr.employee", employees),
            ("res.partner", partners),
        )
        return {
            **{
                (model, "action_hr_who_knows"): self._single(records)
                for model, records in person_models
            },
            **{(model, "copy_data"): self._record_cases() for model in copied_models},
            **{(model, "copy"): self._record_cases() for model in copied_models},
            ("survey.survey", "copy"): self._record_cases(),
            ("hr.relationship.network", "who_knows"): [
                (["hr.stakeholder", "abc"], {}),
                (["hr.stakeholder", -1], {}),
                (["hr.stakeholder", [1, 2]], {}),
                (["res.users.apikeys", 1], {}),
                ([5, 1], {}),
            ],
            ("hr.relationship.interaction", "action_create_concern"): self._single(
                interactions
            ),
            ("hr.relationship.concern", "write"): [
                ([[999999], {"name": "x"}], {}),
                ([concern.ids, {"state": "resolved", "resolution": False}], {}),
                ([concern.ids, {"state": "lost"}], {}),
            ],
            ("hr.relationship.concern.mixin", "action_view_concerns"): [([[1]], {})],
            ("hr.relationship.interaction", "action_log_commitment"): self._single(
                interactions
            ),
            (
                "hr.relationship.interaction",
                "action_confirm_suggested_commitments",
            ): self._single(interactions),
            (
                "hr.relationship.interaction",
                "action_use_suggested_sentiment",
            ): self._record_cases(),
            ("hr.relationship.commitment", "create"): [
                ([{"name": "x", "company_id": self.company.id}], {}),
                ([{"name": "x", "internal_client_id": 999999}], {}),
                (
                    [
                        {
                            "name": "x",
                            "internal_client_id": self.client_sales.id,
                            "state": "done",
                        }
                    ],
                    {},
                ),
            ],
            ("hr.relationship.commitment", "write"): [
                ([[999999], {"name": "x"}], {}),
                ([commitments.ids, {"state": "broken"}], {}),
                ([commitments.ids, {"internal_client_id": False}], {}),
            ],
            **{
                ("hr.relationship.commitment", method): self._record_cases()
                for method in ("action_keep", "action_cancel", "action_reopen")
            },
            ("hr.relationship.commitment.mixin", "action_view_commitments"): [
                ([[1]], {})
            ],
            ("hr.stakeholder", "action_view_commitments"): self._single(stakeholders),
            ("hr.internal.client", "action_view_commitments"): self._single(clients),
            ("hr.stakeholder", "action_view_concerns"): self._single(stakeholders),
            ("hr.internal.client", "action_view_concerns"): self._single(clients),
            ("hr.improvement.action.mixin", "action_view_improvement_actions"): [
                ([[1]], {})
            ],
            ("project.task", "action_hr_feedback_helped"): self._single(tasks),
            ("project.task", "action_hr_feedback_not_helped"): self._single(tasks),
            ("project.task", "write"): [
                ([tasks[:1].ids, {"hr_client_feedback": "helped"}], {}),
                ([tasks[:1].ids, {"hr_client_feedback": "maybe"}], {}),
            ],
            ("hr.internal.client", "action_view_improvement_actions"): self._single(
                clients
            ),
            ("hr.relationship.service", "action_view_improvement_actions"): (
                self._single(services)
            ),
            ("hr.satisfaction.survey", "action_view_improvement_actions"): (
                self._single(campaigns)
            ),
            ("hr.satisfaction.survey", "action_plan_improvements"): self._single(
                campaigns
            ),
            ("hr.satisfaction.survey", "action_you_said_we_did"): self._single(
                campaigns
            ),
            ("hr.improvement.plan.wizard", "action_confirm"): self._record_cases(),
            ("hr.relationship.portfolio", "action_log_coaching"): self._single(
                portfolios
            ),
            ("hr.relationship.portfolio", "action_hand_over"): self._single(portfolios),
            ("hr.relationship.portfolio", "action_view_coaching"): self._single(
                portfolios
            ),
            ("hr.relationship.portfolio", "action_view_key_clients"): self._single(
                portfolios
            ),
            ("hr.relationship.portfolio", "action_view_key_stakeholders"): (
                self._single(portfolios)
            ),
            ("hr.relationship.portfolio", "action_refresh_network"): (
                self._record_cases()
            ),
            ("res.config.settings", "action_hr_refresh_network"): self._record_cases(),
            ("project.project", "write"): [
                ([[999999], {"name": "x"}], {}),
                ([projects.ids, {"internal_client_id": "abc"}], {}),
            ],
            ("hr.relationship.guarded.fields", "copy_data"): [([[1]], {})],
            ("hr.relationship.guarded.fields", "copy"): [([[1]], {})],
            ("hr.relationship.text.analysis", "analyse"): [
                (["Tevreden."], {}),
                ([[5]], {}),
                ([[["nested"]]], {}),
                ([{"text": "Tevreden."}], {}),
                ([["x"] * 1001], {}),
                ([["x" * 20001]], {}),
                ([["Tevreden."]], {"lang": "de"}),
                ([["Tevreden."]], {"lang": ["nl"]}),
                ([["Tevreden."]], {"date": "gisteren"}),
                ([["Tevreden."]], {"date": "9999-12-31"}),
                ([["Tevreden."]], {"date": 20261209}),
                ([["Tevreden."]], {"date": ["2026-12-09"]}),
            ],
            ("hr.relationship.overview", "get_overview"): [
                ([], {"rows": "x"}),
                ([], {"rows": 0}),
                ([], {"rows": 10**6}),
                ([], {"rows": [5]}),
                ([], {"rows": True}),
            ],
            ("project.project", "action_view_hr_positions"): self._single(projects),
            ("project.project", "action_view_hr_support_history"): self._single(
                projects
            ),
            ("hr.project.stakeholder", "create"): [
                (
                    [
                        {
                            "project_id": projects[1].id,
                            "stakeholder_id": self.sh_anna.id,
                            **values,
                        }
                    ],
                    {},
                )
                for values in ({"influence": 0}, {"interest": 9}, {"attitude": "bogus"})
            ],
            ("hr.project.stakeholder", "write"): [
                ([[999999], {"influence": 3}], {}),
                ([position.ids, {"influence": 9}], {}),
                ([position.ids, {"target_attitude": "bogus"}], {}),
            ],
            ("hr.person.relation.side", "create"): [
                ([dict(side_values, other_partner_id=self.partner_ext.id)], {}),
                ([dict(side_values, side_type="abc")], {}),
                (
                    [dict(side_values, date_start="2026-05-01", date_end="2026-01-01")],
                    {},
                ),
            ],
            ("hr.person.relation.side", "write"): [
                ([ids, {"note": "x"}], {}) for ids in BAD_IDS
            ]
            + [
                (
                    [side.ids, {"date_start": "2026-05-01", "date_end": "2026-01-01"}],
                    {},
                ),
                ([side.ids, {"side_type": "abc"}], {}),
            ],
            ("hr.person.relation.side", "unlink"): self._record_cases(),
            # Refused by name: Odoo never lets RPC call init.
            ("hr.person.relation.side", "init"): [([], {})],
            ("hr.internal.client.partnership", "init"): [([], {})],
            ("hr.employee", "init"): [([], {})],
            ("hr.relationship.map", "get_graph"): get_graph,
            ("hr.relationship.map", "get_node_details"): get_node_details,
            ("hr.stakeholder", "create"): [
                ([dict(person, **values)], {}) for values in stakeholder_values
            ],
            ("hr.stakeholder", "write"): [
                ([self.sh_anna.ids, values], {}) for values in stakeholder_values
            ]
            + [([[999999], {"color": 1}], {})],
            ("hr.stakeholder", "action_view_interactions"): self._single(stakeholders),
            ("hr.stakeholder", "action_log_interaction"): self._record_cases(),
            ("hr.stakeholder", "action_open_profile"): self._single(stakeholders),
            ("hr.stakeholder", "action_privacy_export"): self._record_cases(),
            ("hr.stakeholder", "action_privacy_erase"): self._record_cases(),
            ("hr.stakeholder", "action_refresh_health"): self._record_cases(),
            ("hr.internal.client", "create"): [
                ([{"name": "HRR bad cadence", "contact_cadence_days": 10**9}], {}),
                ([{"name": "HRR bad cadence", "contact_cadence_days": -5}], {}),
            ],
            ("hr.internal.client", "write"): [
                ([self.client_sales.ids, {"contact_cadence_days": 10**9}], {}),
                ([self.client_sales.ids, {"contact_cadence_days": -1}], {}),
            ],
            ("hr.internal.client", "action_view_stakeholders"): self._single(clients),
            ("hr.internal.client", "action_view_projects"): self._single(clients),
            ("hr.internal.client", "action_view_interactions"): self._single(clients),
            ("hr.internal.client", "action_log_interaction"): self._single(clients),
            ("hr.internal.client", "action_refresh_health"): self._record_cases(),
            ("hr.relationship.health.mixin", "action_refresh_health"): [
                ([[self.sh_anna.id]], {}),
            ],
            ("hr.relationship.interaction", "create"): [
                ([dict(interaction, date=value)], {}) for value in bad_dates
            ],
            ("hr.relationship.interaction", "write"): [
                ([self._interaction(self.sh_anna).ids, {"date": value}], {})
                for value in bad_dates
            ],
            ("hr.relationship.interaction", "unlink"): self._record_cases(),
            # Writes an anonymous answer whose person is gone as OdooBot.
            ("survey.user_input", "write"): [
                ([ids, {"nickname": "x"}], {}) for ids in BAD_IDS
            ],
            ("hr.stakeholder.profile", "create"): [
                ([{"stakeholder_id": 999999}], {}),
                ([{"stakeholder_id": -1, "motivators": "x"}], {}),
            ],
            ("hr.stakeholder.profile", "write"): [
                ([[999999], {"motivators": "x"}], {}),
                ([[-1], {"motivators": "x"}], {}),
            ],
            ("hr.employee", "action_view_hr_stakeholders"): self._single(employees),
            ("hr.employee", "action_view_hr_served_clients"): self._single(employees),
            ("res.partner", "action_view_hr_stakeholders"): self._single(partners),
            # Recruitment
            **self._dialogs_cases(),
            ("project.project", "action_view_hr_interactions"): self._single(projects),
            ("project.project", "action_log_hr_interaction"): self._single(projects),
            ("hr.satisfaction.survey", "write"): [
                ([[999999], {"name": "x"}], {}),
                ([self.campaign.ids, {"survey_id": 999999}], {}),
            ],
            ("hr.satisfaction.survey", "action_send"): self._record_cases(),
            ("hr.satisfaction.survey", "action_remind"): self._record_cases(),
            ("hr.satisfaction.survey", "action_close"): self._record_cases(),
            ("hr.satisfaction.survey", "action_view_answers"): self._single(campaigns),
            ("hr.satisfaction.survey", "action_view_results"): self._single(campaigns),
            ("hr.satisfaction.survey", "action_view_themes"): self._single(campaigns),
            ("hr.relationship.handover", "action_hand_over"): self._record_cases(),
            ("hr.satisfaction.result", "write"): [
                ([self.result.ids, {"nps": 500}], {}),
                ([self.result.ids, {"csat": -1}], {}),
                ([self.result.ids, {"mean_satisfaction": 6}], {}),
                ([self.result.ids, {"invited_count": -3}], {}),
            ],
            ("hr.satisfaction.service.result", "write"): [
                ([self.service_result.ids, {"gap": 50}], {}),
                ([self.service_result.ids, {"importance_mean": 9}], {}),
            ],
            ("hr.relationship.health.snapshot", "write"): [
                ([self.snapshot.ids, {"health_score": 1000}], {}),
                ([self.snapshot.ids, {"latest_nps": -101}], {}),
            ],
            # Refused by name: Odoo never lets RPC call init.
            ("hr.relationship.health.snapshot", "init"): [([], {})],
            ("res.config.settings", "create"): [
                ([{"hr_cadence_monitor": 10**9}], {}),
                ([{"hr_cadence_manage_closely": -1}], {}),
                ([{"hr_consent_validity_months": 10**6}], {}),
                ([{"hr_consent_validity_months": 0}], {}),
            ],
            ("res.config.settings", "set_values"): self._record_cases(),
            ("res.config.settings", "action_hr_refresh_health"): self._record_cases(),
            ("hr.departure.wizard", "action_register_departure"): self._record_cases(),
            ("privacy.lookup.wizard", "action_lookup"): self._record_cases(),
            (
                "privacy.lookup.wizard",
                "action_hr_relationship_export",
            ): self._record_cases(),
            (
                "privacy.lookup.wizard",
                "action_hr_relationship_erase",
            ): self._record_cases(),
        }

    # ------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------

    def test_every_public_method_has_malformed_cases(self):
        self._check_every_public_method_has_malformed_cases()

    def test_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self._check_malformed_calls_get_a_clean_error_and_write_nothing()

    def test_well_formed_map_calls_still_answer(self):
        """The checks refuse only what is malformed."""
        self.authenticate(self.caller.login, self.caller.login)
        graph = self._jsonrpc(
            "hr.relationship.map",
            "get_graph",
            [],
            {
                "focus": {"model": "hr.stakeholder", "id": self.sh_anna.id},
                "depth": 1,
                "limit": 50,
                "filters": {
                    "types": ["stakeholder", "internal_client"],
                    "relation_types": ["manager"],
                    "internal_client_ids": [self.client_sales.id],
                    "health_states": [],
                    "search": "",
                },
            },
        )
        self.assertEqual(graph["focus"], [f"stakeholder_{self.sh_anna.id}"])
        graph = self._xmlrpc(
            "hr.relationship.map",
            "get_graph",
            [],
            {"focus": f"stakeholder_{self.sh_anna.id}", "depth": 0},
        )
        self.assertEqual(graph["focus"], [f"stakeholder_{self.sh_anna.id}"])
        details = self._xmlrpc(
            "hr.relationship.map",
            "get_node_details",
            ["hr.stakeholder", self.sh_anna.id],
            {},
        )
        self.assertEqual(details["res_id"], self.sh_anna.id)

    def test_enumeration_sees_the_addon_methods(self):
        # Guards the test above against an enumeration that finds nothing.
        methods = self._public_methods()
        self.assertIn(("hr.relationship.map", "get_graph"), methods)
        self.assertIn(("hr.stakeholder", "action_privacy_erase"), methods)
        self.assertIn(("res.partner", "action_view_hr_stakeholders"), methods)
        self.assertNotIn(("hr.stakeholder", "_refresh_contact_dates"), methods)
