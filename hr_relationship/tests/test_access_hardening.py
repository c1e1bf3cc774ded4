# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
import inspect
import textwrap

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BUSINESS_PARTNER_GROUP, RpcCase

MODULE = "hr_relationship"
PROFILE = "hr.stakeholder.profile"


class AccessHardeningMixin:
    """Checks that the core's tests and each bridge's run on their own
    fields, models and actions; a bridge's test class mixes this in and
    names what to check in its own test methods."""

    def _check_fields_guarded(self, module, models):
        """Every field ``module`` adds to ``models`` carries groups and is
        one of the guarded fields; returns ``{model: [field names]}``."""
        added = {}
        for model in models:
            Model = self.env[model]
            ours = [
                name
                for name, field in Model._fields.items()
                if module in (field._modules or ())
            ]
            self.assertTrue(ours, model)
            for name in ours:
                with self.subTest(model=model, field=name):
                    self.assertTrue(Model._fields[name].groups)
                    self.assertIn(name, Model._hr_guarded_fields())
            added[model] = ours
        return added

    def _check_grouping_refused(self, user, model, groupby=None, aggregate=None):
        """``user`` reads ``model`` but may not group it by ``groupby`` nor
        aggregate ``aggregate``, by any of the ORM's routes."""
        Model = self.env[model].with_user(user)
        Model.check_access("read")  # the model itself is theirs
        with self.assertRaises(AccessError):
            Model._read_group(
                [], [groupby] if groupby else [], [aggregate or "__count"]
            )
        if groupby:
            with self.assertRaises(AccessError):
                Model.web_read_group([], [groupby], ["__count"])
            with self.assertRaises(AccessError):
                Model.formatted_read_group([], [groupby], ["__count"])

    def _check_field_refused(self, user, record, fname):
        """``user`` neither reads, exports, searches nor sorts by ``fname``."""
        as_user = record.with_user(user)
        with self.assertRaises(AccessError):
            as_user.read([fname])
        with self.assertRaises(AccessError):
            as_user.export_data([fname])
        with self.assertRaises(AccessError):
            as_user.search([(fname, "!=", False)])
        with self.assertRaises(AccessError):
            as_user.search([], order=fname)

    def _check_role_user_groups(self, user, record, fname, value):
        """A relationship role groups ``record`` by ``fname``: ``value``."""
        groups = (
            self.env[record._name]
            .with_user(user)
            ._read_group([("id", "=", record.id)], [fname], ["__count"])
        )
        self.assertEqual(groups, [(value, 1)])

    def _check_public_actions_return_a_value(self, module, more_than):
        """Read from the source: XML-RPC cannot send None back. More than
        ``more_than`` actions of ``module`` are read."""
        checked = 0
        for model_name in self.env.registry:
            for cls in type(self.env[model_name]).mro():
                if not cls.__module__.startswith(f"odoo.addons.{module}."):
                    continue
                for name, function in vars(cls).items():
                    if not (name.startswith("action_") and callable(function)):
                        continue
                    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
                    returns = [
                        node
                        for node in ast.walk(tree)
                        if isinstance(node, ast.Return) and node.value is not None
                    ]
                    with self.subTest(model=model_name, method=name):
                        self.assertTrue(returns, f"{name} returns nothing")
                    checked += 1
        self.assertGreater(checked, more_than)


@tagged("post_install", "-at_install")
class TestProfileMessages(RpcCase):
    """A former relationship owner neither reads nor receives what is said
    on the profile after they lost it, whatever the route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Mail as a real request would send it.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.owner_a = cls.user
        cls.owner_b = cls.other_user
        cls.profile = cls.sh_anna._get_profiles()
        as_a = cls.profile.with_user(cls.owner_a)
        cls.message_a = as_a.message_post(
            body="A wrote this", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        as_a.message_subscribe(cls.owner_a.partner_id.ids)
        cls.assertTrue(cls, cls.owner_a.partner_id in cls.profile.message_partner_ids)
        # An administrator hands the relationship over.
        cls.sh_anna.with_user(cls.manager).owner_id = cls.owner_b
        cls.message_b = cls.profile.with_user(cls.owner_b).message_post(
            body="Bsecret after the handover",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            # Even naming the former owner does not reach them.
            partner_ids=cls.owner_a.partner_id.ids,
        )

    def _thread_domain(self):
        return [("model", "=", PROFILE), ("res_id", "=", self.profile.id)]

    def test_former_owner_no_longer_follows_nor_is_notified(self):
        self.assertNotIn(self.owner_a.partner_id, self.profile.message_partner_ids)
        notifications = self.env["mail.notification"].search(
            [
                ("mail_message_id", "=", self.message_b.id),
                ("res_partner_id", "=", self.owner_a.partner_id.id),
            ]
        )
        self.assertFalse(notifications)
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("mail_message_id", "=", self.message_b.id),
                    ("recipient_ids", "in", self.owner_a.partner_id.ids),
                ]
            )
        )
        # A follower who can read it is notified.
        self.profile.message_subscribe(self.manager.partner_id.ids)
        message = self.profile.with_user(self.owner_b).message_post(
            body="For the administrator",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.manager.partner_id, notified)
        self.assertNotIn(self.owner_a.partner_id, notified)

    def test_orm(self):
        Message = self.env["mail.message"].with_user(self.owner_a)
        rows = Message.search_read(self._thread_domain(), ["body"])
        self.assertNotIn(self.message_b.id, [row["id"] for row in rows])
        # What they wrote themselves stays theirs.
        self.assertIn(self.message_a.id, [row["id"] for row in rows])
        self.assertFalse(Message.search([("body", "ilike", "Bsecret")]))
        self.assertFalse(Message.search_count([("id", "=", self.message_b.id)]))
        self.assertFalse(
            Message._read_group([("body", "ilike", "Bsecret")], [], ["__count"])[0][0]
        )
        with self.assertRaises(AccessError):
            self.message_b.with_user(self.owner_a).read(["body"])
        with self.assertRaises(AccessError):
            self.message_a.with_user(self.owner_a).write({"body": "changed"})
        # The new owner and administrators read everything.
        for user in (self.owner_b, self.manager):
            found = (
                self.env["mail.message"].with_user(user).search(self._thread_domain())
            )
            self.assertIn(self.message_a, found)
            self.assertIn(self.message_b, found)
        # Messages elsewhere are untouched: the chatter of their own client.
        posted = self.client_sales.with_user(self.owner_a).message_post(
            body="Public note"
        )
        self.assertEqual(Message.search([("id", "=", posted.id)]), posted)

    def test_xmlrpc(self):
        rows = self._execute(
            self.owner_a,
            "mail.message",
            "search_read",
            [self._thread_domain()],
            {"fields": ["body"]},
        )
        self.assertFalse([row for row in rows if "Bsecret" in row["body"]])
        self.assertFalse(
            self._execute(
                self.owner_a, "mail.message", "search", [[("body", "ilike", "Bsecret")]]
            )
        )
        fault = self._assert_rpc_refused(
            self.owner_a,
            "mail.message",
            "read",
            [self.message_b.ids],
            {"fields": ["body"]},
        )
        self.assertNotIn("Bsecret", fault.faultString)
        rows = self._execute(
            self.owner_b,
            "mail.message",
            "search_read",
            [self._thread_domain()],
            {"fields": ["body"]},
        )
        self.assertTrue([row for row in rows if "Bsecret" in row["body"]])

    def _thread_messages(self, search_term=None):
        # Since 19.0 the search (and paging) goes in fetch_params.
        return self.make_jsonrpc_request(
            "/mail/thread/messages",
            {
                "thread_model": PROFILE,
                "thread_id": self.profile.id,
                "fetch_params": {"search_term": search_term} if search_term else {},
            },
        )

    def test_mail_routes(self):
        self.authenticate(self.owner_a.login, self.owner_a.login)
        for search_term in (None, "Bsecret"):
            with self.subTest(search_term=search_term):
                result = self._thread_messages(search_term)
                self.assertNotIn(self.message_b.id, result["messages"])
                self.assertNotIn("Bsecret", str(result["data"]))
        inbox = self.make_jsonrpc_request("/mail/inbox/messages", {})
        self.assertNotIn(self.message_b.id, inbox["messages"])
        self.assertNotIn("Bsecret", str(inbox["data"]))
        # The new owner gets it through the same route, searched for or not.
        self.authenticate(self.owner_b.login, self.owner_b.login)
        for search_term in (None, "Bsecret"):
            with self.subTest(search_term=search_term):
                result = self._thread_messages(search_term)
                self.assertIn(self.message_b.id, result["messages"])
        self.assertNotIn(
            self.message_b.id, self._thread_messages("nothing like it")["messages"]
        )


@tagged("post_install", "-at_install")
class TestStakeholderLinks(RpcCase):
    """Putting a stakeholder in an internal client's scope needs the right to
    change that stakeholder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bp = cls._new_user("hrr_link_bp", BUSINESS_PARTNER_GROUP)
        # sh_bob: owned by other_user, stakeholder of client_ops (other_user's).
        cls.bp_client = cls.env["hr.internal.client"].create(
            {
                "name": "HRR BP own",
                "company_id": cls.company.id,
                "hr_partner_id": cls.bp.id,
            }
        )
        cls.own_stakeholder = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "HRR Own"}).id,
                "company_id": cls.company.id,
                "owner_id": cls.bp.id,
            }
        )

    def _client_count(self):
        return self.env["hr.internal.client"].search_count([])

    def test_orm(self):
        Client = self.env["hr.internal.client"].with_user(self.bp)
        before = self._client_count()
        with self.assertRaisesRegex(AccessError, "Bob de Vries"):
            Client.create(
                {
                    "name": "HRR Takeover",
                    "company_id": self.company.id,
                    "hr_partner_id": self.bp.id,
                    "stakeholder_ids": [Command.link(self.sh_bob.id)],
                }
            )
        self.assertEqual(self._client_count(), before)
        for command in (Command.link(self.sh_bob.id), Command.set(self.sh_bob.ids)):
            with self.subTest(command=command[0]):
                with self.assertRaises(AccessError):
                    self.bp_client.with_user(self.bp).write(
                        {"stakeholder_ids": [command]}
                    )
        with self.assertRaises(AccessError):
            self.sh_bob.with_user(self.bp).write(
                {"internal_client_ids": [Command.link(self.bp_client.id)]}
            )
        self.assertNotIn(self.sh_bob, self.bp_client.stakeholder_ids)
        self.assertFalse(self.sh_bob.with_user(self.bp).can_read_profile)
        # Their own stakeholder, and a new one, link as before.
        self.bp_client.with_user(self.bp).write(
            {"stakeholder_ids": [Command.link(self.own_stakeholder.id)]}
        )
        Client.create(
            {
                "name": "HRR New BP client",
                "company_id": self.company.id,
                "hr_partner_id": self.bp.id,
                "stakeholder_ids": [
                    Command.create(
                        {
                            "partner_id": self.env["res.partner"]
                            .create({"name": "HRR Newcomer"})
                            .id,
                            "company_id": self.company.id,
                        }
                    )
                ],
            }
        )
        # Unlinking stays with the client's partner; administrators link anyone.
        self.bp_client.with_user(self.bp).write(
            {"stakeholder_ids": [Command.unlink(self.own_stakeholder.id)]}
        )
        self.bp_client.with_user(self.manager).write(
            {"stakeholder_ids": [Command.link(self.sh_bob.id)]}
        )
        self.assertIn(self.sh_bob, self.bp_client.stakeholder_ids)

    def test_xmlrpc(self):
        before = self._client_count()
        self._assert_rpc_refused(
            self.bp,
            "hr.internal.client",
            "create",
            [
                {
                    "name": "HRR Takeover",
                    "company_id": self.company.id,
                    "hr_partner_id": self.bp.id,
                    "stakeholder_ids": [[4, self.sh_bob.id, 0]],
                }
            ],
        )
        self.assertEqual(self._client_count(), before)
        self._assert_rpc_refused(
            self.bp,
            "hr.internal.client",
            "write",
            [self.bp_client.ids, {"stakeholder_ids": [[4, self.sh_bob.id, 0]]}],
        )
        self.assertFalse(
            self._execute(
                self.bp, PROFILE, "search", [[("stakeholder_id", "=", self.sh_bob.id)]]
            )
        )


@tagged("post_install", "-at_install")
class TestGuardedFields(AccessHardeningMixin, RpcCase):
    """The addon's fields on Odoo's models are closed to users outside the
    relationship groups, however they are read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = cls._new_user(
            "hrr_outsider",
            "base.group_user,project.group_project_manager,"
            "survey.group_survey_manager,hr.group_hr_user,base.group_allow_export",
        )
        cls.project = cls.env["project.project"].create(
            {
                "name": "HRR Onboarding",
                "company_id": cls.company.id,
                "internal_client_id": cls.client_sales.id,
                "hr_stakeholder_ids": [Command.set((cls.sh_anna | cls.sh_bob).ids)],
            }
        )
        cls.survey_template = cls.env.ref(
            "hr_relationship.survey_internal_client_value"
        )

    # (model, groupby, aggregate) that leak relationship data when allowed.
    GROUPINGS = [
        ("project.project", "hr_stakeholder_ids", None),
        ("project.project", "internal_client_id", None),
        ("project.project", None, "hr_stakeholder_ids:count_distinct"),
        ("survey.question", "hr_metric_role", None),
        ("survey.question", "hr_service_id", None),
        ("survey.user_input", "hr_campaign_id", None),
        ("survey.user_input", "hr_internal_client_ids", None),
        ("survey.user_input.line", "hr_internal_client_ids", None),
        ("survey.user_input.line", "hr_stakeholder_id", None),
        ("survey.user_input.line", "hr_service_id", None),
        ("survey.user_input.line", None, "hr_campaign_id:count_distinct"),
    ]

    def test_every_guarded_field_has_groups(self):
        self._check_fields_guarded(
            MODULE,
            [
                "project.project",
                "hr.employee",
                "res.partner",
                "survey.question",
                "survey.user_input",
                "survey.user_input.line",
            ],
        )

    def test_read_group_refused(self):
        for model, groupby, aggregate in self.GROUPINGS:
            with self.subTest(model=model, groupby=groupby, aggregate=aggregate):
                self._check_grouping_refused(self.outsider, model, groupby, aggregate)

    def test_read_search_export_refused(self):
        cases = [
            (self.project, ["hr_stakeholder_ids", "internal_client_id"]),
            (self.emp_anna, ["hr_stakeholder_ids", "hr_served_client_ids"]),
            (self.partner_ext, ["hr_stakeholder_ids"]),
            (self.survey_template.question_ids[:1], ["hr_metric_role"]),
        ]
        for record, fnames in cases:
            for fname in fnames:
                with self.subTest(model=record._name, field=fname):
                    self._check_field_refused(self.outsider, record, fname)

    def test_role_users_still_group(self):
        self._check_role_user_groups(
            self.user,
            self.project,
            "internal_client_id",
            self.project.internal_client_id,
        )

    def test_xmlrpc(self):
        calls = [
            ("formatted_read_group", [[], ["hr_stakeholder_ids"], ["__count"]], {}),
            ("web_read_group", [[], ["hr_stakeholder_ids"], ["__count"]], {}),
            ("read", [self.project.ids, ["hr_stakeholder_ids"]], {}),
            ("export_data", [self.project.ids, ["hr_stakeholder_ids/name"]], {}),
        ]
        self._assert_rpc_calls_refused(
            self.outsider, [("project.project", *call) for call in calls], "Anna"
        )

    def test_copy_keeps_what_the_user_cannot_see(self):
        copy = self.project.with_user(self.outsider).copy()
        # Read as superuser: since 19.0 the outsider's records refuse them.
        self.assertEqual(copy.sudo().internal_client_id, self.client_sales)
        survey_copy = self.survey_template.with_user(self.outsider).copy()
        self.assertEqual(
            sorted(survey_copy.sudo().question_ids.mapped("hr_metric_role"), key=str),
            sorted(self.survey_template.question_ids.mapped("hr_metric_role"), key=str),
        )


@tagged("post_install", "-at_install")
class TestPersonalFigures(RpcCase):
    """A stakeholder's latest answers follow the per-stakeholder result rule:
    their business partner and administrators, nobody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bp = cls._new_user(
            "hrr_fig_bp", f"{BUSINESS_PARTNER_GROUP},base.group_allow_export"
        )
        cls.client_sales.hr_partner_id = cls.bp
        # sh_anna: client_sales (the business partner's); sh_bob: client_ops.
        campaign = cls.env["hr.satisfaction.survey"].create(
            {
                "name": "HRR Figures",
                "company_id": cls.company.id,
                "internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        Result = cls.env["hr.satisfaction.result"]
        for stakeholder, satisfaction, nps in (
            (cls.sh_anna, 75.0, 100.0),
            (cls.sh_bob, 25.0, -100.0),
        ):
            Result.create(
                {
                    "campaign_id": campaign.id,
                    "company_id": cls.company.id,
                    "date": "2026-01-15",
                    "scope": "stakeholder",
                    "stakeholder_id": stakeholder.id,
                    "invited_count": 1,
                    "responded_count": 1,
                    "satisfaction_count": 1,
                    "satisfaction_index": satisfaction,
                    "recommendation_count": 1,
                    "nps": nps,
                }
            )
        (cls.sh_anna | cls.sh_bob)._health_run((cls.sh_anna | cls.sh_bob).ids)

    FIGURES = ["latest_satisfaction_index", "latest_nps", "latest_survey_date"]

    def test_stakeholder_figures(self):
        stakeholders = (self.sh_anna | self.sh_bob).with_user(self.bp)
        anna, bob = stakeholders.read(self.FIGURES)
        self.assertEqual(
            (anna["latest_satisfaction_index"], anna["latest_nps"]), (75.0, 100.0)
        )
        self.assertTrue(anna["latest_survey_date"])
        # Figures the user may not see are empty, not a real-looking 0.0.
        for fname in self.FIGURES:
            self.assertIs(bob[fname], False, fname)
        exported = stakeholders.export_data(self.FIGURES[:2])["datas"]
        self.assertEqual(exported[1], ["", ""])
        bob_admin = self.sh_bob.with_user(self.manager)
        self.assertEqual(bob_admin.latest_satisfaction_index, 25.0)
        with self.assertRaises(AccessError):
            self.sh_anna.with_user(self.user).read(["latest_satisfaction_index"])
        # Not stored: nobody searches or groups anybody by their answers.
        with self.assertRaises(ValueError):
            self.env["hr.stakeholder"].with_user(self.manager)._read_group(
                [], ["latest_satisfaction_index"], ["__count"]
            )

    def test_snapshots(self):
        Snapshot = self.env["hr.relationship.health.snapshot"]
        for user, visible in (
            (self.bp, self.sh_anna),
            (self.manager, self.sh_anna | self.sh_bob),
            (self.user, self.env["hr.stakeholder"]),
        ):
            with self.subTest(user=user.login):
                found = Snapshot.with_user(user).search(
                    [("stakeholder_id", "!=", False)]
                )
                self.assertEqual(found.stakeholder_id, visible)
        [(mean,)] = Snapshot.with_user(self.bp)._read_group(
            [("stakeholder_id", "!=", False)], [], ["latest_satisfaction_index:avg"]
        )
        self.assertEqual(mean, 75.0)
        bob_snapshot = Snapshot.search([("stakeholder_id", "=", self.sh_bob.id)])
        self.assertEqual(bob_snapshot.latest_satisfaction_index, 25.0)
        with self.assertRaises(AccessError):
            bob_snapshot.with_user(self.bp).read(["latest_satisfaction_index"])

    def test_xmlrpc(self):
        [bob] = self._execute(
            self.bp,
            "hr.stakeholder",
            "read",
            [self.sh_bob.ids],
            {"fields": self.FIGURES},
        )
        self.assertIs(bob["latest_satisfaction_index"], False)
        self.assertIs(bob["latest_nps"], False)
        rows = self._execute(
            self.bp,
            "hr.relationship.health.snapshot",
            "search_read",
            [[("stakeholder_id", "!=", False)]],
            {"fields": ["stakeholder_id", "latest_satisfaction_index", "latest_nps"]},
        )
        self.assertEqual(
            {row["stakeholder_id"][0] for row in rows}, set(self.sh_anna.ids)
        )
        groups = self._execute(
            self.bp,
            "hr.relationship.health.snapshot",
            "formatted_read_group",
            [[], ["stakeholder_id"], ["latest_satisfaction_index:avg"]],
        )
        self.assertNotIn(
            self.sh_bob.id,
            [g["stakeholder_id"] and g["stakeholder_id"][0] for g in groups],
        )


@tagged("post_install", "-at_install")
class TestAdministratorAndActions(AccessHardeningMixin, RpcCase):
    """The roles table holds as written: a relationship administrator sees
    who gave an anonymous answer, and every public action answers RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bp = cls._new_user("hrr_act_bp", BUSINESS_PARTNER_GROUP)
        cls.campaign = cls.env["hr.satisfaction.survey"].create(
            {
                "name": "HRR Anonymous",
                "company_id": cls.company.id,
                "anonymous": True,
                "internal_client_ids": [Command.set(cls.client_sales.ids)],
            }
        )
        cls.answer = cls.env["survey.user_input"].create(
            {
                "survey_id": cls.campaign.survey_id.id,
                "partner_id": cls.partner_ext.id,
                "hr_campaign_id": cls.campaign.id,
                "hr_stakeholder_id": cls.sh_erik.id,
            }
        )

    def test_administrator_sees_who_answered(self):
        survey_groups = self.env.ref("survey.group_survey_user") | self.env.ref(
            "survey.group_survey_manager"
        )
        self.assertFalse(self.manager.all_group_ids & survey_groups)
        [values] = self.answer.with_user(self.manager).read(
            ["hr_stakeholder_id", "partner_id"]
        )
        self.assertEqual(values["hr_stakeholder_id"][0], self.sh_erik.id)
        self.assertEqual(values["partner_id"][0], self.partner_ext.id)
        found = (
            self.env["survey.user_input"]
            .with_user(self.manager)
            .search([("hr_stakeholder_id", "=", self.sh_erik.id)])
        )
        self.assertEqual(found, self.answer)
        # Reading only: the answers stay the respondents'.
        with self.assertRaises(AccessError):
            self.answer.with_user(self.manager).write({"email": "x@example.com"})
        [row] = self._execute(
            self.manager,
            "survey.user_input",
            "read",
            [self.answer.ids],
            {"fields": ["hr_stakeholder_id"]},
        )
        self.assertEqual(row["hr_stakeholder_id"][0], self.sh_erik.id)
        for user in (self.bp, self.user, self.internal_user):
            with self.subTest(user=user.login):
                self._assert_rpc_refused(
                    user,
                    "survey.user_input",
                    "read",
                    [self.answer.ids],
                    {"fields": ["hr_stakeholder_id"]},
                )

    def test_actions_answer_rpc(self):
        self.assertIs(
            self._execute(
                self.manager,
                "hr.stakeholder",
                "action_refresh_health",
                [self.sh_anna.ids],
            ),
            True,
        )
        self.assertIs(
            self._execute(
                self.manager,
                "hr.internal.client",
                "action_refresh_health",
                [self.client_sales.ids],
            ),
            True,
        )
        self.assertIs(
            self._execute(
                self.manager,
                "hr.stakeholder",
                "action_privacy_erase",
                [self.sh_erik.ids],
            ),
            True,
        )
        self.assertTrue(self.sh_erik.with_context(active_test=False).is_anonymised)

    def test_every_public_action_returns_a_value(self):
        self._check_public_actions_return_a_value(MODULE, 20)
