# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from odoo import Command
from odoo.tests import tagged

from .common import RpcCase, SatisfactionSurveyMixin

PAGE = "hr.internal.client.partnership"
PAGE_FIELDS = [
    "name",
    "hr_partner_id",
    "contact_cadence_days",
    "last_contact_date",
    "next_contact_date",
    "latest_csat",
    "latest_nps",
    "service_ids",
    "improvement_task_ids",
    "you_said_we_did",
]


@tagged("post_install", "-at_install")
class TestClientPage(SatisfactionSurveyMixin, RpcCase):
    """ "My HR partnership": the head of a department, an internal user with
    no relationship role, sees the internal clients they lead and nothing
    else, and says whether a finished improvement action helped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls._new_user("hrr_head_of_sales", "base.group_user")
        cls.emp_head = cls.env["hr.employee"].create(
            {
                "name": "Sven Sales",
                "company_id": cls.company.id,
                "user_id": cls.head.id,
            }
        )
        cls.client_sales.client_lead_id = cls.emp_head
        cls.client_sales.service_ids = cls.env.ref(
            "hr_relationship.service_recruitment"
        )
        # The head of Operations leads it as its department's manager.
        cls.head_ops = cls._new_user("hrr_head_of_ops", "base.group_user")
        department = cls.env["hr.department"].create(
            {
                "name": "HRR Operations",
                "company_id": cls.company.id,
                "manager_id": cls.env["hr.employee"]
                .create(
                    {
                        "name": "Olga Ops",
                        "company_id": cls.company.id,
                        "user_id": cls.head_ops.id,
                    }
                )
                .id,
            }
        )
        cls.client_ops.department_id = department
        project = cls.company._hr_improvement_project()
        Task = cls.env["project.task"]
        cls.task_done = Task.create(
            {
                "name": "Shortlist within three weeks",
                "project_id": project.id,
                "state": "1_done",
                "hr_internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        cls.task_open = Task.create(
            {
                "name": "Onboarding plan for account managers",
                "project_id": project.id,
                "hr_internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        cls.task_other = Task.create(
            {
                "name": "Rosters for the warehouse",
                "project_id": project.id,
                "state": "1_done",
                "hr_internal_client_ids": [Command.set(cls.client_ops.ids)],
            }
        )
        cls.env.invalidate_all()

    def _page(self, user, domain=None):
        return self._execute(
            user, PAGE, "search_read", [domain or []], {"fields": PAGE_FIELDS}
        )

    def test_lead_sees_own_clients_only(self):
        rows = self._page(self.head)
        self.assertEqual([row["id"] for row in rows], self.client_sales.ids)
        row = rows[0]
        self.assertEqual(row["hr_partner_id"][0], self.user.id)
        self.assertEqual(
            row["service_ids"], [self.env.ref("hr_relationship.service_recruitment").id]
        )
        self.assertEqual(
            set(row["improvement_task_ids"]), {self.task_done.id, self.task_open.id}
        )
        # Nobody has answered a survey for it: no figures, not zeros.
        self.assertFalse(row["latest_csat"])
        self.assertFalse(row["latest_nps"])
        # Asking for another client's row by id gives nothing either.
        self.assertFalse(self._page(self.head, [("id", "=", self.client_ops.id)]))

    def test_department_manager_leads_a_client_without_a_lead(self):
        rows = self._page(self.head_ops)
        self.assertEqual([row["id"] for row in rows], self.client_ops.ids)
        # Once the client has a lead of its own, that lead speaks for it.
        self.client_ops.client_lead_id = self.emp_head
        self.env.flush_all()
        self.assertFalse(self._page(self.head_ops))
        self.assertEqual(
            {row["id"] for row in self._page(self.head)},
            {self.client_sales.id, self.client_ops.id},
        )

    def test_others_see_nothing(self):
        self.assertFalse(self._page(self.internal_user))
        # An HR user sees their own relationships in the app, not here.
        self.assertFalse(self._page(self.user))

    def test_lead_cannot_reach_the_client_record(self):
        self._assert_rpc_calls_refused(
            self.head,
            [
                ("hr.internal.client", "read", [self.client_sales.ids], {}),
                ("hr.internal.client", "search_read", [[]], {"fields": ["name"]}),
                (
                    "hr.internal.client",
                    "message_post",
                    [self.client_sales.ids],
                    {"body": "Hello"},
                ),
            ],
            "HRR Sales",
        )
        # HR's notes on the client stay HR's.
        self.client_sales.message_post(body="HRR-NOTE on the sales lead")
        self.assertFalse(
            self._execute(
                self.head,
                "mail.message",
                "search_read",
                [[("model", "=", "hr.internal.client")]],
                {"fields": ["body"]},
            )
        )

    def test_figures_where_anonymity_allows(self):
        Result = self.env["hr.satisfaction.result"]
        survey = self._campaign(name="HRR Value 2026")
        Result.create(
            [
                {
                    "campaign_id": survey.id,
                    "company_id": self.company.id,
                    "date": "2026-03-01",
                    "scope": "internal_client",
                    "internal_client_id": self.client_sales.id,
                    "invited_count": 6,
                    "responded_count": 5,
                    "satisfaction_count": 5,
                    "csat": 80.0,
                    "recommendation_count": 5,
                    "nps": 20.0,
                },
                {
                    "campaign_id": survey.id,
                    "company_id": self.company.id,
                    "date": "2026-03-01",
                    "scope": "internal_client",
                    "internal_client_id": self.client_ops.id,
                    "invited_count": 3,
                    "responded_count": 2,
                    "withheld": "small_group",
                    "min_group_size": 5,
                },
            ]
        )
        self.task_done.sudo().hr_campaign_id = survey
        self.env.flush_all()
        [sales] = self._page(self.head)
        self.assertEqual(sales["latest_csat"], 80.0)
        self.assertEqual(sales["latest_nps"], 20.0)
        self.assertIn("CSAT 80%", sales["you_said_we_did"])
        self.assertIn("Shortlist within three weeks", sales["you_said_we_did"])
        [ops] = self._page(self.head_ops)
        self.assertFalse(ops["latest_csat"])
        self.assertIn("Fewer than 5 answers", ops["you_said_we_did"])
        self.assertNotIn("CSAT", ops["you_said_we_did"])

    def test_did_this_help(self):
        health_before = self.client_sales.health_score
        self._execute(
            self.head, "project.task", "action_hr_feedback_helped", [self.task_done.ids]
        )
        self.env.invalidate_all()
        self.assertEqual(self.task_done.hr_client_feedback, "helped")
        feedback = self.env["hr.relationship.interaction"].search(
            [("internal_client_id", "=", self.client_sales.id)]
        )
        self.assertEqual(len(feedback), 1)
        self.assertEqual(feedback.source, "client_page")
        self.assertEqual(feedback.interaction_type, "feedback")
        self.assertEqual(feedback.sentiment, "positive")
        self.assertEqual(feedback.user_id, self.user)
        self.assertIn("Shortlist within three weeks", feedback.name)
        # A positive word from the client raises its health at once.
        self.assertGreater(self.client_sales.health_score, health_before)
        self.assertIn("It Helped", self.task_done.message_ids[:1].body.striptags())

    def test_did_not_help_lowers_health(self):
        self._execute(
            self.head,
            "project.task",
            "action_hr_feedback_not_helped",
            [self.task_done.ids],
        )
        self.env.invalidate_all()
        self.assertEqual(self.task_done.hr_client_feedback, "not_helped")
        feedback = self.env["hr.relationship.interaction"].search(
            [("internal_client_id", "=", self.client_sales.id)]
        )
        self.assertEqual(feedback.sentiment, "negative")
        self.assertIn("Negative interactions lately", self.client_sales.health_reasons)

    def _assert_refused_unwritten(self, user, task, method, fault_text):
        with self.assertRaises(Fault) as caught:
            self._execute(user, "project.task", method, [task.ids])
        self.assertIn(fault_text, caught.exception.faultString)
        self.env.invalidate_all()
        self.assertFalse(
            self.env["hr.relationship.interaction"].search(
                [("source", "=", "client_page")]
            )
        )

    def test_feedback_refused(self):
        # Not their client.
        self._assert_refused_unwritten(
            self.head,
            self.task_other,
            "action_hr_feedback_helped",
            "Only the lead of an internal client",
        )
        self._assert_refused_unwritten(
            self.internal_user,
            self.task_done,
            "action_hr_feedback_helped",
            "Only the lead of an internal client",
        )
        # Not finished.
        self._assert_refused_unwritten(
            self.head,
            self.task_open,
            "action_hr_feedback_helped",
            "is not finished yet",
        )
        self.assertFalse(self.task_open.hr_client_feedback)

    def test_feedback_once(self):
        self._execute(
            self.head, "project.task", "action_hr_feedback_helped", [self.task_done.ids]
        )
        with self.assertRaises(Fault) as caught:
            self._execute(
                self.head,
                "project.task",
                "action_hr_feedback_not_helped",
                [self.task_done.ids],
            )
        self.assertIn("was already answered", caught.exception.faultString)
        self.env.invalidate_all()
        self.assertEqual(self.task_done.hr_client_feedback, "helped")
        self.assertEqual(
            self.env["hr.relationship.interaction"].search_count(
                [("source", "=", "client_page")]
            ),
            1,
        )

    def test_feedback_not_writable_directly(self):
        # The answer is the lead's to give through the button, not a field
        # anyone may set.
        with self.assertRaises(Fault):
            self._execute(
                self.head,
                "project.task",
                "write",
                [self.task_done.ids, {"hr_client_feedback": "not_helped"}],
            )

    def test_tour_in_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["hr_relationship"], ["nl_NL"])
        self.head.lang = "nl_NL"
        self.start_tour(
            "/odoo",
            "hr_relationship_client_page_tour",
            login=self.head.login,
        )
        self.assertEqual(self.task_done.hr_client_feedback, "helped")
