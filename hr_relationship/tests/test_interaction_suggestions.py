# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from markupsafe import Markup

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .common import HrRelationshipCase

# A Wednesday: "vrijdag" is two days later, "volgende week" the week after.
WEDNESDAY = date(2026, 6, 3)
FRIDAY = date(2026, 6, 5)


@tagged("post_install", "-at_install")
class TestSentimentSuggestion(HrRelationshipCase):
    """The sentiment of an interaction is the one a person chose, or else
    the one its subject and summary suggest, with the words behind it."""

    def _logged(self, summary, **values):
        return self._interaction(
            self.sh_anna,
            name="Gesprek",
            summary=Markup("<p>%s</p>") % summary,
            user_id=self.user.id,
            **values,
        )

    def test_dutch_text_suggests_its_sentiment_with_the_words_behind_it(self):
        interaction = self._logged("Ze is tevreden over de samenwerking.")
        self.assertRecordValues(
            interaction,
            [
                {
                    "sentiment_chosen": False,
                    "sentiment_suggested": "positive",
                    "sentiment_evidence": '"tevreden"',
                    "sentiment": "positive",
                    "sentiment_score": 1,
                }
            ],
        )

    def test_a_negation_turns_the_suggestion(self):
        interaction = self._logged("Ze is niet tevreden over de samenwerking.")
        self.assertEqual(interaction.sentiment_suggested, "negative")
        self.assertEqual(interaction.sentiment_evidence, '"niet tevreden"')
        # Several phrases, the strongest first; only those that pull the
        # suggestion's way ("open" is no complaint).
        interaction.summary = Markup(
            "<p>De manager is niet tevreden: de vacature staat te laat open.</p>"
        )
        self.assertEqual(interaction.sentiment_suggested, "very_negative")
        self.assertEqual(interaction.sentiment_evidence, '"te laat", "niet tevreden"')

    def test_english_text_suggests_its_sentiment(self):
        interaction = self._interaction(
            self.sh_anna,
            name="Check-in",
            summary=Markup(
                "<p>The team lead was very happy with the new onboarding, "
                "a great result.</p>"
            ),
        )
        self.assertEqual(interaction.sentiment_suggested, "very_positive")
        self.assertEqual(interaction.sentiment_evidence, '"very happy", "great"')
        self.assertEqual(interaction.sentiment_score, 2)

    def test_a_text_without_opinion_is_neutral_without_evidence(self):
        interaction = self._interaction(self.sh_anna, name="HRR contact")
        self.assertRecordValues(
            interaction,
            [
                {
                    "sentiment_suggested": "neutral",
                    "sentiment_evidence": False,
                    "sentiment": "neutral",
                }
            ],
        )

    def test_a_choice_survives_any_later_edit_of_the_text(self):
        interaction = self._logged("Ze is tevreden over de samenwerking.")
        with Form(interaction.with_user(self.user)) as form:
            form.sentiment_chosen = "very_positive"
        with Form(interaction.with_user(self.user)) as form:
            form.summary = Markup("<p>Ze is niet tevreden, het loopt te laat.</p>")
        self.assertRecordValues(
            interaction,
            [
                {
                    "sentiment_chosen": "very_positive",
                    "sentiment_suggested": "very_negative",
                    "sentiment": "very_positive",
                    "sentiment_score": 2,
                }
            ],
        )
        # Until the person lets the text say again.
        interaction.with_user(self.user).action_use_suggested_sentiment()
        self.assertEqual(interaction.sentiment, "very_negative")
        self.assertEqual(interaction.sentiment_score, -2)

    def test_the_form_suggests_while_the_text_is_typed(self):
        Interaction = self.env["hr.relationship.interaction"].with_user(self.user)
        with Form(Interaction) as form:
            form.name = "Gesprek"
            form.stakeholder_ids.add(self.sh_anna)
            self.assertFalse(form.sentiment_chosen)
            self.assertEqual(form.sentiment_suggested, "neutral")
            form.summary = Markup(
                "<p>Ze is niet tevreden. Ik stuur je vrijdag de offerte.</p>"
            )
            self.assertEqual(form.sentiment_suggested, "negative")
            self.assertEqual(form.sentiment_evidence, '"niet tevreden"')
            self.assertEqual(form.suggested_commitment_count, 1)
        self.assertEqual(form.record.sentiment, "negative")
        self.assertFalse(form.record.sentiment_chosen)

    def test_without_a_choice_the_sentiment_follows_the_text(self):
        interaction = self._logged("Ze is tevreden over de samenwerking.")
        interaction.summary = Markup("<p>Ze is niet tevreden.</p>")
        self.assertEqual(interaction.sentiment, "negative")
        self.assertEqual(interaction.sentiment_score, -1)
        interaction.name = "Geweldig gesprek"
        self.assertEqual(interaction.sentiment_suggested, "positive")
        self.assertEqual(interaction.sentiment, "positive")

    def test_writing_the_sentiment_is_choosing_it(self):
        """What every writer of ``sentiment`` means (RPC, demo data, the
        apps that log interactions): a person chose it."""
        interaction = self._logged("Ze is niet tevreden over de samenwerking.")
        interaction.with_user(self.user).write({"sentiment": "positive"})
        self.assertEqual(interaction.sentiment_chosen, "positive")
        interaction.summary = Markup("<p>Ze is nog steeds niet tevreden.</p>")
        self.assertEqual(interaction.sentiment, "positive")
        created = self._logged("Ze is niet tevreden.", sentiment="very_positive")
        self.assertEqual(created.sentiment_chosen, "very_positive")
        self.assertEqual(created.sentiment, "very_positive")
        self.assertEqual(created.sentiment_suggested, "negative")
        # The others' interactions stay theirs to judge.
        other = self._interaction(self.sh_erik, user_id=self.other_user.id)
        with self.assertRaises(AccessError):
            other.with_user(self.user).write({"sentiment": "negative"})

    def test_the_health_follows_a_suggestion_that_changes(self):
        # Yesterday: a contact already had, in every time zone.
        interaction = self._interaction(
            self.sh_erik,
            name="HRR contact",
            user_id=self.user.id,
            date=fields.Date.subtract(fields.Date.today(), days=1),
        )
        self.env.flush_all()
        neutral = self.sh_erik.health_score
        interaction.with_user(self.user).summary = Markup(
            "<p>Hij is erg tevreden, een geweldige samenwerking.</p>"
        )
        self.assertEqual(interaction.sentiment, "very_positive")
        self.assertGreater(self.sh_erik.health_score, neutral)


@tagged("post_install", "-at_install")
class TestCommitmentSuggestion(HrRelationshipCase):
    """The promises of an interaction's summary are suggested as
    commitments, due when the text says, made in one click."""

    def _logged(self, summary):
        return self._interaction(
            self.sh_anna,
            client=self.client_sales,
            name="Kwartaaloverleg",
            date=WEDNESDAY,
            user_id=self.user.id,
            summary=summary,
        )

    def test_confirming_makes_the_suggested_commitments_once(self):
        interaction = self._logged(
            Markup(
                "<p>Goed overleg over de vacatures.</p>"
                "<p>Ik stuur je vrijdag de offerte. "
                "We plannen volgende week een vervolggesprek.</p>"
            )
        )
        self.assertEqual(interaction.suggested_commitment_count, 2)
        self.assertEqual(
            interaction.suggested_commitments_label, "Confirm 2 Suggested Commitments"
        )
        html = interaction.suggested_commitments_html
        self.assertIn("Ik stuur je vrijdag de offerte.", html)
        self.assertIn(f"due {format_date(self.env, FRIDAY)}", html)

        interaction.with_user(self.user).action_confirm_suggested_commitments()

        self.assertRecordValues(
            interaction.commitment_ids.sorted("date_due"),
            [
                {
                    "name": "Ik stuur je vrijdag de offerte.",
                    "date_due": FRIDAY,
                    "stakeholder_id": self.sh_anna.id,
                    "internal_client_id": self.client_sales.id,
                    "user_id": self.user.id,
                    "state": "open",
                },
                {
                    "name": "We plannen volgende week een vervolggesprek.",
                    "date_due": date(2026, 6, 12),
                    "stakeholder_id": self.sh_anna.id,
                    "internal_client_id": self.client_sales.id,
                    "user_id": self.user.id,
                    "state": "open",
                },
            ],
        )
        self.assertEqual(interaction.suggested_commitment_count, 0)
        self.assertFalse(interaction.suggested_commitments_html)
        # A second click (a double click, a stale form) makes none.
        interaction.with_user(self.user).action_confirm_suggested_commitments()
        self.assertEqual(len(interaction.commitment_ids), 2)

    def test_a_commitment_logged_already_is_not_suggested_again(self):
        interaction = self._logged(
            Markup("<p>I will send the proposal by Friday. I'll call Anna.</p>")
        )
        self.assertEqual(interaction.suggested_commitment_count, 2)
        # Typed by hand, in other case and with spaces around it.
        self.env["hr.relationship.commitment"]._create_from_interaction(
            interaction, [{"text": "  i will send the PROPOSAL by friday. "}]
        )
        self.assertEqual(interaction.suggested_commitment_count, 1)
        self.assertEqual(
            interaction.suggested_commitments_label, "Confirm 1 Suggested Commitment"
        )
        # No date in the text: due two weeks after the conversation, as a
        # commitment logged by hand, and the form says so.
        fortnight = WEDNESDAY + timedelta(days=14)
        self.assertIn(
            f"due {format_date(self.env, fortnight)} (no date in the text)",
            interaction.suggested_commitments_html,
        )
        interaction.action_confirm_suggested_commitments()
        promise = interaction.commitment_ids.filtered(
            lambda c: c.name == "I'll call Anna."
        )
        self.assertEqual(promise.date_due, fortnight)

    def test_a_summary_without_promises_suggests_none(self):
        interaction = self._logged(Markup("<p>Prettig gesprek, niets afgesproken.</p>"))
        self.assertEqual(interaction.suggested_commitment_count, 0)
        self.assertFalse(interaction.suggested_commitments_label)
        interaction.action_confirm_suggested_commitments()
        self.assertFalse(interaction.commitment_ids)

    def test_only_relationship_users_confirm(self):
        interaction = self._logged(Markup("<p>Ik stuur je vrijdag de offerte.</p>"))
        with self.assertRaises(AccessError):
            interaction.with_user(
                self.internal_user
            ).action_confirm_suggested_commitments()
        self.assertFalse(interaction.commitment_ids)
        # Any relationship user may, as they may log a commitment by hand.
        interaction.with_user(self.other_user).action_confirm_suggested_commitments()
        self.assertEqual(len(interaction.commitment_ids), 1)
