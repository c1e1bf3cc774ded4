# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

FRIDAY = 4


@tagged("post_install", "-at_install")
class TestPromisesTour(HttpCase):
    """The promise of a conversation becomes a commitment the way a person
    makes it: from the text, in one click, then kept."""

    def test_promise_from_the_text_to_the_say_do_ratio(self):
        partner = self.env.ref("base.user_demo")
        stakeholder = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Petra Promisekeeper"})
                .id,
                "company_id": partner.company_id.id,
                "owner_id": partner.id,
            }
        )
        # Something already fell due, so that the ratio has a figure.
        self.env["hr.relationship.commitment"].create(
            {
                "name": "Send the onboarding plan",
                "company_id": partner.company_id.id,
                "stakeholder_id": stakeholder.id,
                "user_id": partner.id,
                "date_due": fields.Date.today() - timedelta(days=3),
            }
        )

        self.start_tour("/odoo", "hr_relationship_promises_tour", login=partner.login)

        interaction = self.env["hr.relationship.interaction"].search(
            [("name", "=", "Overleg over de vacatures")]
        )
        self.assertEqual(len(interaction), 1)
        self.assertFalse(interaction.sentiment_chosen, "nobody chose a sentiment")
        self.assertIn(interaction.sentiment, ("negative", "very_negative"))
        commitment = interaction.commitment_ids
        self.assertEqual(commitment.name, "Ik stuur vrijdag de shortlist.")
        self.assertEqual(commitment.stakeholder_id, stakeholder)
        self.assertEqual(commitment.user_id, partner)
        self.assertEqual(commitment.date_due.weekday(), FRIDAY)
        self.assertGreaterEqual(commitment.date_due, interaction.date)
        self.assertLessEqual(commitment.date_due - interaction.date, timedelta(days=7))
        self.assertEqual(commitment.state, "kept")
        self.assertEqual(commitment.date_done, fields.Date.context_today(commitment))
        self.assertEqual(commitment.kept_on_time, 100.0)
