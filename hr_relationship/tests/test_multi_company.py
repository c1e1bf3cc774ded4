# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MANAGER_GROUP, USER_GROUP, HrRelationshipCase


@tagged("post_install", "-at_install")
class TestMultiCompany(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "HRR Test Company B"})
        cls.employee_b = cls.env["hr.employee"].create(
            {"name": "Bea Branch", "company_id": cls.company_b.id}
        )
        cls.client_b = cls.env["hr.internal.client"].create(
            {
                "name": "HRR Branch Office",
                "company_id": cls.company_b.id,
                "hr_partner_id": cls.user.id,
            }
        )
        # Owned by the company-A user: ownership must not open another company.
        cls.stakeholder_b = cls.env["hr.stakeholder"].create(
            {
                "employee_id": cls.employee_b.id,
                "company_id": cls.company_b.id,
                "owner_id": cls.user.id,
                "internal_client_ids": [Command.link(cls.client_b.id)],
                "personal_interests": "Gardening",
            }
        )
        cls.interaction_b = cls.env["hr.relationship.interaction"].create(
            {
                "name": "HRR Branch visit",
                "company_id": cls.company_b.id,
                "stakeholder_ids": [Command.link(cls.stakeholder_b.id)],
                "internal_client_id": cls.client_b.id,
                "user_id": cls.user.id,
            }
        )
        cls.records_b = {
            "hr.internal.client": cls.client_b,
            "hr.stakeholder": cls.stakeholder_b,
            "hr.relationship.interaction": cls.interaction_b,
            "hr.stakeholder.profile": cls.stakeholder_b.profile_ids,
        }
        cls.manager_ab = cls._new_user(
            "hrr_manager_ab", MANAGER_GROUP, companies=cls.company | cls.company_b
        )
        cls.user_ab = cls._new_user(
            "hrr_user_ab", USER_GROUP, companies=cls.company | cls.company_b
        )

    def test_company_b_invisible_to_company_a(self):
        for user in (self.user, self.manager):
            for model, record in self.records_b.items():
                with self.subTest(user=user.login, model=model):
                    self.assertTrue(record)
                    Model = self.env[model].with_user(user)
                    self.assertFalse(Model.search([("id", "=", record.id)]))
                    self.assertFalse(
                        Model.search([("company_id", "=", self.company_b.id)])
                    )
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["company_id"])
        with self.assertRaises(AccessError):
            self.stakeholder_b.with_user(self.manager).write({"interest": 5})

    def test_counts_ignore_other_company(self):
        # Anna is linked to company A's Sales only; an interaction logged in
        # company B on company B's client does not show in company A.
        self.assertEqual(self.client_b.with_user(self.user_ab).interaction_count, 1)
        sales = self.client_sales.with_user(self.user)
        self.assertEqual(sales.interaction_count, 0)

    def test_visible_when_company_allowed(self):
        for user in (self.user_ab, self.manager_ab):
            for model, record in self.records_b.items():
                if model == "hr.stakeholder.profile" and user == self.user_ab:
                    continue  # profiles follow ownership, tested below
                with self.subTest(user=user.login, model=model):
                    only_a = (
                        self.env[model]
                        .with_user(user)
                        .with_context(allowed_company_ids=self.company.ids)
                    )
                    self.assertFalse(only_a.search([("id", "=", record.id)]))
                    with self.assertRaises(AccessError):
                        record.with_env(only_a.env).read(["company_id"])

                    both = (
                        self.env[model]
                        .with_user(user)
                        .with_context(
                            allowed_company_ids=(self.company | self.company_b).ids
                        )
                    )
                    self.assertEqual(both.search([("id", "=", record.id)]), record)
                    record.with_env(both.env).read(["company_id"])

    def test_profile_needs_company_and_ownership(self):
        both = (self.company | self.company_b).ids
        stakeholder = self.stakeholder_b.with_user(self.manager_ab)
        stakeholder = stakeholder.with_context(allowed_company_ids=both)
        self.assertEqual(stakeholder.personal_interests, "Gardening")
        user_ab = self.stakeholder_b.with_user(self.user_ab).with_context(
            allowed_company_ids=both
        )
        user_ab.invalidate_recordset()
        self.assertFalse(user_ab.can_read_profile)
        with self.assertRaises(AccessError):
            user_ab.read(["personal_interests"])
