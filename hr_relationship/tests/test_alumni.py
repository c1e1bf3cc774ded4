# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import USER_GROUP, HrRelationshipCase


@tagged("post_install", "-at_install")
class TestAlumni(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Registering a departure reads the contract dates, which 19.0 shows
        # to HR administrators only.
        cls.hr_admin = cls._new_user(
            "hrr_hr_admin",
            f"hr.group_hr_manager,base.group_partner_manager,{USER_GROUP}",
        )
        cls.leaver = cls.env["hr.employee"].create(
            {
                "name": "Lotte Leaver",
                "company_id": cls.company.id,
                "work_email": "lotte@hrr.example.com",
                "private_email": "lotte.private@example.com",
                "private_phone": "+31 6 1234 5678",
                "private_city": "Utrecht",
            }
        )
        cls.Stakeholder = cls.env["hr.stakeholder"].with_context(active_test=False)

    def _alumni_of(self, employee):
        return self.Stakeholder.search([("former_employee_id", "=", employee.id)])

    def _depart(self, user, employee, **values):
        wizard = (
            self.env["hr.departure.wizard"]
            .with_user(user)
            .with_context(active_ids=employee.ids, employee_termination=True)
            .create({"employee_ids": [Command.set(employee.ids)], **values})
        )
        return wizard.action_register_departure()

    def test_several_leavers_each_kept_under_their_own_address(self):
        """Employees who leave together each become an alumnus under the
        private address on their own file; the one address field is for a
        single leaver."""
        colleague = self.env["hr.employee"].create(
            {
                "name": "Pim Partner",
                "company_id": self.company.id,
                "private_email": "pim.private@example.com",
            }
        )
        leavers = self.leaver | colleague
        wizard = (
            self.env["hr.departure.wizard"]
            .with_user(self.hr_admin)
            .with_context(active_ids=leavers.ids, employee_termination=True)
            .create(
                {"employee_ids": [Command.set(leavers.ids)], "keep_as_alumnus": True}
            )
        )
        self.assertFalse(wizard.is_single_departure)
        self.assertFalse(wizard.alumnus_email)
        action = wizard.action_register_departure()
        alumni = self._alumni_of(self.leaver) | self._alumni_of(colleague)
        self.assertEqual(
            sorted(alumni.mapped("email")),
            ["lotte.private@example.com", "pim.private@example.com"],
        )
        self.assertEqual(action["domain"], [("id", "in", alumni.ids)])

    def test_several_leavers_one_without_private_address(self):
        colleague = self.env["hr.employee"].create(
            {"name": "Nadia Noaddress", "company_id": self.company.id}
        )
        leavers = self.leaver | colleague
        with self.assertRaisesRegex(UserError, "Nadia Noaddress"):
            self._depart(self.hr_admin, leavers, keep_as_alumnus=True)
        self.assertEqual(leavers.filtered("active"), leavers)
        self.assertFalse(self._alumni_of(self.leaver) | self._alumni_of(colleague))

    def test_departure_keeps_alumnus(self):
        action = self._depart(
            self.hr_admin,
            self.leaver,
            keep_as_alumnus=True,
            alumnus_consent=True,
            alumnus_consent_purpose="Alumni events",
        )
        self.assertFalse(self.leaver.active)
        alumnus = self._alumni_of(self.leaver)
        self.assertEqual(len(alumnus), 1)
        # The wizard ends on the new alumnus.
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.stakeholder", alumnus.id)
        )
        self.assertEqual(alumnus.consent_purpose, "Alumni events")
        self.assertRecordValues(
            alumnus,
            [
                {
                    "name": "Lotte Leaver",
                    "relation_type": "alumnus",
                    "employee_id": False,
                    "former_employee_id": self.leaver.id,
                    "company_id": self.company.id,
                    "consent": True,
                    # The day where the person who registered it is.
                    "consent_date": fields.Date.context_today(
                        alumnus.with_user(self.hr_admin)
                    ),
                    "email": "lotte.private@example.com",
                    "phone": "+31 6 1234 5678",
                    "is_external": True,
                    "active": True,
                }
            ],
        )
        contact = alumnus.partner_id
        self.assertTrue(contact)
        self.assertNotEqual(contact, self.leaver.work_contact_id)
        self.assertRecordValues(
            contact,
            [
                {
                    "name": "Lotte Leaver",
                    "email": "lotte.private@example.com",
                    "phone": "+31 6 1234 5678",
                    "city": "Utrecht",
                }
            ],
        )
        # Running the step again (e.g. a second departure) adds nothing.
        again = self.leaver._create_alumnus_stakeholders(consent=True)
        self.assertEqual(again, alumnus)
        self.assertEqual(self._alumni_of(self.leaver), alumnus)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("email", "=", "lotte.private@example.com")]
            ),
            1,
        )

    def test_departure_without_consent(self):
        self._depart(self.hr_admin, self.leaver, keep_as_alumnus=True)
        alumnus = self._alumni_of(self.leaver)
        self.assertEqual(len(alumnus), 1)
        self.assertFalse(alumnus.consent)
        self.assertFalse(alumnus.consent_date)

    def test_departure_without_keeping(self):
        partners_before = self.env["res.partner"].search_count([])
        self._depart(self.hr_admin, self.leaver, alumnus_consent=True)
        self.assertFalse(self.leaver.active)
        self.assertFalse(self._alumni_of(self.leaver))
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_batch_only_adds_missing(self):
        other_leaver = self.env["hr.employee"].create(
            {"name": "Mark Mover", "company_id": self.company.id}
        )
        first = self.leaver._create_alumnus_stakeholders()
        both = (self.leaver | other_leaver)._create_alumnus_stakeholders()
        self.assertEqual(len(both), 2)
        self.assertIn(first, both)
        self.assertEqual(self._alumni_of(other_leaver).name, "Mark Mover")
        # Archived alumni are found too, not recreated.
        first.active = False
        self.assertEqual(self.leaver._create_alumnus_stakeholders(), first)

    def test_hr_administrator_without_contact_creation(self):
        """Keeping an alumnus is an HR decision; it must not depend on the
        separate 'Contact Creation' right."""
        hr_admin = self._new_user(
            "hrr_hr_admin_nc", f"hr.group_hr_manager,{USER_GROUP}"
        )
        self.assertFalse(hr_admin.has_group("base.group_partner_manager"))
        self._depart(
            hr_admin,
            self.leaver,
            keep_as_alumnus=True,
            alumnus_consent=True,
            alumnus_consent_purpose="Rehiring",
        )
        self.assertEqual(len(self._alumni_of(self.leaver)), 1)

    def test_departure_closes_roles_and_flags_the_client_lead(self):
        role = self.Stakeholder.create(
            {
                "employee_id": self.leaver.id,
                "company_id": self.company.id,
                "owner_id": self.other_user.id,
                "internal_client_ids": [Command.link(self.client_sales.id)],
            }
        )
        self.client_ops.client_lead_id = self.leaver
        self.assertFalse(self.client_ops.client_lead_departed)
        # The registering HR administrator owns neither the role nor the client.
        self._depart(self.hr_admin, self.leaver, keep_as_alumnus=True)
        self.assertFalse(role.active)
        self.assertIn("Role closed", role.message_ids[0].body)
        self.assertTrue(self.client_ops.client_lead_departed)
        activity = self.client_ops.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, "Choose a new client lead")
        self.assertEqual(activity.user_id, self.other_user)
        # Sales, whose lead did not leave, gets no such to-do (closing the
        # role re-scores its health, which may bring an at-risk to-do).
        self.assertFalse(
            self.client_sales.activity_ids.filtered(
                lambda todo: todo.summary == "Choose a new client lead"
            )
        )

    def test_alumnus_starts_with_the_interaction_history(self):
        """The interactions logged on the roles the employee held are the
        alumnus's history too; the closed role keeps them; the to-do gives
        the departure date in the user's format."""
        role = self.Stakeholder.create(
            {
                "employee_id": self.leaver.id,
                "company_id": self.company.id,
                "owner_id": self.other_user.id,
            }
        )
        talks = self._interaction(
            role, name="Exit talk", date=date(2026, 11, 20)
        ) | self._interaction(role, name="Review", date=date(2026, 5, 4))
        self.client_ops.client_lead_id = self.leaver
        self.env.ref("base.lang_en").date_format = "%d.%m.%Y"
        self._depart(
            self.hr_admin,
            self.leaver,
            keep_as_alumnus=True,
            departure_date=date(2026, 12, 6),
        )
        alumnus = self._alumni_of(self.leaver).with_user(self.hr_admin)
        self.assertEqual(alumnus.interaction_count, 2)
        self.assertEqual(alumnus.interaction_ids, talks)
        self.assertEqual(alumnus.last_interaction_date, date(2026, 11, 20))
        self.assertEqual(role.interaction_ids, talks)
        self.assertIn("left on 06.12.2026", str(self.client_ops.activity_ids.note))
        self.assertIn("left on 06.12.2026", role.message_ids[0].body)

    def test_departure_asks_for_email_and_purpose(self):
        self.leaver.private_email = False
        with self.assertRaisesRegex(UserError, "private email address"):
            self._depart(self.hr_admin, self.leaver, keep_as_alumnus=True)
        # Refused before anything was written: the employee is still here.
        self.assertTrue(self.leaver.active)
        with self.assertRaisesRegex(UserError, "consented to"):
            self._depart(
                self.hr_admin,
                self.leaver,
                keep_as_alumnus=True,
                alumnus_email="lotte@home.example.com",
                alumnus_consent=True,
            )
        self.assertTrue(self.leaver.active)
        self.assertFalse(self._alumni_of(self.leaver))

    def test_departure_with_another_private_email(self):
        self._depart(
            self.hr_admin,
            self.leaver,
            keep_as_alumnus=True,
            alumnus_email="lotte@home.example.com",
        )
        self.assertEqual(
            self._alumni_of(self.leaver).partner_id.email, "lotte@home.example.com"
        )


@tagged("post_install", "-at_install")
class TestDepartureTour(HttpCase):
    def test_departure_flow(self):
        leaver = self.env["hr.employee"].create(
            {"name": "Lotte Leaver", "private_email": "lotte.private@example.com"}
        )
        role = self.env["hr.stakeholder"].create({"employee_id": leaver.id})
        self.env["hr.relationship.interaction"].create(
            {"name": "Exit talk", "stakeholder_ids": [Command.link(role.id)]}
        )
        self.start_tour(
            f"/odoo/employees/{leaver.id}",
            "hr_relationship_departure_tour",
            login="admin",
        )
        alumnus = self.env["hr.stakeholder"].search(
            [("former_employee_id", "=", leaver.id)]
        )
        self.assertFalse(leaver.active)
        self.assertEqual(alumnus.partner_id.email, "lotte@home.example.com")
        self.assertEqual(alumnus.consent_purpose, "Alumni events and rehiring")
