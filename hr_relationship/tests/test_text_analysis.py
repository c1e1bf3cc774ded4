# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools import text_analysis
from .common import HrRelationshipCase, RpcCase

# A Wednesday in December: Friday is two days away, 15 January is next year's.
WEDNESDAY = "2026-12-09"


@tagged("post_install", "-at_install")
class TestTextAnalysis(HrRelationshipCase):
    """hr.relationship.text.analysis.analyse, as a relationship user."""

    def _analyse(self, texts, **kwargs):
        return (
            self.env["hr.relationship.text.analysis"]
            .with_user(self.user)
            .analyse(texts, **kwargs)
        )

    def _one(self, text, **kwargs):
        return self._analyse([text], **kwargs)[0]

    def _due(self, text, reference=WEDNESDAY):
        commitments = self._one(text, date=reference)["commitments"]
        self.assertEqual(len(commitments), 1, text)
        return commitments[0]["due_date"]

    def test_shape_of_the_answer(self):
        results = self._analyse(["Zeer tevreden.", "Not happy."])
        self.assertEqual(len(results), 2)
        self.assertEqual(
            set(results[0]),
            {"language", "sentiment", "label", "evidence", "topics", "commitments"},
        )
        self.assertEqual(self._analyse([]), [])

    def test_dutch_and_english_sentiment(self):
        for text, label in (
            ("De manager is erg tevreden over de snelle werving.", "positive"),
            ("Hij is boos over de trage afhandeling van zijn klacht.", "negative"),
            ("Overleg over de planning van de jaargesprekken.", "neutral"),
            ("The manager is delighted with the quick hire.", "positive"),
            ("She is frustrated about the backlog in payroll.", "negative"),
            ("Meeting about the planning of the annual reviews.", "neutral"),
        ):
            with self.subTest(text=text):
                result = self._one(text)
                self.assertEqual(result["label"], label)
                self.assertTrue(-1 <= result["sentiment"] <= 1)
                if label == "positive":
                    self.assertGreater(result["sentiment"], 0)
                if label == "negative":
                    self.assertLess(result["sentiment"], 0)

    def test_negation_turns_the_label(self):
        for plain, negated in (
            (
                "Zij is tevreden over de onboarding.",
                "Zij is niet tevreden over de onboarding.",
            ),
            (
                "He is happy with the new roster.",
                "He is not happy with the new roster.",
            ),
            (
                "Er zijn problemen met de contracten.",
                "Er zijn geen problemen met de contracten.",
            ),
        ):
            with self.subTest(text=plain):
                before, after = self._one(plain), self._one(negated)
                self.assertNotEqual(before["label"], after["label"])
                self.assertLess(before["sentiment"] * after["sentiment"], 0)
        evidence = self._one("Zij is niet tevreden.")["evidence"]
        self.assertEqual(evidence[0]["text"], "niet tevreden")
        self.assertLess(evidence[0]["score"], 0)

    def test_negation_stops_at_punctuation(self):
        # "niet" belongs to the first clause; the second is plainly positive.
        evidence = self._one("Het klopt niet, maar het team is tevreden.")["evidence"]
        self.assertEqual([item["text"] for item in evidence], ["tevreden"])
        self.assertGreater(evidence[0]["score"], 0)

    def test_intensifiers_strengthen(self):
        for plain, strong in (
            ("De klant is tevreden.", "De klant is zeer tevreden."),
            ("De klant is tevreden.", "De klant is erg tevreden."),
            ("The client is satisfied.", "The client is very satisfied."),
        ):
            with self.subTest(text=strong):
                self.assertGreater(
                    self._one(strong)["sentiment"], self._one(plain)["sentiment"]
                )
        self.assertEqual(
            self._one("De klant is zeer tevreden.")["evidence"][0]["text"],
            "zeer tevreden",
        )

    def test_dutch_compounds_read_by_their_head(self):
        # "roosterchaos" is in no lexicon; its head "chaos" is.
        result = self._one("De roosterchaos op de afdeling blijft.")
        self.assertIn("roosterchaos", [item["text"] for item in result["evidence"]])
        self.assertEqual(result["label"], "negative")
        # A subject of HR is not an opinion because of its head.
        self.assertEqual(self._one("Functiewaardering besproken.")["label"], "neutral")

    def test_language_detection_and_choice(self):
        self.assertEqual(
            self._one("Ik ben niet tevreden over de werving.")["language"], "nl"
        )
        self.assertEqual(
            self._one("I am not satisfied with the hiring.")["language"], "en"
        )
        forced = self._one("I am not satisfied with the hiring.", lang="nl")
        self.assertEqual(forced["language"], "nl")

    def test_topics(self):
        topics = self._one(
            "De OR maakt zich zorgen over het verzuim en de functiewaardering."
        )["topics"]
        for topic in ("ondernemingsraad", "verzuim", "functiewaardering"):
            self.assertIn(topic, topics)
        self.assertLessEqual(len(topics), text_analysis.MAX_TOPICS)
        # "or" is a conjunction in English.
        self.assertNotIn(
            "ondernemingsraad", self._one("Call or mail the recruiter.")["topics"]
        )

    def test_dutch_due_dates(self):
        for text, due in (
            ("Ik stuur vrijdag de cijfers.", "2026-12-11"),
            ("Ik bel haar morgen terug.", "2026-12-10"),
            ("We leveren het voorstel volgende week.", "2026-12-18"),
            ("Ik stuur het volgende week dinsdag.", "2026-12-15"),
            ("We ronden dit binnen twee weken af.", "2026-12-23"),
            ("Ik zorg dat het er over drie dagen ligt.", "2026-12-12"),
            ("We leveren het uiterlijk 20 december aan.", "2026-12-20"),
            ("We sturen het voor het eind van de maand.", "2026-12-31"),
            # Wednesday plus five working days skips the weekend.
            ("We reageren binnen vijf werkdagen.", "2026-12-16"),
        ):
            with self.subTest(text=text):
                self.assertEqual(self._due(text), due)

    def test_english_due_dates(self):
        for text, due in (
            ("I will send the figures by Friday.", "2026-12-11"),
            ("I'll call her back tomorrow.", "2026-12-10"),
            ("We will deliver the proposal next week.", "2026-12-18"),
            ("We will finish this within two weeks.", "2026-12-23"),
            ("I will share it by January 15.", "2027-01-15"),
            ("We will deliver it on 20 December.", "2026-12-20"),
            ("We will reply within five working days.", "2026-12-16"),
            ("We will reply within five days.", "2026-12-14"),
        ):
            with self.subTest(text=text):
                self.assertEqual(self._due(text), due)

    def test_year_rollover(self):
        # Said in December, 15 January is next year's; said in January, this year's.
        text = "Ik lever het uiterlijk 15 januari aan."
        self.assertEqual(self._due(text), "2027-01-15")
        self.assertEqual(self._due(text, "2027-01-03"), "2027-01-15")
        # "vrijdag" said on a Friday is the next one, not today.
        self.assertEqual(
            self._due("Ik stuur vrijdag de cijfers.", "2026-12-11"), "2026-12-18"
        )

    def test_default_reference_date_is_today(self):
        today = fields.Date.context_today(self.env.user.with_user(self.user))
        result = self._one("Ik bel de teamleider morgen terug.")
        self.assertEqual(
            result["commitments"][0]["due_date"],
            (today + timedelta(days=1)).isoformat(),
        )

    def test_what_is_not_a_commitment(self):
        for text in (
            "Kun jij vrijdag de cijfers sturen?",
            "Vorige week hadden we overleg met de OR.",
            "Could you send the figures by Friday?",
            "The team is satisfied with the new roster.",
        ):
            with self.subTest(text=text):
                self.assertEqual(self._one(text, date=WEDNESDAY)["commitments"], [])
        undated = self._one("We regelen een gesprek met de bedrijfsarts.")
        self.assertEqual(
            undated["commitments"],
            [
                {
                    "text": "We regelen een gesprek met de bedrijfsarts.",
                    "due_date": False,
                }
            ],
        )

    def test_evidence_explains_the_label(self):
        result = self._one("De werving gaat erg traag en de manager is teleurgesteld.")
        self.assertEqual(result["label"], "negative")
        texts = [item["text"] for item in result["evidence"]]
        self.assertIn("erg traag", texts)
        self.assertIn("teleurgesteld", texts)
        self.assertEqual(self._one("Overleg gepland.")["evidence"], [])

    def test_stores_nothing(self):
        self.env.flush_all()
        self.env.cr.execute("SELECT count(*) FROM mail_message")
        before = self.env.cr.fetchone()[0]
        self._analyse(["Ik stuur vrijdag de cijfers."], date=WEDNESDAY)
        self.env.flush_all()
        self.env.cr.execute("SELECT count(*) FROM mail_message")
        self.assertEqual(self.env.cr.fetchone()[0], before)

    def test_refused_without_a_role(self):
        Analysis = self.env["hr.relationship.text.analysis"]
        with self.assertRaises(AccessError):
            Analysis.with_user(self.internal_user).analyse(["Tevreden."])

    def test_malformed_input_refused(self):
        for texts, kwargs in (
            ("Tevreden.", {}),
            ([5], {}),
            ([["nested"]], {}),
            ({"a": "b"}, {}),
            (["x"] * 1001, {}),
            (["x" * 20001], {}),
            (["Tevreden."], {"lang": "de"}),
            (["Tevreden."], {"lang": 5}),
            (["Tevreden."], {"date": "gisteren"}),
            (["Tevreden."], {"date": "2026-13-01"}),
            (["Tevreden."], {"date": "9999-12-31"}),
            (["Tevreden."], {"date": 20261209}),
        ):
            with self.subTest(texts=str(texts)[:40], kwargs=kwargs):
                with self.assertRaises(UserError):
                    self._analyse(texts, **kwargs)


@tagged("post_install", "-at_install")
class TestTextAnalysisRpc(RpcCase):
    def test_rpc_refuses_an_internal_user_without_the_group(self):
        self._assert_rpc_refused(
            self.internal_user,
            "hr.relationship.text.analysis",
            "analyse",
            [["Zeer tevreden."]],
        )

    def test_rpc_answers_a_relationship_user(self):
        (result,) = self._execute(
            self.user,
            "hr.relationship.text.analysis",
            "analyse",
            [["I will send the figures by Friday."]],
            {"date": WEDNESDAY},
        )
        self.assertEqual(result["language"], "en")
        self.assertEqual(result["commitments"][0]["due_date"], "2026-12-11")
