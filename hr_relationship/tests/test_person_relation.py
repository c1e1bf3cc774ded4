# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestPersonRelation(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls.env.ref("hr_relationship.relationship_type_mentor")
        cls.colleague = cls.env.ref(
            "hr_relationship.relationship_type_former_colleague"
        )
        cls.informal = cls.env.ref("hr_relationship.relationship_type_informal_report")
        cls.introduced = cls.env.ref("hr_relationship.relationship_type_introduced")
        cls.anna = cls.emp_anna.work_contact_id
        cls.bob = cls.emp_bob.work_contact_id
        cls.Relation = cls.env["hr.person.relation"]

    def _relation(self, left, rel_type, right, **values):
        return self.Relation.create(
            {
                "left_partner_id": left.id,
                "type_id": rel_type.id,
                "right_partner_id": right.id,
                "company_id": self.company.id,
                **values,
            }
        )

    def _sides(self, partner):
        return {
            (side.side_type, side.other_partner_id)
            for side in partner.hr_person_relation_ids
        }

    def test_shipped_types(self):
        self.assertEqual(self.mentor.name_inverse, "Mentee of")
        self.assertTrue(self.colleague.symmetric)
        self.assertEqual(self.colleague.name_inverse, self.colleague.name)
        self.assertEqual(self.informal.left_kind, "employee")
        self.assertTrue(self.env.ref("hr_relationship.relationship_type_speaks_for"))
        self.assertTrue(self.introduced)

    def test_seen_from_both_sides(self):
        self._relation(self.anna, self.mentor, self.partner_ext)
        self._relation(self.anna, self.colleague, self.partner_ext)
        mentor, colleague = str(self.mentor.id), str(self.colleague.id)
        self.assertEqual(
            self._sides(self.anna),
            {(mentor, self.partner_ext), (colleague, self.partner_ext)},
        )
        # Erik reads the mentor line the other way, the symmetric one the same.
        self.assertEqual(
            self._sides(self.partner_ext),
            {(f"{mentor}_inverse", self.anna), (colleague, self.anna)},
        )
        labels = dict(
            self.env["hr.person.relation.side"]
            ._fields["side_type"]
            ._description_selection(self.env)
        )
        self.assertEqual(labels[f"{mentor}_inverse"], "Mentee of")
        # The employee and stakeholder forms show the same lines.
        self.assertEqual(
            self.emp_anna.hr_person_relation_ids, self.anna.hr_person_relation_ids
        )
        self.assertEqual(self.sh_anna.person_partner_id, self.anna)
        self.assertEqual(self.sh_erik.person_partner_id, self.partner_ext)
        self.assertEqual(
            self.sh_erik.person_relation_ids, self.partner_ext.hr_person_relation_ids
        )

    def test_edit_from_either_side(self):
        # Erik's form: "Erik is mentee of Anna" makes Anna the mentor.
        self.partner_ext.write(
            {
                "hr_person_relation_ids": [
                    Command.create(
                        {
                            "side_type": f"{self.mentor.id}_inverse",
                            "other_partner_id": self.anna.id,
                            "date_start": "2025-01-01",
                        }
                    )
                ]
            }
        )
        relation = self.Relation.search(
            [("right_partner_id", "=", self.partner_ext.id)]
        )
        self.assertRecordValues(
            relation,
            [
                {
                    "left_partner_id": self.anna.id,
                    "type_id": self.mentor.id,
                    "date_start": date(2025, 1, 1),
                }
            ],
        )
        # Anna's employee form changes the end date and adds a line.
        side = self.emp_anna.hr_person_relation_ids
        self.emp_anna.write(
            {
                "hr_person_relation_ids": [
                    Command.update(side.id, {"date_end": "2025-06-30"}),
                    Command.create(
                        {
                            "side_type": str(self.informal.id),
                            "other_partner_id": self.bob.id,
                        }
                    ),
                ]
            }
        )
        self.assertEqual(relation.date_end, date(2025, 6, 30))
        informal = self.Relation.search(
            [("type_id", "=", self.informal.id), ("left_partner_id", "=", self.anna.id)]
        )
        self.assertEqual(
            (informal.left_partner_id, informal.right_partner_id), (self.anna, self.bob)
        )
        # Bob's stakeholder form removes it.
        bob_side = self.sh_bob.person_relation_ids
        self.sh_bob.write({"person_relation_ids": [Command.delete(bob_side.id)]})
        self.assertFalse(informal.exists())

    def test_active_by_date(self):
        today = fields.Date.context_today(self.Relation)
        current = self._relation(self.anna, self.colleague, self.bob)
        ended = self._relation(
            self.anna,
            self.introduced,
            self.bob,
            date_start=today - timedelta(days=30),
            date_end=today - timedelta(days=1),
        )
        future = self._relation(
            self.anna, self.mentor, self.bob, date_start=today + timedelta(days=1)
        )
        self.assertTrue(current.is_active)
        self.assertFalse(ended.is_active)
        self.assertFalse(future.is_active)
        ours = [("left_partner_id", "=", self.anna.id)]
        self.assertEqual(
            self.Relation.search([*ours, ("is_active", "=", True)]), current
        )
        self.assertEqual(
            self.Relation.search([*ours, ("is_active", "=", False)]), ended | future
        )

    def test_bad_input(self):
        count = self.Relation.search_count([])
        cases = [
            # To oneself.
            (self.anna, self.colleague, self.anna, {}),
            # Ends before it starts.
            (
                self.anna,
                self.colleague,
                self.bob,
                {"date_start": "2025-05-01", "date_end": "2025-04-30"},
            ),
            # A mentor must be an employee; a contact is not.
            (self.partner_ext, self.mentor, self.anna, {}),
            # Informal reporting is between employees only.
            (self.anna, self.informal, self.partner_ext, {}),
        ]
        for left, rel_type, right, values in cases:
            with (
                self.subTest(left=left.name, type=rel_type.name),
                self.assertRaises(ValidationError),
            ):
                self._relation(left, rel_type, right, **values)
        self.assertEqual(self.Relation.search_count([]), count)
        relation = self._relation(self.anna, self.colleague, self.bob)
        with self.assertRaises(ValidationError):
            relation.write({"date_start": "2025-05-01", "date_end": "2025-01-01"})
        with self.assertRaises(ValidationError):
            relation.write({"right_partner_id": self.anna.id})
        # From a form, the same checks apply.
        with self.assertRaises(ValidationError):
            self.anna.write(
                {
                    "hr_person_relation_ids": [
                        Command.create(
                            {
                                "side_type": str(self.colleague.id),
                                "other_partner_id": self.anna.id,
                            }
                        )
                    ]
                }
            )
        self.assertEqual(self.Relation.search_count([]), count + 1)
        # A symmetric type needs the same name and kinds on both sides.
        with self.assertRaises(ValidationError):
            self.env["hr.relationship.type"].create(
                {"name": "Twin of", "symmetric": True, "left_kind": "employee"}
            )

    def test_access(self):
        company_b = self.env["res.company"].create({"name": "HRR Company B"})
        hidden = self.env["res.partner"].create(
            {"name": "Hidden Person", "company_id": company_b.id}
        )
        visible = self._relation(self.anna, self.colleague, self.bob)
        to_hidden = self._relation(self.anna, self.introduced, hidden)
        other_company = self._relation(
            self.anna, self.mentor, self.bob, company_id=company_b.id
        )
        Relation = self.Relation.with_user(self.user)
        found = Relation.search([("left_partner_id", "=", self.anna.id)])
        self.assertEqual(found, visible)
        anna = self.anna.with_user(self.user)
        self.assertEqual(
            anna.hr_person_relation_ids.relation_id, visible, "only readable lines"
        )
        self.assertTrue(to_hidden.exists() and other_company.exists())
        # Users change only the relations they recorded.
        mine = Relation.create(
            {
                "left_partner_id": self.bob.id,
                "type_id": self.introduced.id,
                "right_partner_id": self.partner_ext.id,
            }
        )
        mine.date_end = "2030-01-01"
        with self.assertRaises(AccessError):
            visible.with_user(self.user).write({"date_end": "2030-01-01"})
        with self.assertRaises(AccessError):
            visible.with_user(self.user).unlink()
        visible.with_user(self.manager).write({"date_end": "2030-01-01"})
        # No relationship role, no relations; types are for administrators.
        with self.assertRaises(AccessError):
            self.Relation.with_user(self.internal_user).search([])
        with self.assertRaises(AccessError):
            self.env["hr.relationship.type"].with_user(self.user).create(
                {"name": "Buddy of"}
            )
        with self.assertRaises(AccessError):
            self.internal_user.partner_id.with_user(self.internal_user).read(
                ["hr_person_relation_ids"]
            )

    def test_privacy_export_and_erase(self):
        self._relation(self.anna, self.mentor, self.partner_ext)
        kept = self._relation(self.anna, self.colleague, self.bob)
        data = self.sh_erik.with_user(self.manager)._privacy_export_data()
        self.assertEqual(
            data["relations"],
            [
                {
                    "person": "Erik Extern",
                    "relation": "Mentee of",
                    "other_person": "Anna Jansen",
                    "date_start": False,
                    "date_end": False,
                }
            ],
        )
        self.sh_erik.with_user(self.manager).action_privacy_erase()
        # Erik's relations go with him; those between others stay.
        self.assertFalse(
            self.Relation.with_context(active_test=False).search(
                [("right_partner_id", "=", self.partner_ext.id)]
            )
        )
        self.assertTrue(kept.exists())
