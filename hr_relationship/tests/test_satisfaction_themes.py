# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import BaseCase, tagged

from ..tools.name_masking import NameMasker, mask_names
from .common import USER_GROUP, HrRelationshipCase, SatisfactionSurveyMixin
from .test_anonymity import MIN_GROUP_PARAM, AnonymityMixin

NAMES = ["Anna Jansen", "Bob de Vries", "Hanna HR", "Erik Extern"]


@tagged("post_install", "-at_install")
class TestNameMasking(BaseCase):
    def _mask(self, text):
        return mask_names(text, NAMES, "[name]")

    def test_full_first_and_last_names(self):
        self.assertEqual(self._mask("Ask Anna Jansen."), "Ask [name].")
        self.assertEqual(
            self._mask("Anna said so, Jansen too"), "[name] said so, [name] too"
        )
        # One placeholder for a whole name, whatever its case.
        self.assertEqual(self._mask("BOB DE VRIES and bob"), "[name] and [name]")

    def test_whole_words_only(self):
        self.assertEqual(
            self._mask("Annabel and Bobby at Jansenweg"),
            "Annabel and Bobby at Jansenweg",
        )

    def test_particles_and_abbreviations_stay(self):
        # "de" is the Dutch article and "HR" HR: only a whole name masks them.
        self.assertEqual(self._mask("de vries"), "[name]")
        self.assertEqual(self._mask("de manager van HR"), "de manager van HR")
        self.assertEqual(self._mask("Hanna HR belde"), "[name] belde")

    def test_possessive_and_separators(self):
        self.assertEqual(
            self._mask("Erik Extern's team, Anna’s plan"),
            "[name]'s team, [name]’s plan",
        )
        # A comma parts two names: each is masked on its own.
        self.assertEqual(self._mask("Bob, de Vries"), "[name], [name]")
        self.assertEqual(self._mask("Bob, de, Vries"), "[name], de, [name]")

    def test_masker_reused(self):
        masker = NameMasker(NAMES, "[naam]")
        self.assertEqual(masker.mask("Vraag het Erik"), "Vraag het [naam]")
        self.assertEqual(masker.mask(""), "")
        self.assertEqual(NameMasker([], "[naam]").mask("Erik"), "Erik")


class ThemesMixin(SatisfactionSurveyMixin):
    def _people(self, client, prefix, count):
        """``count`` new stakeholders of ``client``, each a contact with an
        address."""
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"{prefix} {n}",
                    "email": f"{prefix.replace(' ', '.')}{n}@hrr.example.com",
                }
                for n in range(count)
            ]
        )
        return self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "internal_client_ids": [Command.link(client.id)],
                }
                for partner in partners
            ]
        )

    def _themes(self, campaign, scope="campaign", target=None):
        themes = self.env["hr.satisfaction.theme"].search(
            [("campaign_id", "=", campaign.id), ("scope", "=", scope)]
        )
        if target:
            themes = themes.filtered(
                lambda t: target in (t.internal_client_id, t.service_id)
            )
        return {theme.theme: theme for theme in themes}


@tagged("post_install", "-at_install")
class TestSatisfactionThemes(ThemesMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        cls.q_change = cls.env.ref("hr_relationship.survey_icv_q_change")

    def _closed_named_campaign(self):
        campaign = self._campaign()
        campaign.action_send()
        texts = {
            self.sh_anna: (
                "The onboarding was excellent.",
                "Recruitment is far too slow, Bob de Vries waited months.",
            ),
            self.sh_erik: (
                "Good onboarding of new colleagues, ask anna.",
                "Recruitment is slow: Erik Extern's team lost candidates.",
            ),
            self.sh_bob: ("Training is good.", "Recruitment takes far too long."),
        }
        for person, (keep, change) in texts.items():
            self._answer(
                campaign,
                person,
                {self.q_sat: "3", self.q_keep: keep, self.q_change: change},
            )
        campaign.action_close()
        return campaign

    def test_themes_and_sentiment_per_campaign_and_client(self):
        campaign = self._closed_named_campaign()
        themes = self._themes(campaign)
        # A word one respondent wrote is no theme.
        self.assertEqual(set(themes), {"recruitment", "onboarding"})
        recruitment, onboarding = themes["recruitment"], themes["onboarding"]
        self.assertEqual(recruitment.answer_count, 3)
        self.assertLess(recruitment.sentiment, 0)
        self.assertEqual(recruitment.sentiment_label, "negative")
        self.assertEqual(onboarding.answer_count, 2)
        self.assertEqual(onboarding.sentiment_label, "positive")
        self.assertEqual(len(recruitment.examples.splitlines()), 3)
        self.assertFalse(recruitment.withheld)
        # The campaign form shows the whole campaign's themes.
        self.assertEqual(campaign.theme_ids, recruitment | onboarding)
        sales = self._themes(campaign, "internal_client", self.client_sales)
        self.assertEqual(sales["recruitment"].answer_count, 2)
        self.assertEqual(sales["onboarding"].answer_count, 2)
        action = campaign.with_user(self.user).action_view_themes()
        self.assertEqual(action["display_name"], "Themes of Value check")
        self.assertEqual(
            self.env["hr.satisfaction.theme"].search(action["domain"]),
            campaign.theme_ids | sales["recruitment"] | sales["onboarding"],
        )
        # Operations has one respondent: no theme of its own.
        self.assertFalse(self._themes(campaign, "internal_client", self.client_ops))
        self.assertFalse(self._themes(campaign, "service"))
        strongest = self.env["hr.satisfaction.theme"]._strongest_themes(
            campaign.closed_date, campaign.closed_date
        )
        self.assertEqual(
            [(t["theme"], t["answer_count"], t["label"]) for t in strongest],
            [("recruitment", 3, "negative"), ("onboarding", 2, "positive")],
        )

    def test_overview_shows_the_strongest_themes(self):
        campaign = self._closed_named_campaign()
        overview = (
            self.env["hr.relationship.overview"].with_user(self.user).get_overview()
        )
        themes = overview["themes"]
        self.assertEqual(
            [
                (row["theme"], row["answer_count"], row["tone"])
                for row in themes["rows"]
            ],
            [("recruitment", 3, "Negative"), ("onboarding", 2, "Positive")],
        )
        # Its link opens the themes it ranks.
        self.assertEqual(
            self.env[themes["model"]].with_user(self.user).search(themes["domain"]),
            campaign.theme_ids,
        )
        # A campaign closed before the quarter is out of it.
        campaign.theme_ids.write(
            {"date": fields.Date.subtract(campaign.closed_date, days=91)}
        )
        overview = (
            self.env["hr.relationship.overview"].with_user(self.user).get_overview()
        )
        self.assertFalse(overview["themes"]["rows"])

    def test_names_are_masked_in_examples(self):
        campaign = self._closed_named_campaign()
        examples = "\n".join(
            self.env["hr.satisfaction.theme"]
            .search([("campaign_id", "=", campaign.id)])
            .mapped("examples")
        )
        # An employee's full and first name, a stakeholder's (a contact) name.
        self.assertIn("Recruitment is far too slow, [name] waited months.", examples)
        self.assertIn("Good onboarding of new colleagues, ask [name].", examples)
        self.assertIn("Recruitment is slow: [name]'s team lost candidates.", examples)
        for name in ("Bob", "Vries", "anna", "Erik", "Extern"):
            self.assertNotIn(name, examples)
        # Nor is a name ever a theme.
        self.assertFalse(
            self.env["hr.satisfaction.theme"].search(
                [("theme", "in", ["vries", "extern"])]
            )
        )

    def test_themes_per_hr_service_of_an_open_question(self):
        self.q_change.hr_service_id = self.recruitment
        campaign = self._closed_named_campaign()
        per_service = self._themes(campaign, "service", self.recruitment)
        self.assertEqual(set(per_service), {"recruitment"})
        self.assertEqual(per_service["recruitment"].answer_count, 3)
        # The answers to the other question belong to no service.
        self.assertEqual(set(self._themes(campaign, "service")), {"recruitment"})

    def test_themes_follow_the_campaign_when_closed_again(self):
        campaign = self._closed_named_campaign()
        before = campaign.theme_ids
        campaign._store_results()
        self.assertFalse(before.exists())
        self.assertEqual(
            set(campaign.theme_ids.mapped("theme")), {"recruitment", "onboarding"}
        )

    def test_access_follows_the_campaign(self):
        campaign = self._closed_named_campaign()
        Theme = self.env["hr.satisfaction.theme"]
        self.assertEqual(
            Theme.with_user(self.user).search([("campaign_id", "=", campaign.id)]),
            Theme.search([("campaign_id", "=", campaign.id)]),
        )
        self.assertTrue(campaign.with_user(self.user).theme_ids)
        company_b = self.env["res.company"].create({"name": "HRR Themes Company B"})
        outsider = self._new_user("hrr_themes_b", USER_GROUP, company=company_b)
        self.assertFalse(Theme.with_user(outsider).search([]))
        self.assertFalse(
            Theme.with_user(outsider)._strongest_themes(
                campaign.closed_date, campaign.closed_date
            )
        )
        with self.assertRaises(AccessError):
            campaign.theme_ids.with_user(outsider).read(["examples"])
        # Without the relationship rights, no theme at all.
        with self.assertRaises(AccessError):
            Theme.with_user(self.internal_user).search([])


@tagged("post_install", "-at_install")
class TestAnonymousThemes(ThemesMixin, AnonymityMixin, HrRelationshipCase):
    """Large (6 respondents) and Medium (5) write about the workload, Medium
    and the one person of Small about the onboarding, two of Large about the
    payroll."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_anonymity()

    def _anonymous_campaign(self, extra=None):
        """The campaign, answered by the clients' people and ``extra`` ones
        of Small."""
        clients = self.clients["Large"] | self.clients["Medium"] | self.clients["Small"]
        campaign = self._campaign(clients, anonymous=True)
        campaign.action_send()
        for name, people in self.people.items():
            if name == "Small" and extra:
                people |= extra
            for index, person in enumerate(people):
                text = {
                    "Large": "The workload is too high.",
                    "Medium": "The workload is fine and the onboarding went well.",
                    "Small": "The onboarding was chaotic." if not index else "Fine.",
                }[name]
                if name == "Large" and index < 2:
                    text += " The payroll is late."
                self._answer(campaign, person, {self.q_sat: "3", self.q_keep: text})
        campaign.action_close()
        return campaign

    def _stored(self, themes):
        """What the database holds of ``themes``, read past the ORM."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT sentiment, sentiment_label, examples"
            " FROM hr_satisfaction_theme WHERE id = ANY(%s)",
            [themes.ids],
        )
        return self.env.cr.fetchall()

    def test_small_groups_keep_no_sentiment_nor_example(self):
        campaign = self._anonymous_campaign()
        whole = self._themes(campaign)
        self.assertEqual(whole["workload"].answer_count, 11)
        self.assertFalse(whole["workload"].withheld)
        self.assertTrue(whole["workload"].examples)
        self.assertEqual(whole["onboarding"].answer_count, 6)
        self.assertFalse(whole["onboarding"].withheld)
        # Two respondents: fewer than five.
        payroll = whole["payroll"]
        self.assertEqual(payroll.withheld, "small_group")
        self.assertEqual(payroll.withheld_note, "Fewer than 5 answers")
        large = self._themes(campaign, "internal_client", self.clients["Large"])
        self.assertFalse(large["workload"].withheld)
        self.assertEqual(large["payroll"].withheld, "small_group")
        # Medium's figures are withheld (they would reveal Small's): so are
        # its themes, whatever their number of answers.
        medium = self._themes(campaign, "internal_client", self.clients["Medium"])
        self.assertEqual(medium["workload"].answer_count, 5)
        self.assertEqual(medium["workload"].withheld, "complement")
        self.assertEqual(medium["onboarding"].withheld, "complement")
        self.assertFalse(
            self._themes(campaign, "internal_client", self.clients["Small"])
        )
        withheld = (
            payroll | large["payroll"] | medium["workload"] | medium["onboarding"]
        )
        self.assertEqual(self._stored(withheld), [(None, None, None)] * 4)
        self.assertEqual(
            [
                t["theme"]
                for t in self.env["hr.satisfaction.theme"]._strongest_themes(
                    campaign.closed_date, campaign.closed_date
                )
            ],
            ["workload", "onboarding"],
        )

    def test_a_theme_would_reveal_a_smaller_group(self):
        """Published alongside the whole campaign's, a client's theme would
        tell by subtraction what fewer respondents wrote."""
        set_param = self.env["ir.config_parameter"].sudo().set_param
        set_param(MIN_GROUP_PARAM, "3")
        extra = self._people(self.clients["Small"], "HRR Small extra", 2)
        # Small (3) publishes its figures; only one of them writes about
        # the onboarding, next to Medium's five.
        campaign = self._anonymous_campaign(extra)
        self.assertFalse(self._client_result(campaign, "Small").withheld)
        medium = self._themes(campaign, "internal_client", self.clients["Medium"])
        self.assertEqual(medium["onboarding"].withheld, "complement")
        self.assertFalse(medium["workload"].withheld)
        self.assertFalse(self._themes(campaign)["onboarding"].withheld)

    def test_raising_the_minimum_withholds_made_themes(self):
        campaign = self._anonymous_campaign()
        settings = self.env["res.config.settings"]
        settings.create({"hr_anonymity_min_group": 7}).execute()
        whole = self._themes(campaign)
        self.assertEqual(whole["onboarding"].withheld, "small_group")
        self.assertEqual(self._stored(whole["onboarding"]), [(None, None, None)])
        self.assertFalse(whole["workload"].withheld)
        self.assertEqual(
            self._themes(campaign, "internal_client", self.clients["Large"])[
                "workload"
            ].withheld,
            "small_group",
        )
        # Lowering it again brings nothing back.
        settings.create({"hr_anonymity_min_group": 1}).execute()
        self.assertEqual(self._themes(campaign)["onboarding"].withheld, "small_group")


@tagged("post_install", "-at_install", "is_query_count")
class TestThemeQueries(ThemesMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    def _campaign_of(self, count):
        client = self.env["hr.internal.client"].create(
            {"name": f"HRR Themes {count}", "company_id": self.company.id}
        )
        people = self._people(client, f"HRR Q{count} person", count)
        campaign = self._campaign(client)
        campaign.action_send()
        for person in people:
            self._answer(
                campaign,
                person,
                {self.q_keep: "The workload is high, the onboarding good."},
            )
        campaign.action_close()
        return campaign

    def _rebuild_queries(self, campaign):
        Theme = self.env["hr.satisfaction.theme"].sudo()
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        Theme._compute_for_campaigns(campaign)
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_rebuild_does_not_grow_with_the_answers(self):
        small, large = self._campaign_of(3), self._campaign_of(9)
        self._rebuild_queries(small)
        expected = self._rebuild_queries(small)
        self.assertEqual(self._rebuild_queries(large), expected)
        self.assertEqual(self._themes(large)["workload"].answer_count, 9)
