# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrRelationshipCase

TODAY = date(2026, 6, 15)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestOverview(HrRelationshipCase):
    def _overview(self, user):
        overview = self.env["hr.relationship.overview"].with_user(user).get_overview()
        return {card["key"]: card for card in overview["cards"]}, overview["trend"]

    def test_cards_follow_the_signed_in_person(self):
        # Anna (owned by user) was last seen 40 days ago: overdue; Bob (owned
        # by other_user) is due in a week.
        self._interaction(self.sh_anna, date=TODAY - timedelta(days=40))
        self._interaction(
            self.sh_bob, date=TODAY - timedelta(days=23), user_id=self.other_user.id
        )
        cards, _trend = self._overview(self.user)
        self.assertEqual(cards["overdue"]["count"], 1)
        self.assertEqual(
            [row["id"] for row in cards["overdue"]["rows"]], self.sh_anna.ids
        )
        self.assertEqual(
            cards["overdue"]["rows"][0]["date"], TODAY - timedelta(days=10)
        )
        self.assertEqual(cards["upcoming"]["count"], 0)

        other_cards, _trend = self._overview(self.other_user)
        self.assertEqual(other_cards["overdue"]["count"], 0)
        self.assertEqual(
            [row["id"] for row in other_cards["upcoming"]["rows"]], self.sh_bob.ids
        )
        self.assertEqual(
            [row["id"] for row in other_cards["interactions"]["rows"]],
            self.sh_bob.interaction_ids.ids,
        )

    def test_card_domain_opens_the_same_records(self):
        self._interaction(self.sh_anna, date=TODAY - timedelta(days=40))
        cards, _trend = self._overview(self.user)
        for card in cards.values():
            records = (
                self.env[card["model"]].with_user(self.user).search(card["domain"])
            )
            self.assertEqual(len(records), card["count"], card["key"])

    def test_at_risk_cards(self):
        self.client_sales.write({"health_state": "at_risk", "health_score": 20.0})
        self.client_ops.write({"health_state": "at_risk", "health_score": 10.0})
        cards, _trend = self._overview(self.user)
        # Only the client the user partners, not every client at risk.
        self.assertEqual(
            [row["id"] for row in cards["clients_at_risk"]["rows"]],
            self.client_sales.ids,
        )
        self.assertEqual(cards["clients_at_risk"]["rows"][0]["score"], 20.0)

    def test_commitments_due_this_week(self):
        # TODAY is a Monday: the week ends on Sunday the 21st.
        Commitment = self.env["hr.relationship.commitment"]
        due = {
            name: Commitment.create(
                {
                    "name": name,
                    "company_id": self.company.id,
                    "stakeholder_id": self.sh_anna.id,
                    "user_id": (owner or self.user).id,
                    "date_due": day,
                }
            )
            for name, day, owner in (
                ("overdue", TODAY - timedelta(days=14), None),
                ("sunday", date(2026, 6, 21), None),
                ("next monday", date(2026, 6, 22), None),
                ("someone else's", TODAY, self.other_user),
            )
        }
        Commitment.create(
            {
                "name": "kept",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "user_id": self.user.id,
                "date_due": TODAY,
            }
        ).action_keep()
        cards, _trend = self._overview(self.user)
        card = cards["commitments"]
        self.assertEqual(card["count"], 2)
        self.assertEqual(
            [row["id"] for row in card["rows"]],
            (due["overdue"] | due["sunday"]).ids,
        )
        self.assertEqual(card["rows"][1]["date"], date(2026, 6, 21))

    def _queries(self, overview):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        overview.get_overview()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_book(self):
        overview = self.env["hr.relationship.overview"].with_user(self.user)
        # Every card lists something already; the book then grows.
        self._interaction(
            self.sh_anna, date=TODAY - timedelta(days=40), user_id=self.user.id
        )
        # The first call also fills the registry's caches (access rules, groups).
        self._queries(overview)
        few = self._queries(overview)
        for day in range(30):
            self._interaction(
                self.sh_anna | self.sh_erik,
                date=TODAY - timedelta(days=day + 40),
                user_id=self.user.id,
            )
        self.assertEqual(self._queries(overview), few)

    def test_refused_without_a_role(self):
        with self.assertRaises(AccessError):
            self.env["hr.relationship.overview"].with_user(
                self.internal_user
            ).get_overview()


@tagged("post_install", "-at_install")
class TestOverviewTour(HttpCase):
    def test_app_opens_on_the_overview(self):
        self.start_tour("/odoo", "hr_relationship_overview_tour", login="admin")
