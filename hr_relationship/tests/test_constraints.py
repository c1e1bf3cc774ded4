# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestConstraints(HrRelationshipCase):
    def _count(self, model):
        return (
            self.env[model]
            .with_context(active_test=False)
            .search_count([("company_id", "=", self.company.id)])
        )

    def assertNotWritten(self, model, message_parts, values=None, record=None):
        """Creating (or writing ``record``) with ``values`` raises a
        ValidationError whose message names the record, and leaves the
        database as it was."""
        before = self._count(model)
        snapshot = record.read(list(values))[0] if record else None
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                if record:
                    record.write(values)
                else:
                    self.env[model].create(values)
                self.env.flush_all()
        message = str(caught.exception)
        for part in message_parts:
            self.assertIn(part, message)
        self.assertEqual(self._count(model), before)
        if record:
            record.invalidate_recordset()
            self.assertEqual(record.read(list(values))[0], snapshot)
        return message

    def test_influence_interest_range(self):
        for fname in ("influence", "interest"):
            for value in (0, 6, -1):
                with self.subTest(field=fname, value=value):
                    self.assertNotWritten(
                        "hr.stakeholder",
                        ["Anna Jansen", str(value)],
                        {fname: value},
                        record=self.sh_anna,
                    )
                    self.assertNotWritten(
                        "hr.stakeholder",
                        ["Bob de Vries"],
                        {
                            "employee_id": self.emp_bob.id,
                            "company_id": self.company.id,
                            fname: value,
                        },
                    )
        # Both ends of the scale are fine.
        self.sh_anna.write({"influence": 1, "interest": 5})
        self.sh_anna.write({"influence": 5, "interest": 1})

    def test_both_employee_and_partner(self):
        self.assertNotWritten(
            "hr.stakeholder",
            ["Bob de Vries", "either an employee or a contact"],
            {
                "employee_id": self.emp_bob.id,
                "partner_id": self.partner_ext.id,
                "company_id": self.company.id,
            },
        )
        self.assertNotWritten(
            "hr.stakeholder",
            ["Anna Jansen", "either an employee or a contact"],
            {"partner_id": self.partner_ext.id},
            record=self.sh_anna,
        )

    def test_neither_employee_nor_partner(self):
        self.assertNotWritten(
            "hr.stakeholder",
            ["either an employee or a contact"],
            {"company_id": self.company.id, "relation_type": "other"},
        )
        self.assertNotWritten(
            "hr.stakeholder",
            ["either an employee or a contact"],
            {"employee_id": False},
            record=self.sh_anna,
        )

    def test_same_person_twice_via_stakeholder(self):
        # Anna is already a stakeholder of Sales; a second record for her may
        # exist (another role) but not for the same internal client.
        second = self.env["hr.stakeholder"].create(
            {
                "employee_id": self.emp_anna.id,
                "company_id": self.company.id,
                "relation_type": "hr_colleague",
                "internal_client_ids": [Command.link(self.client_ops.id)],
            }
        )
        self.assertNotWritten(
            "hr.stakeholder",
            ["Anna Jansen", "HRR Sales"],
            {"internal_client_ids": [Command.link(self.client_sales.id)]},
            record=second,
        )
        self.assertEqual(second.internal_client_ids, self.client_ops)
        self.assertNotWritten(
            "hr.stakeholder",
            ["Anna Jansen", "HRR Sales"],
            {
                "employee_id": self.emp_anna.id,
                "company_id": self.company.id,
                "internal_client_ids": [Command.link(self.client_sales.id)],
            },
        )

    def test_same_person_twice_via_client(self):
        second = self.env["hr.stakeholder"].create(
            {
                "employee_id": self.emp_anna.id,
                "company_id": self.company.id,
                "relation_type": "hr_colleague",
            }
        )
        self.assertNotWritten(
            "hr.internal.client",
            ["Anna Jansen", "HRR Sales"],
            {"stakeholder_ids": [Command.link(second.id)]},
            record=self.client_sales,
        )
        self.assertEqual(self.client_sales.stakeholder_ids, self.sh_anna | self.sh_erik)
        self.assertNotWritten(
            "hr.internal.client",
            ["Anna Jansen", "HRR New Client"],
            {
                "name": "HRR New Client",
                "company_id": self.company.id,
                "stakeholder_ids": [Command.set((self.sh_anna | second).ids)],
            },
        )

    def test_same_partner_twice(self):
        second = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.partner_ext.id,
                "company_id": self.company.id,
                "relation_type": "freelancer",
            }
        )
        self.assertNotWritten(
            "hr.internal.client",
            ["Erik Extern", "HRR Sales"],
            {"stakeholder_ids": [Command.link(second.id)]},
            record=self.client_sales,
        )
        # Another internal client is fine.
        self.client_ops.stakeholder_ids = [Command.link(second.id)]
        self.assertIn(second, self.client_ops.stakeholder_ids)

    def test_switching_person_into_duplicate(self):
        # Bob's record is moved to Sales, then pointed at Anna: duplicate.
        self.sh_bob.internal_client_ids = [Command.link(self.client_sales.id)]
        self.assertNotWritten(
            "hr.stakeholder",
            ["Anna Jansen", "HRR Sales"],
            {"employee_id": self.emp_anna.id},
            record=self.sh_bob,
        )

    def test_interaction_without_counterpart(self):
        Interaction = self.env["hr.relationship.interaction"]
        before = Interaction.search_count([("company_id", "=", self.company.id)])
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                self._interaction(name="HRR Lonely lunch")
                self.env.flush_all()
        self.assertIn("HRR Lonely lunch", str(caught.exception))
        self.assertEqual(
            Interaction.search_count([("company_id", "=", self.company.id)]), before
        )

        interaction = self._interaction(self.sh_anna, name="HRR Catch-up")
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                interaction.stakeholder_ids = [Command.clear()]
                self.env.flush_all()
        self.assertIn("HRR Catch-up", str(caught.exception))
        interaction.invalidate_recordset()
        self.assertEqual(interaction.stakeholder_ids, self.sh_anna)
        # Leaving both fields out entirely is refused too.
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                Interaction.create(
                    {"name": "HRR No one", "company_id": self.company.id}
                )
                self.env.flush_all()
        self.assertFalse(Interaction.search([("name", "=", "HRR No one")]))
        # One of the two suffices.
        self._interaction(client=self.client_sales)
        self._interaction(self.sh_bob)

    def test_ambassador_relation_types(self):
        for relation_type in (
            "manager",
            "internal_client_contact",
            "candidate",
            "other",
        ):
            with self.subTest(relation_type=relation_type):
                self.assertNotWritten(
                    "hr.stakeholder",
                    ["Bob de Vries", "ambassador"],
                    {"relation_type": relation_type, "ambassador": True},
                    record=self.sh_bob,
                )
        for relation_type in ("alumnus", "freelancer", "supplier"):
            with self.subTest(relation_type=relation_type):
                self.sh_bob.write({"relation_type": relation_type, "ambassador": True})
                self.assertTrue(self.sh_bob.ambassador)
        # Demoting the relation of an ambassador is refused as well.
        self.assertNotWritten(
            "hr.stakeholder",
            ["Bob de Vries", "ambassador"],
            {"relation_type": "hr_colleague"},
            record=self.sh_bob,
        )
