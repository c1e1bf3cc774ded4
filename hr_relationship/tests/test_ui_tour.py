# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUiTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create({"name": "Anouk Tourmaker"})

    def test_create_client_stakeholder_and_log_interaction(self):
        self.start_tour("/odoo", "hr_relationship_tour", login="admin")

        client = self.env["hr.internal.client"].search(
            [("name", "=", "Tour Finance Team")]
        )
        self.assertEqual(len(client), 1)
        stakeholder = client.stakeholder_ids
        self.assertEqual(stakeholder.employee_id, self.employee)
        self.assertEqual(
            (stakeholder.influence, stakeholder.interest, stakeholder.attitude),
            (4, 5, "supporter"),
        )
        self.assertEqual(stakeholder.quadrant, "manage_closely")

        interaction = client.interaction_ids
        self.assertEqual(len(interaction), 1)
        self.assertEqual(interaction.name, "Intake with the finance team")
        self.assertEqual(interaction.interaction_type, "call")
        self.assertEqual(interaction.sentiment, "very_positive")
        self.assertEqual(interaction.stakeholder_ids, stakeholder)
        self.assertEqual(interaction.user_id, self.env.ref("base.user_admin"))

        today = fields.Date.context_today(interaction)
        self.assertEqual(interaction.date, today)
        self.assertEqual(stakeholder.last_interaction_date, today)
        self.assertEqual(client.last_interaction_date, today)
        self.assertEqual(
            stakeholder.next_contact_date,
            fields.Date.add(today, days=stakeholder.contact_cadence_days),
        )


@tagged("post_install", "-at_install")
class TestPartnerWeekTour(HttpCase):
    """What an HR business partner does in a first week, on the demo data
    and as that partner, picking the records that are already there."""

    def test_partner_week_with_existing_records(self):
        partner = self.env.ref("base.user_demo")
        client = self.env.ref("hr_relationship.client_sales_benelux")
        freelancer = self.env["hr.stakeholder"].search([("name", "=", "Lotte Visser")])
        self.assertEqual(len(freelancer), 1, "the demo freelancer exists once")
        stakeholders_before = self.env["hr.stakeholder"].search_count([])

        self.start_tour("/odoo", "hr_partner_week_tour", login=partner.login)

        self.assertIn(freelancer, client.stakeholder_ids)
        self.assertEqual(
            self.env["hr.stakeholder"].search_count([]),
            stakeholders_before,
            "picking existing people creates no duplicate",
        )
        interaction = self.env["hr.relationship.interaction"].search(
            [("name", "=", "Coffee with Lotte about the onboarding")]
        )
        self.assertEqual(interaction.stakeholder_ids, freelancer)
        self.assertEqual(interaction.user_id, partner)
        campaign = self.env["hr.satisfaction.survey"].search(
            [("name", "=", "Sales Benelux value check")]
        )
        self.assertEqual(campaign.internal_client_ids, client)
        self.assertEqual(campaign.state, "running")
        self.assertTrue(campaign.invited_count)


@tagged("post_install", "-at_install")
class TestUiFreelancerTour(HttpCase):
    """A zzp'er made from the stakeholder form gets the email address that
    survey campaigns need."""

    def test_freelancer_email_tour(self):
        self.start_tour(
            "/odoo/action-hr_relationship.hr_stakeholder_action/new",
            "hr_stakeholder_freelancer_tour",
            login="demo",
        )
        stakeholder = self.env["hr.stakeholder"].search(
            [("partner_id.name", "=", "Sem Zelfstandig")]
        )
        self.assertEqual(stakeholder.relation_type, "freelancer")
        self.assertEqual(stakeholder.partner_id.email, "sem@zelfstandig.example.nl")
        self.assertEqual(stakeholder.email, "sem@zelfstandig.example.nl")
