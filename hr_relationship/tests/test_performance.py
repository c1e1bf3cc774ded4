# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command
from odoo.tests import tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install", "is_query_count")
class TestQueryCounts(HrRelationshipCase):
    """The hot paths are set-based: their number of queries does not grow
    with the number of records."""

    def _make_stakeholders(self, count):
        employees = self.env["hr.employee"].create(
            [
                {"name": f"HRR Perf {count}-{index}", "company_id": self.company.id}
                for index in range(count)
            ]
        )
        return self.env["hr.stakeholder"].create(
            [
                {
                    "employee_id": employee.id,
                    "company_id": self.company.id,
                    "contact_cadence_days": 30,
                }
                for employee in employees
            ]
        )

    def _count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        # assertQueryCount reads the user's login before counting and runs the
        # precommit hooks (the bus notifications of new to-dos) after; do the
        # same so that both ways of measuring agree exactly.
        _login = self.env.user.login
        self.env.cr.flush()
        start = self.cr.sql_log_count
        func()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    def _log_interaction(self, stakeholders):
        def log():
            self._interaction(stakeholders, date=date(2025, 5, 1))
            # Reading the results is part of the hot path (list views do it).
            stakeholders.mapped("next_contact_date")

        return log

    def test_interaction_recomputes_dates_set_based(self):
        # Warm the registry and ORM caches once; cold caches add queries.
        self._count_queries(self._log_interaction(self._make_stakeholders(5)))

        small = self._make_stakeholders(10)
        large = self._make_stakeholders(20)
        expected = self._count_queries(self._log_interaction(small))
        self.assertEqual(self._count_queries(self._log_interaction(large)), expected)
        self.assertEqual(set(large.mapped("last_interaction_date")), {date(2025, 5, 1)})
        self.assertEqual(set(large.mapped("next_contact_date")), {date(2025, 5, 31)})

        # 50 stakeholders, one interaction, still the same bound.
        fifty = self._make_stakeholders(50)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            self._interaction(fifty, date=date(2025, 5, 1))
            fifty.mapped("next_contact_date")

    def _make_clients(self, count):
        clients = self.env["hr.internal.client"].create(
            [
                {
                    "name": f"HRR Perf Client {count}-{index}",
                    "company_id": self.company.id,
                }
                for index in range(count)
            ]
        )
        stakeholders = self._make_stakeholders(count)
        for client, stakeholder in zip(clients, stakeholders, strict=True):
            client.stakeholder_ids = [Command.link(stakeholder.id)]
            self._interaction(stakeholder, client=client, date=date(2025, 1, 1))
        return clients

    def _read_counts(self, clients):
        def read():
            clients.with_env(self.user_env).read(
                [
                    "stakeholder_count",
                    "project_count",
                    "interaction_count",
                    "overdue_stakeholder_count",
                    "last_interaction_date",
                ]
            )

        return read

    def test_internal_client_counts_set_based(self):
        # One environment for every read: an environment keeps the user's
        # company and timezone once read, and a new one (made when the
        # garbage collector has dropped the previous one, as making many
        # records may trigger) reads them again: two queries that do not
        # depend on the number of clients.
        self.user_env = self.env(user=self.user)
        self._count_queries(self._read_counts(self._make_clients(5)))
        small = self._make_clients(10)
        large = self._make_clients(20)
        expected = self._count_queries(self._read_counts(small))
        self.assertEqual(self._count_queries(self._read_counts(large)), expected)
        read_forty = self._read_counts(self._make_clients(40))
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            read_forty()
        values = large.read(["stakeholder_count", "interaction_count"])
        self.assertEqual(
            {(v["stakeholder_count"], v["interaction_count"]) for v in values}, {(1, 1)}
        )


@tagged("post_install", "-at_install")
class TestRefreshContactDates(HrRelationshipCase):
    """The set-based refresh used for bulk runs agrees with the ORM computes."""

    def _stored_dates(self, stakeholders):
        self.env.cr.execute(
            """SELECT id, last_interaction_date, next_contact_date
                 FROM hr_stakeholder WHERE id = ANY(%s) ORDER BY id""",
            [stakeholders.ids],
        )
        return self.env.cr.fetchall()

    def test_refresh_matches_orm(self):
        stakeholders = self.sh_anna | self.sh_erik | self.sh_bob
        self.sh_anna.contact_cadence_days = 14
        self.sh_erik.contact_cadence_days = 0
        self._interaction(self.sh_anna | self.sh_erik, date=date(2025, 3, 1))
        self._interaction(self.sh_anna, date=date(2025, 4, 1))
        self.env.flush_all()
        expected = self._stored_dates(stakeholders)
        self.assertEqual(
            expected,
            sorted(
                [
                    (self.sh_anna.id, date(2025, 4, 1), date(2025, 4, 15)),
                    (self.sh_erik.id, date(2025, 3, 1), None),
                    (
                        self.sh_bob.id,
                        None,
                        self.sh_bob.create_date.date() + timedelta(days=30),
                    ),
                ]
            ),
        )
        self.env.cr.execute(
            """UPDATE hr_stakeholder
                  SET last_interaction_date = '2000-01-01', next_contact_date = NULL
                WHERE id = ANY(%s)""",
            [stakeholders.ids],
        )
        Stakeholder = self.env["hr.stakeholder"]
        self.assertEqual(Stakeholder._refresh_contact_dates(stakeholders.ids), 3)
        self.assertEqual(self._stored_dates(stakeholders), expected)
        # The cache is refreshed too, and a second run changes nothing.
        self.assertEqual(self.sh_anna.next_contact_date, date(2025, 4, 15))
        self.assertEqual(Stakeholder._refresh_contact_dates(stakeholders.ids), 0)
