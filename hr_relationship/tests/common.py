# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util
import time
from contextlib import contextmanager
from datetime import date
from xmlrpc.client import Fault

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, get_db_name, new_test_user
from odoo.tools import file_path

# The addon's groups, under the names every test of the core and of the
# bridges imports from here.
from ..tools.groups import (  # noqa: F401
    RELATIONSHIP_BUSINESS_PARTNER as BUSINESS_PARTNER_GROUP,
)
from ..tools.groups import RELATIONSHIP_MANAGER as MANAGER_GROUP
from ..tools.groups import RELATIONSHIP_USER as USER_GROUP

# Fault code the /xmlrpc/2 endpoint uses for odoo.exceptions.AccessError.
RPC_ACCESS_ERROR = 4


def load_script(path):
    """A migration script of the addon (``path`` from the addons directory)
    as a module: its name has dashes, so it cannot be imported."""
    spec = importlib.util.spec_from_file_location(
        "hr_relationship_migration", file_path(path)
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def cron_run(case, xmlid, time_up=False):
    """The environment of one run of the cron ``xmlid`` on a cursor of its
    own, as in a cron worker, and the run's ir.cron.progress; with
    ``time_up``, the cron's time is over from the start (Odoo's test of
    _commit_progress does the same), so a job stops after its first batch.
    In tests that cursor commits to a savepoint of the test's transaction,
    so a commit and a rollback mean what they mean in a worker."""
    cron = case.env.ref(xmlid)
    context = {"cron_id": cron.id}
    if time_up:
        context["cron_end_time"] = time.monotonic() - 1
    with case.enter_registry_test_mode(), case.registry.cursor() as cr:
        job, progress = cron.with_env(cron.env(cr=cr, context=context))._add_progress()
        yield job.env, progress


class HrRelationshipCase(TransactionCase):
    """A small organisation of its own, so that no test depends on demo data:
    one company, two HR relationship users, an administrator, an employee
    without access, three employees, one external contact, two internal
    clients and three stakeholders owned by different users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env["res.company"].create({"name": "HRR Test Company"})
        cls.user = cls._new_user("hrr_user", USER_GROUP)
        cls.other_user = cls._new_user("hrr_other", USER_GROUP)
        cls.manager = cls._new_user("hrr_manager", MANAGER_GROUP)
        cls.internal_user = cls._new_user("hrr_internal", "base.group_user")

        Employee = cls.env["hr.employee"]
        cls.emp_anna = Employee.create(
            {
                "name": "Anna Jansen",
                "company_id": cls.company.id,
                "work_email": "anna.jansen@hrr.example.com",
                "work_phone": "+31 20 111 1111",
            }
        )
        cls.emp_bob = Employee.create(
            {
                "name": "Bob de Vries",
                "company_id": cls.company.id,
                "work_email": "bob.devries@hrr.example.com",
            }
        )
        cls.emp_hr = Employee.create(
            {
                "name": "Hanna HR",
                "company_id": cls.company.id,
                "user_id": cls.user.id,
            }
        )
        cls.partner_ext = cls.env["res.partner"].create(
            {
                "name": "Erik Extern",
                "email": "erik@supplier.example.com",
                "phone": "+31 30 222 2222",
                "company_id": cls.company.id,
            }
        )

        Client = cls.env["hr.internal.client"]
        cls.client_sales = Client.create(
            {
                "name": "HRR Sales",
                "company_id": cls.company.id,
                "hr_partner_id": cls.user.id,
            }
        )
        cls.client_ops = Client.create(
            {
                "name": "HRR Operations",
                "company_id": cls.company.id,
                "hr_partner_id": cls.other_user.id,
            }
        )

        # An explicit cadence keeps the arithmetic of the tests away from the
        # per-quadrant defaults of the settings.
        Stakeholder = cls.env["hr.stakeholder"]
        cls.sh_anna = Stakeholder.create(
            {
                "employee_id": cls.emp_anna.id,
                "contact_cadence_days": 30,
                "company_id": cls.company.id,
                "owner_id": cls.user.id,
                "relation_type": "manager",
                "influence": 4,
                "interest": 4,
                "internal_client_ids": [Command.link(cls.client_sales.id)],
            }
        )
        cls.sh_erik = Stakeholder.create(
            {
                "partner_id": cls.partner_ext.id,
                "contact_cadence_days": 30,
                "company_id": cls.company.id,
                "owner_id": cls.other_user.id,
                "relation_type": "supplier",
                # A contact needs consent before HR keeps a profile of them.
                "consent": True,
                "internal_client_ids": [Command.link(cls.client_sales.id)],
            }
        )
        cls.sh_bob = Stakeholder.create(
            {
                "employee_id": cls.emp_bob.id,
                "contact_cadence_days": 30,
                "company_id": cls.company.id,
                "owner_id": cls.other_user.id,
                "relation_type": "employee_representative",
                "internal_client_ids": [Command.link(cls.client_ops.id)],
            }
        )
        # Start every test from the database, like a fresh request would.
        cls.env.invalidate_all()

    @classmethod
    def _new_user(cls, login, groups, company=None, companies=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[Command.set((companies or company).ids)],
        )

    @classmethod
    def _interaction(cls, stakeholders=None, client=None, date=None, **values):
        """Log one interaction, as the superuser unless ``values`` has a user."""
        values = {
            "name": "HRR contact",
            "company_id": cls.company.id,
            "stakeholder_ids": [Command.set(stakeholders.ids if stakeholders else [])],
            "internal_client_id": client.id if client else False,
            **values,
        }
        if date:
            values["date"] = date
        return cls.env["hr.relationship.interaction"].create(values)


class SatisfactionSurveyMixin:
    @classmethod
    def _setup_survey_refs(cls):
        ref = cls.env.ref
        cls.survey = ref("hr_relationship.survey_internal_client_value")
        cls.q_sat = ref("hr_relationship.survey_icv_q_satisfaction")
        cls.q_rec = ref("hr_relationship.survey_icv_q_recommendation")
        cls.q_recr_imp = ref("hr_relationship.survey_icv_q_recruitment_importance")
        cls.q_recr_perf = ref("hr_relationship.survey_icv_q_recruitment_performance")
        cls.q_learn_imp = ref("hr_relationship.survey_icv_q_learning_importance")
        cls.q_learn_perf = ref("hr_relationship.survey_icv_q_learning_performance")
        cls.q_keep = ref("hr_relationship.survey_icv_q_keep")
        cls.recruitment = ref("hr_relationship.service_recruitment")
        cls.learning = ref("hr_relationship.service_learning")

    def _campaign(self, clients=None, **values):
        if clients is None:
            clients = self.client_sales | self.client_ops
        # Clients of two HR partners: only an administrator runs such a campaign.
        return (
            self.env["hr.satisfaction.survey"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Value check",
                    "company_id": self.company.id,
                    "internal_client_ids": [Command.set(clients.ids)],
                    **values,
                }
            )
        )

    def _answer_of(self, campaign, stakeholder):
        return campaign.sudo().user_input_ids.filtered(
            lambda a: a.hr_stakeholder_id == stakeholder
        )

    def _answer(self, campaign, stakeholder, answers, done=True):
        """Answer through survey's own saving API, as its controller does."""
        user_input = self._answer_of(campaign, stakeholder)
        for question, value in answers.items():
            user_input._save_lines(question, value)
        if done:
            user_input._mark_done()
        return user_input

    def _result(self, campaign, scope, target=None):
        results = campaign.result_ids.filtered(lambda r: r.scope == scope)
        if scope == "internal_client":
            results = results.filtered(lambda r: r.internal_client_id == target)
        elif scope == "stakeholder":
            results = results.filtered(lambda r: r.stakeholder_id == target)
        self.assertEqual(len(results), 1)
        return results


MAP_USER_GROUPS = "base.group_user,hr_relationship.group_hr_relationship_user"
SECRET = "MAP-SECRET-APPROACH"


def canvas_map_url(env, suffix):
    """The relationship map forced onto the canvas (which draws maps of more
    than 300 nodes) with make_fixture's people, the supplier named "Map
    Tour Supplier": the URL a tour starts from."""
    data = make_fixture(env, suffix, env.ref("base.user_admin"))
    data["supplier_partner"].name = "Map Tour Supplier"
    action = env["ir.actions.client"].create(
        {
            "name": "Relationship Map (canvas)",
            "tag": "hr_relationship_map",
            "context": repr({"map_renderer": "canvas"}),
        }
    )
    return f"/odoo/action-{action.id}"


def make_fixture(env, suffix, hr_user):
    """One small organisation around an internal client; calling it again
    with another suffix doubles the graph with the same shape."""
    Employee = env["hr.employee"]
    boss = Employee.create({"name": f"Boss {suffix}"})
    department = env["hr.department"].create(
        {"name": f"Sales {suffix}", "manager_id": boss.id}
    )
    worker = Employee.create(
        {
            "name": f"Worker {suffix}",
            "parent_id": boss.id,
            "department_id": department.id,
        }
    )
    leaver = Employee.create({"name": f"Leaver {suffix}", "active": False})
    client = env["hr.internal.client"].create(
        {
            "name": f"Client {suffix}",
            "department_id": department.id,
            "client_lead_id": boss.id,
            "hr_partner_id": hr_user.id,
        }
    )
    supplier_partner = env["res.partner"].create({"name": f"Supplier {suffix}"})
    alumnus_partner = env["res.partner"].create({"name": f"Alumnus {suffix}"})
    Stakeholder = env["hr.stakeholder"]
    boss_stakeholder = Stakeholder.create(
        {
            "employee_id": boss.id,
            "relation_type": "manager",
            "influence": 5,
            "internal_client_ids": [Command.link(client.id)],
        }
    )
    supplier = Stakeholder.create(
        {"partner_id": supplier_partner.id, "relation_type": "supplier", "influence": 3}
    )
    alumnus = Stakeholder.create(
        {
            "partner_id": alumnus_partner.id,
            "relation_type": "alumnus",
            "former_employee_id": leaver.id,
        }
    )
    project = env["project.project"].create(
        {
            "name": f"Project {suffix}",
            "company_id": env.company.id,
            "internal_client_id": client.id,
            "user_id": hr_user.id,
            "hr_stakeholder_ids": [Command.link(supplier.id)],
        }
    )
    Interaction = env["hr.relationship.interaction"]
    Interaction.create(
        [
            {
                "name": f"Talk {n}",
                "user_id": hr_user.id,
                "date": date(2026, 1, n + 1),
                "stakeholder_ids": [Command.link(boss_stakeholder.id)],
            }
            for n in range(3)
        ]
        + [
            {
                "name": "Supplier call",
                "user_id": hr_user.id,
                "date": date(2026, 2, 1),
                "stakeholder_ids": [Command.link(supplier.id)],
            },
            {
                "name": "Steering meeting",
                "user_id": hr_user.id,
                "date": date(2026, 3, 1),
                "internal_client_id": client.id,
            },
        ]
    )
    boss_stakeholder.approach_notes = SECRET
    return {
        "boss": boss,
        "worker": worker,
        "leaver": leaver,
        "department": department,
        "client": client,
        "boss_stakeholder": boss_stakeholder,
        "supplier": supplier,
        "supplier_partner": supplier_partner,
        "alumnus": alumnus,
        "project": project,
    }


class RpcMixin:
    """Calls over XML-RPC and JSON-RPC as a user's own login, for a test
    case that is also an HttpCase (new_test_user gives every user its login
    as password)."""

    def _execute(self, user, model, method, args, kwargs=None):
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, args, kwargs or {}
        )

    def _jsonrpc_as(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _assert_rpc_refused(self, user, model, method, args, kwargs=None):
        try:
            result = self._execute(user, model, method, args, kwargs)
        except Fault as fault:
            self.assertEqual(fault.faultCode, RPC_ACCESS_ERROR, fault.faultString)
            return fault
        # What came back is what leaked.
        self.fail(f"{model}.{method} answered {result!r}")

    def _assert_rpc_calls_refused(self, user, calls, secret):
        """Each ``(model, method, args, kwargs)`` of ``calls`` is refused to
        ``user`` with an access error that does not name ``secret``."""
        for model, method, args, kwargs in calls:
            with self.subTest(model=model, method=method):
                fault = self._assert_rpc_refused(user, model, method, args, kwargs)
                self.assertNotIn(secret, fault.faultString)


class RpcCase(RpcMixin, HttpCase, HrRelationshipCase):
    """The test organisation, reached over RPC."""
