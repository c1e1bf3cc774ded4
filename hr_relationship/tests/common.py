# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

USER_GROUP = "hr_relationship.group_hr_relationship_user"
MANAGER_GROUP = "hr_relationship.group_hr_relationship_manager"


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
