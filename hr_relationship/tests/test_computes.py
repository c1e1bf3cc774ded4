# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command
from odoo.tests import freeze_time, tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestStakeholderComputes(HrRelationshipCase):
    def test_person_details_from_employee(self):
        self.assertRecordValues(
            self.sh_anna,
            [
                {
                    "name": "Anna Jansen",
                    "email": "anna.jansen@hrr.example.com",
                    "phone": "+31 20 111 1111",
                    "is_external": False,
                }
            ],
        )
        self.emp_anna.write(
            {
                "name": "Anna Jansen-Smit",
                "work_email": "anna.smit@hrr.example.com",
                "work_phone": "+31 20 999 9999",
            }
        )
        self.assertRecordValues(
            self.sh_anna,
            [
                {
                    "name": "Anna Jansen-Smit",
                    "email": "anna.smit@hrr.example.com",
                    "phone": "+31 20 999 9999",
                }
            ],
        )

    def test_person_details_from_partner(self):
        self.assertRecordValues(
            self.sh_erik,
            [
                {
                    "name": "Erik Extern",
                    "email": "erik@supplier.example.com",
                    "phone": "+31 30 222 2222",
                    "is_external": True,
                }
            ],
        )
        self.partner_ext.write(
            {"name": "Erik Extern BV", "email": "info@erik.example.com", "phone": False}
        )
        self.assertRecordValues(
            self.sh_erik,
            [
                {
                    "name": "Erik Extern BV",
                    "email": "info@erik.example.com",
                    "phone": False,
                }
            ],
        )
        # The stored values must follow in the database too, not only in cache.
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT name, email FROM hr_stakeholder WHERE id = %s", [self.sh_erik.id]
        )
        self.assertEqual(
            self.env.cr.fetchone(), ("Erik Extern BV", "info@erik.example.com")
        )

    def test_switch_employee_to_partner(self):
        self.sh_bob.write({"employee_id": False, "partner_id": self.partner_ext.id})
        self.assertRecordValues(
            self.sh_bob,
            [
                {
                    "name": "Erik Extern",
                    "is_external": True,
                    "email": "erik@supplier.example.com",
                }
            ],
        )

    def test_quadrants(self):
        expected = {
            (5, 5): "manage_closely",
            (3, 3): "manage_closely",
            (3, 2): "keep_satisfied",
            (5, 1): "keep_satisfied",
            (2, 3): "keep_informed",
            (1, 5): "keep_informed",
            (2, 2): "monitor",
            (1, 1): "monitor",
        }
        for (influence, interest), quadrant in expected.items():
            with self.subTest(influence=influence, interest=interest):
                self.sh_bob.write({"influence": influence, "interest": interest})
                self.assertEqual(self.sh_bob.quadrant, quadrant)
        self.assertEqual(self.sh_anna.quadrant, "manage_closely")
        # Defaults (2, 2) put a new stakeholder in the quadrant to monitor.
        self.assertEqual(self.sh_erik.quadrant, "monitor")

    def test_quadrant_is_stored_and_searchable(self):
        self.sh_bob.write({"influence": 3, "interest": 1})
        found = self.env["hr.stakeholder"].search(
            [("quadrant", "=", "keep_satisfied"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(found, self.sh_bob)

    def test_last_interaction_date_stakeholder(self):
        self.assertFalse(self.sh_anna.last_interaction_date)
        first = self._interaction(self.sh_anna | self.sh_erik, date=date(2025, 3, 1))
        self.assertEqual(self.sh_anna.last_interaction_date, date(2025, 3, 1))
        self.assertEqual(self.sh_erik.last_interaction_date, date(2025, 3, 1))
        self.assertFalse(self.sh_bob.last_interaction_date)

        second = self._interaction(self.sh_anna, date=date(2025, 4, 15))
        self.assertEqual(self.sh_anna.last_interaction_date, date(2025, 4, 15))
        self.assertEqual(self.sh_erik.last_interaction_date, date(2025, 3, 1))

        # An older interaction logged late does not move the date back.
        self._interaction(self.sh_anna, date=date(2025, 1, 1))
        self.assertEqual(self.sh_anna.last_interaction_date, date(2025, 4, 15))

        second.date = date(2025, 2, 1)
        self.assertEqual(self.sh_anna.last_interaction_date, date(2025, 3, 1))

        # Removing a stakeholder from an interaction recomputes that stakeholder.
        first.stakeholder_ids = [Command.unlink(self.sh_erik.id)]
        self.assertFalse(self.sh_erik.last_interaction_date)
        first.stakeholder_ids = [Command.link(self.sh_bob.id)]
        self.assertEqual(self.sh_bob.last_interaction_date, date(2025, 3, 1))

        first.unlink()
        self.assertEqual(self.sh_anna.last_interaction_date, date(2025, 2, 1))
        self.assertFalse(self.sh_bob.last_interaction_date)

        self.env.flush_all()
        self.env.cr.execute(
            "SELECT last_interaction_date FROM hr_stakeholder WHERE id = %s",
            [self.sh_anna.id],
        )
        self.assertEqual(self.env.cr.fetchone()[0], date(2025, 2, 1))

    def test_last_interaction_date_internal_client(self):
        self.assertFalse(self.client_sales.last_interaction_date)
        first = self._interaction(client=self.client_sales, date=date(2025, 5, 2))
        self._interaction(self.sh_anna, client=self.client_sales, date=date(2025, 5, 1))
        self.assertEqual(self.client_sales.last_interaction_date, date(2025, 5, 2))
        self.assertFalse(self.client_ops.last_interaction_date)

        first.internal_client_id = self.client_ops
        self.assertEqual(self.client_sales.last_interaction_date, date(2025, 5, 1))
        self.assertEqual(self.client_ops.last_interaction_date, date(2025, 5, 2))

        first.date = date(2025, 6, 1)
        self.assertEqual(self.client_ops.last_interaction_date, date(2025, 6, 1))
        first.unlink()
        self.assertFalse(self.client_ops.last_interaction_date)

    def test_next_contact_date_without_interaction(self):
        # Never contacted: the cadence runs from the record's creation.
        created = self.sh_anna.create_date.date()
        self.assertEqual(self.sh_anna.next_contact_date, created + timedelta(days=30))
        self.sh_anna.contact_cadence_days = 7
        self.assertEqual(self.sh_anna.next_contact_date, created + timedelta(days=7))

    def test_next_contact_date_with_interaction(self):
        self.sh_anna.contact_cadence_days = 14
        self._interaction(self.sh_anna, date=date(2025, 3, 1))
        self.assertEqual(self.sh_anna.next_contact_date, date(2025, 3, 15))
        self._interaction(self.sh_anna, date=date(2025, 3, 10))
        self.assertEqual(self.sh_anna.next_contact_date, date(2025, 3, 24))

    def test_next_contact_date_cadence_zero(self):
        self._interaction(self.sh_anna, date=date(2025, 3, 1))
        self.sh_anna.contact_cadence_days = 0
        self.assertFalse(self.sh_anna.next_contact_date)
        self.assertFalse(self.sh_anna.is_contact_overdue)
        self.sh_anna.contact_cadence_days = 10
        self.assertEqual(self.sh_anna.next_contact_date, date(2025, 3, 11))

    @freeze_time("2025-06-15")
    def test_is_contact_overdue(self):
        stakeholders = self.sh_anna | self.sh_erik | self.sh_bob
        stakeholders.contact_cadence_days = 30
        # next contact 2025-06-14: overdue
        self._interaction(self.sh_anna, date=date(2025, 5, 15))
        # next contact 2025-06-15 (today): due, not overdue
        self._interaction(self.sh_erik, date=date(2025, 5, 16))
        # no planned contact at all: never overdue
        self._interaction(self.sh_bob, date=date(2020, 1, 1))
        self.sh_bob.contact_cadence_days = 0

        self.assertTrue(self.sh_anna.is_contact_overdue)
        self.assertFalse(self.sh_erik.is_contact_overdue)
        self.assertFalse(self.sh_bob.is_contact_overdue)

        Stakeholder = self.env["hr.stakeholder"]
        scope = [("id", "in", stakeholders.ids)]
        self.assertEqual(
            Stakeholder.search(scope + [("is_contact_overdue", "=", True)]),
            self.sh_anna,
        )
        self.assertEqual(
            Stakeholder.search(scope + [("is_contact_overdue", "!=", False)]),
            self.sh_anna,
        )
        self.assertEqual(
            Stakeholder.search(scope + [("is_contact_overdue", "=", False)]),
            self.sh_erik | self.sh_bob,
        )
        self.assertEqual(
            Stakeholder.search(scope + [("is_contact_overdue", "!=", True)]),
            self.sh_erik | self.sh_bob,
        )

    def test_is_contact_overdue_moves_with_today(self):
        self.sh_anna.contact_cadence_days = 10
        self._interaction(self.sh_anna, date=date(2025, 3, 1))
        Stakeholder = self.env["hr.stakeholder"]
        domain = [("id", "=", self.sh_anna.id), ("is_contact_overdue", "=", True)]
        with freeze_time("2025-03-11"):
            self.sh_anna.invalidate_recordset(["is_contact_overdue"])
            self.assertFalse(self.sh_anna.is_contact_overdue)
            self.assertFalse(Stakeholder.search(domain))
        with freeze_time("2025-03-12"):
            self.sh_anna.invalidate_recordset(["is_contact_overdue"])
            self.assertTrue(self.sh_anna.is_contact_overdue)
            self.assertEqual(Stakeholder.search(domain), self.sh_anna)

    def test_interaction_count(self):
        self.assertEqual(self.sh_anna.interaction_count, 0)
        self._interaction(self.sh_anna | self.sh_erik)
        self._interaction(self.sh_anna)
        self.sh_anna.invalidate_recordset(["interaction_count"])
        self.sh_erik.invalidate_recordset(["interaction_count"])
        self.assertEqual(self.sh_anna.interaction_count, 2)
        self.assertEqual(self.sh_erik.interaction_count, 1)
        self.assertEqual(self.sh_bob.interaction_count, 0)


@tagged("post_install", "-at_install")
class TestOtherComputes(HrRelationshipCase):
    @freeze_time("2025-06-15")
    def test_internal_client_counts(self):
        project = self.env["project.project"].create(
            {
                "name": "HRR Onboarding",
                "company_id": self.company.id,
                "internal_client_id": self.client_sales.id,
            }
        )
        self.env["project.project"].create(
            {
                "name": "HRR Ops Project",
                "company_id": self.company.id,
                "internal_client_id": self.client_ops.id,
            }
        )
        self._interaction(self.sh_anna, client=self.client_sales, date=date(2025, 1, 1))
        self._interaction(client=self.client_sales, date=date(2025, 6, 14))
        self._interaction(self.sh_erik, date=date(2025, 6, 14))
        # sh_anna last met 2025-01-01, +30 days: overdue; sh_erik met yesterday.
        clients = self.client_sales | self.client_ops
        clients.invalidate_recordset()
        self.assertRecordValues(
            clients,
            [
                {
                    "stakeholder_count": 2,
                    "project_count": 1,
                    "interaction_count": 2,
                    "overdue_stakeholder_count": 1,
                },
                {
                    "stakeholder_count": 1,
                    "project_count": 1,
                    "interaction_count": 0,
                    "overdue_stakeholder_count": 0,
                },
            ],
        )
        self.assertEqual(self.client_sales.project_ids, project)

    def test_employee_and_partner_counts(self):
        self.assertEqual(self.emp_anna.hr_stakeholder_count, 1)
        self.assertEqual(self.emp_anna.hr_stakeholder_ids, self.sh_anna)
        self.assertEqual(self.emp_hr.hr_stakeholder_count, 0)
        self.assertEqual(self.partner_ext.hr_stakeholder_count, 1)
        self.env["hr.stakeholder"].create(
            {
                "partner_id": self.partner_ext.id,
                "company_id": self.company.id,
                "relation_type": "freelancer",
            }
        )
        self.partner_ext.invalidate_recordset(["hr_stakeholder_count"])
        self.assertEqual(self.partner_ext.hr_stakeholder_count, 2)

    def test_hr_served_clients(self):
        self.assertEqual(self.emp_hr.hr_served_client_ids, self.client_sales)
        self.assertEqual(self.emp_hr.hr_served_client_count, 1)
        self.client_ops.hr_partner_id = self.user
        self.emp_hr.invalidate_recordset(
            ["hr_served_client_ids", "hr_served_client_count"]
        )
        self.assertEqual(
            self.emp_hr.hr_served_client_ids, self.client_sales | self.client_ops
        )
        self.assertEqual(self.emp_hr.hr_served_client_count, 2)
        # An employee without a user serves no client.
        self.assertFalse(self.emp_anna.hr_served_client_ids)
        self.assertEqual(self.emp_anna.hr_served_client_count, 0)

    def test_sentiment_score(self):
        interaction = self._interaction(self.sh_anna)
        self.assertEqual(interaction.sentiment, "neutral")
        self.assertEqual(interaction.sentiment_score, 0)
        expected = {
            "very_negative": -2,
            "negative": -1,
            "neutral": 0,
            "positive": 1,
            "very_positive": 2,
        }
        for sentiment, score in expected.items():
            with self.subTest(sentiment=sentiment):
                interaction.sentiment = sentiment
                self.assertEqual(interaction.sentiment_score, score)
        # Stored, so that reports can average it.
        interaction.sentiment = "very_positive"
        self._interaction(self.sh_anna, sentiment="negative")
        groups = self.env["hr.relationship.interaction"]._read_group(
            [("stakeholder_ids", "in", self.sh_anna.ids)], [], ["sentiment_score:avg"]
        )
        self.assertEqual(groups[0][0], 0.5)
