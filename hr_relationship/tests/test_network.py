# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import BUSINESS_PARTNER_GROUP, HrRelationshipCase


class NetworkCase(HrRelationshipCase):
    """A small hand-made network on top of the common fixtures.

    - ``user`` met Anna 10 days ago and Erik 5 days ago;
    - ``other_user`` met Anna 100 days ago (outside the 90-day window), Bob
      3 days ago, Carl 40 days ago, and plans to meet Erik in 10 days;
    - ``manager`` met the Operations client itself yesterday.

    Sales (Anna, influence 4; Erik) hangs on ``user`` alone; Operations (Bob;
    Carl, influence 5, cadence 30, not met for 40 days) is reached by two.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["hr.stakeholder"])
        cls.partner_carl = cls.env["res.partner"].create(
            {"name": "Carl Consultant", "company_id": cls.company.id}
        )
        cls.sh_carl = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.partner_carl.id,
                "contact_cadence_days": 30,
                "company_id": cls.company.id,
                "owner_id": cls.other_user.id,
                "relation_type": "freelancer",
                "influence": 5,
                "interest": 4,
                "internal_client_ids": [Command.link(cls.client_ops.id)],
            }
        )

        def ago(days):
            return cls.today - timedelta(days=days)

        cls._interaction(cls.sh_anna, date=ago(10), user_id=cls.user.id)
        cls._interaction(cls.sh_erik, date=ago(5), user_id=cls.user.id)
        cls._interaction(cls.sh_anna, date=ago(100), user_id=cls.other_user.id)
        cls._interaction(cls.sh_bob, date=ago(3), user_id=cls.other_user.id)
        cls._interaction(cls.sh_carl, date=ago(40), user_id=cls.other_user.id)
        # Planned, not held: no contact yet.
        cls._interaction(cls.sh_erik, date=ago(-10), user_id=cls.other_user.id)
        cls._interaction(client=cls.client_ops, date=ago(1), user_id=cls.manager.id)
        cls.Network = cls.env["hr.relationship.network"]
        cls.Portfolio = cls.env["hr.relationship.portfolio"]
        cls.Network._refresh_network()
        cls.env.invalidate_all()

    def _portfolio(self, user):
        return self.Portfolio.search(
            [("user_id", "=", user.id), ("company_id", "=", self.company.id)]
        )


@tagged("post_install", "-at_install")
class TestNetworkMetrics(NetworkCase):
    def test_stakeholder_figures(self):
        anna, erik, bob, carl = self.sh_anna, self.sh_erik, self.sh_bob, self.sh_carl
        # other_user's contact with Anna is outside the window.
        self.assertEqual(anna.hr_contact_count, 1)
        self.assertEqual(anna.hr_sole_contact_id, self.user)
        # ... but still counts, weaker, for the strength: 0.5 ** (10/90) + 0.
        self.assertEqual(anna.hr_strongest_contact_id, self.user)
        self.assertAlmostEqual(anna.hr_relationship_strength, 0.93, places=2)
        # The planned meeting with Erik is no contact.
        self.assertEqual(erik.hr_contact_count, 1)
        self.assertEqual(erik.hr_sole_contact_id, self.user)
        self.assertEqual(bob.hr_sole_contact_id, self.other_user)
        self.assertFalse(anna.coverage_gap, "met 10 days ago, cadence 30")
        self.assertTrue(carl.coverage_gap, "met 40 days ago, cadence 30")
        self.assertFalse(bob.coverage_gap, "low influence is no gap")

    def test_client_figures(self):
        sales, ops = self.client_sales, self.client_ops
        self.assertEqual(sales.hr_contact_count, 1)
        self.assertTrue(sales.single_threaded)
        self.assertEqual(sales.hr_sole_contact_id, self.user)
        self.assertEqual(sales.high_influence_count, 1)
        self.assertEqual(sales.coverage, 100.0)
        self.assertFalse(sales.uncovered_stakeholder_ids)
        self.assertEqual(ops.hr_contact_count, 2)
        self.assertFalse(ops.single_threaded)
        self.assertFalse(ops.hr_sole_contact_id)
        self.assertEqual(ops.coverage_gap_count, 1)
        self.assertEqual(ops.coverage, 0.0)
        self.assertEqual(ops.uncovered_stakeholder_ids, self.sh_carl)

    def test_portfolio_figures(self):
        mine = self._portfolio(self.user)
        self.assertEqual(mine.stakeholder_count, 1)
        self.assertEqual(mine.client_count, 1)
        self.assertEqual(mine.key_stakeholder_count, 2, "Anna and Erik")
        self.assertEqual(mine.key_client_count, 1, "Sales")
        self.assertEqual(mine.key_person_count, 3)
        self.assertEqual(mine.coverage, 100.0)
        other = self._portfolio(self.other_user)
        self.assertEqual(other.stakeholder_count, 3)
        self.assertEqual(other.key_stakeholder_count, 2, "Bob and Carl")
        self.assertEqual(other.key_client_count, 0)
        self.assertEqual(other.coverage, 0.0)
        self.assertEqual(other.overdue_count, 1, "Carl")
        self.assertEqual(mine.employee_id, self.emp_hr)
        # This month's figures are kept for their trend.
        self.assertEqual(mine.snapshot_ids.month, self.today.replace(day=1))
        self.assertEqual(mine.snapshot_ids.key_person_count, 3)

    def test_brokerage(self):
        """Stakeholders fold into their clients: Sales hangs on ``user``,
        Operations on ``other_user`` and ``manager``; nobody bridges yet."""
        for user in (self.user, self.other_user, self.manager):
            self.assertEqual(self._portfolio(user).brokerage, 0.0)
        # Now ``user`` also meets Bob of Operations: every line from Sales to
        # Operations and its two colleagues runs through them. 5 nodes, 3 of
        # the 6 pairs not involving ``user``: 3 * 2 / (4 * 3).
        self._interaction(self.sh_bob, user_id=self.user.id)
        self.Network._refresh_network()
        self.assertEqual(self._portfolio(self.user).brokerage, 0.5)
        self.assertEqual(self._portfolio(self.other_user).brokerage, 0.0)

    def test_window_setting(self):
        self.env["ir.config_parameter"].set_param(
            "hr_relationship.network_window_days", "30"
        )
        self.Network._refresh_network()
        self.assertEqual(self.sh_carl.hr_contact_count, 0)
        self.assertFalse(self.sh_carl.hr_sole_contact_id)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"hr_network_window_days": 0})

    def test_query_count_constant(self):
        """The refresh costs the same number of queries for a bigger network."""
        # Once to fill the caches (settings), which later runs find full.
        self.Network._refresh_network()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.Network._refresh_network()
        small = self.env.cr.sql_log_count - before
        partners = self.env["res.partner"].create(
            [{"name": f"Extra {n}"} for n in range(20)]
        )
        extra = self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "influence": 4,
                    "internal_client_ids": [Command.link(self.client_sales.id)],
                }
                for partner in partners
            ]
        )
        for stakeholder in extra:
            self._interaction(stakeholder, user_id=self.manager.id)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.Network._refresh_network()
        self.assertEqual(self.env.cr.sql_log_count - before, small)
        self.assertFalse(self.client_sales.single_threaded)

    def test_logging_updates_the_figures_of_that_person(self):
        """A contact logged by a plain user shows in the person's and their
        client's figures at once, as "Who knows them?" answers; the
        portfolios follow through the network job, triggered."""
        bob, ops = self.sh_bob, self.client_ops
        self.assertEqual(bob.hr_contact_count, 1)
        cron = self.env.ref("hr_relationship.ir_cron_refresh_relationship_network")
        Trigger = self.env["ir.cron.trigger"].sudo()
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        interaction = (
            self.env["hr.relationship.interaction"]
            .with_user(self.user)
            .create(
                {
                    "name": "HRR works council chat",
                    "company_id": self.company.id,
                    "stakeholder_ids": [Command.set(bob.ids)],
                }
            )
        )
        direct = self.Network.with_user(self.user).who_knows(bob._name, bob.id)[
            "direct"
        ]
        self.assertEqual(len(direct), 2)
        self.assertEqual(bob.hr_contact_count, len(direct))
        self.assertFalse(bob.hr_sole_contact_id)
        self.assertEqual(bob.hr_strongest_contact_id.id, direct[0]["user_id"])
        self.assertEqual(bob.hr_relationship_strength, direct[0]["strength"])
        # Operations: other_user, manager and now user.
        self.assertEqual(ops.hr_contact_count, 3)
        self.assertEqual(
            Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1
        )
        # Deleted again: back to one HR contact, who is the only one.
        interaction.unlink()
        self.assertEqual(bob.hr_contact_count, 1)
        self.assertEqual(bob.hr_sole_contact_id, self.other_user)
        self.assertEqual(ops.hr_contact_count, 2)

    def test_the_triggered_job_brings_the_portfolios_up_to_date(self):
        self._interaction(self.sh_bob, user_id=self.user.id)
        # The portfolios need the whole network: not yet.
        self.assertEqual(self._portfolio(self.other_user).key_stakeholder_count, 2)
        # The cron's own server action, in this transaction: since 19.0
        # method_direct_trigger runs the job in a cursor of its own, which
        # cannot see this test's data.
        self.env.ref(
            "hr_relationship.ir_cron_refresh_relationship_network"
        ).ir_actions_server_id.run()
        # Bob is no longer other_user's alone; user now bridges the clients.
        self.assertEqual(self._portfolio(self.other_user).key_stakeholder_count, 1)
        self.assertEqual(self._portfolio(self.user).brokerage, 0.5)

    def test_refresh_button_is_for_administrators(self):
        with self.assertRaises(AccessError):
            self.Portfolio.with_user(self.user).action_refresh_network()
        self.Portfolio.with_user(self.manager).action_refresh_network()

    def test_map_marks(self):
        graph = self.env["hr.relationship.map"].get_graph(
            filters={"network_flags": ["single_threaded"]}, limit=5000
        )
        clients = {n["id"]: n for n in graph["nodes"] if n["type"] == "internal_client"}
        self.assertIn(f"internal_client_{self.client_sales.id}", clients)
        self.assertNotIn(f"internal_client_{self.client_ops.id}", clients)
        self.assertTrue(all(n.get("single_threaded") for n in clients.values()))
        graph = self.env["hr.relationship.map"].get_graph(limit=5000)
        nodes = {node["id"]: node for node in graph["nodes"]}
        self.assertTrue(nodes[f"stakeholder_{self.sh_carl.id}"].get("coverage_gap"))
        self.assertTrue(nodes[f"employee_{self.emp_hr.id}"].get("key_person"))
        self.assertFalse(nodes[f"stakeholder_{self.sh_anna.id}"].get("coverage_gap"))


@tagged("post_install", "-at_install")
class TestWhoKnows(NetworkCase):
    def _read_employees(self):
        # Employee records are for HR officers; others read the public ones.
        self.user.group_ids = [Command.link(self.env.ref("hr.group_hr_user").id)]

    def _ask(self, record, user=None):
        network = self.Network.with_user(user or self.user)
        return network.who_knows(record._name, record.id)

    def test_ranked_with_facts(self):
        answer = self._ask(self.sh_anna)
        self.assertEqual(
            [line["user_id"] for line in answer["direct"]],
            [self.user.id, self.other_user.id],
        )
        first = answer["direct"][0]
        self.assertEqual(first["interaction_count"], 1)
        self.assertEqual(first["last_date"], self.today - timedelta(days=10))
        self.assertFalse(answer["warm"])
        # The same person asked about as an employee, by whoever may read it.
        self.assertEqual(self._ask(self.emp_anna), {"direct": [], "warm": []})
        self._read_employees()
        self.assertEqual(self._ask(self.emp_anna)["direct"], answer["direct"])

    def test_planned_meeting_is_no_contact(self):
        answer = self._ask(self.partner_ext)
        self.assertEqual([line["user_id"] for line in answer["direct"]], [self.user.id])

    def test_internal_client(self):
        answer = self._ask(self.client_ops)
        self.assertEqual(
            {line["user_id"] for line in answer["direct"]},
            {self.manager.id, self.other_user.id},
        )

    def test_warm_path_through_manager(self):
        """Nobody knows Dave, whose manager Anna ``user`` knows best."""
        dave = self.env["hr.employee"].create(
            {
                "name": "Dave Nieuw",
                "company_id": self.company.id,
                "parent_id": self.emp_anna.id,
            }
        )
        self._read_employees()
        answer = self._ask(dave)
        self.assertFalse(answer["direct"])
        self.assertEqual(
            [line["user_id"] for line in answer["warm"]],
            [self.user.id, self.other_user.id],
        )
        self.assertEqual(answer["warm"][0]["via_id"], self.sh_anna.id)
        self.assertEqual(answer["warm"][0]["link"], "manager")

    def test_warm_path_through_client(self):
        eve = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Eve"}).id,
                "company_id": self.company.id,
                "internal_client_ids": [Command.link(self.client_ops.id)],
            }
        )
        answer = self._ask(eve)
        self.assertFalse(answer["direct"])
        warm = {line["user_id"]: line for line in answer["warm"]}
        self.assertEqual(set(warm), {self.other_user.id})
        self.assertEqual(warm[self.other_user.id]["link"], "client")
        self.assertEqual(warm[self.other_user.id]["via_id"], self.sh_bob.id)

    def test_wizard(self):
        action = self.sh_anna.with_user(self.user).action_hr_who_knows()
        wizard = self.env["hr.relationship.who.knows"].browse(action["res_id"])
        self.assertEqual(wizard.answer, "direct")
        self.assertEqual(wizard.line_ids.mapped("user_id"), self.user | self.other_user)
        self.assertEqual(wizard.line_ids[0].user_id, self.user)

    def test_unreadable_is_unknown(self):
        other_company = self.env["res.company"].create({"name": "HRR Elsewhere"})
        hidden = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Hidden"}).id,
                "company_id": other_company.id,
            }
        )
        self._interaction(
            hidden, company_id=other_company.id, user_id=self.other_user.id
        )
        nobody = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Nobody"}).id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(self._ask(hidden), self._ask(nobody))
        self.assertEqual(self._ask(hidden), {"direct": [], "warm": []})
        # A deleted record answers the same.
        self.assertEqual(
            self.Network.with_user(self.user).who_knows("hr.stakeholder", 999999999),
            {"direct": [], "warm": []},
        )
        # As the administrator of both companies the record is known.
        self.assertTrue(
            self.Network.with_context(
                allowed_company_ids=[self.company.id, other_company.id]
            ).who_knows("hr.stakeholder", hidden.id)["direct"]
        )

    def test_malformed_arguments(self):
        network = self.Network.with_user(self.user)
        for res_model, res_id in (
            ("res.users", self.user.id),
            ("hr.stakeholder", "12"),
            ("hr.stakeholder", -1),
            ("hr.stakeholder", True),
            ("hr.stakeholder", None),
        ):
            with self.subTest(res_model=res_model, res_id=res_id):
                with self.assertRaises(UserError):
                    network.who_knows(res_model, res_id)

    def test_employee_without_role_is_refused(self):
        with self.assertRaises(AccessError):
            self.Network.with_user(self.internal_user).who_knows(
                "hr.employee", self.emp_anna.id
            )


@tagged("post_install", "-at_install")
class TestPortfolioAccess(NetworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coach = cls._new_user("hrr_coach", BUSINESS_PARTNER_GROUP)
        cls.emp_coach = cls.env["hr.employee"].create(
            {
                "name": "Coach Carla",
                "company_id": cls.company.id,
                "user_id": cls.coach.id,
            }
        )
        cls.emp_hr.coach_id = cls.emp_coach
        cls.env.flush_all()

    def _visible(self, user):
        return self.Portfolio.with_user(user).search(
            [("company_id", "=", self.company.id)]
        )

    def test_own_portfolio_only(self):
        self.assertEqual(self._visible(self.user).user_id, self.user)
        self.assertEqual(self._visible(self.other_user).user_id, self.other_user)

    def test_coach_reads_coachee(self):
        mine = self._portfolio(self.user)
        self.assertEqual(mine.coach_user_id, self.coach)
        self.assertIn(mine, self._visible(self.coach))
        self.assertNotIn(self._portfolio(self.other_user), self._visible(self.coach))

    def test_administrator_reads_all(self):
        visible = self._visible(self.manager)
        self.assertIn(self._portfolio(self.user), visible)
        self.assertIn(self._portfolio(self.other_user), visible)
        with self.assertRaises(AccessError):
            self._portfolio(self.user).with_user(self.manager).write(
                {"key_person_count": 0}
            )

    def test_coaching_conversation(self):
        mine = self._portfolio(self.user)
        Interaction = self.env["hr.relationship.interaction"]
        coaching = Interaction.with_user(self.coach).create(
            {
                "name": "Coaching on key-person risk",
                "interaction_type": "coaching",
                "portfolio_id": mine.id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(mine.coaching_count, 1)
        self.assertTrue(Interaction.with_user(self.user).browse(coaching.id).name)
        self.assertNotIn(coaching, Interaction.with_user(self.other_user).search([]))
        with self.assertRaises(ValidationError):
            Interaction.create(
                {
                    "name": "Not coaching",
                    "interaction_type": "meeting",
                    "portfolio_id": mine.id,
                    "company_id": self.company.id,
                }
            )
        with self.assertRaises(ValidationError):
            Interaction.create({"name": "No one", "interaction_type": "meeting"})


@tagged("post_install", "-at_install")
class TestNetworkReports(HrRelationshipCase):
    """The network reports are filled from the start and, when empty, say
    why."""

    def test_demo_figures_after_install(self):
        stakeholder = self.env.ref(
            "hr_relationship.stakeholder_mitchell_admin", raise_if_not_found=False
        )
        if not stakeholder:
            self.skipTest("The demo data is not installed.")
        Network = self.env["hr.relationship.network"]
        since = fields.Date.context_today(stakeholder) - timedelta(
            days=Network._window_days() - 1
        )
        known = self.env["hr.stakeholder"].search([("interaction_ids", "!=", False)])
        self.assertTrue(known)
        for person in known:
            direct = Network.who_knows(person._name, person.id)["direct"]
            with self.subTest(stakeholder=person.name):
                self.assertEqual(
                    person.hr_contact_count,
                    len([line for line in direct if line["last_date"] >= since]),
                )
        self.assertTrue(any(known.mapped("hr_contact_count")))
        self.assertTrue(self.env["hr.relationship.portfolio"].search_count([]))
        self.assertTrue(
            self.env["hr.internal.client"].search_count([("coverage", "!=", False)])
        )

    def test_empty_reports_say_why(self):
        expected = {
            "hr_relationship.hr_internal_client_action_single_threaded": (
                "No internal client depends on a single HR contact"
            ),
            "hr_relationship.hr_internal_client_action_coverage_gaps": (
                "Every client's key stakeholders were contacted in time"
            ),
            "hr_relationship.hr_stakeholder_action_coverage_gaps": (
                "Every high-influence stakeholder was contacted in time"
            ),
            "hr_relationship.hr_relationship_portfolio_action": (
                "No HR colleague carries relationships yet"
            ),
        }
        for xmlid, text in expected.items():
            with self.subTest(action=xmlid):
                self.assertIn(text, self.env.ref(xmlid).help)
