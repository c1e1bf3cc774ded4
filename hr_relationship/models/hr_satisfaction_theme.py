# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import text_analysis
from ..tools.anonymity import min_group_size, withheld_groups
from ..tools.name_masking import NameMasker

OPEN_ANSWER_TYPES = ("text_box", "char_box")
# A word one respondent used is no theme.
MIN_THEME_ANSWERS = 2
# Per campaign, internal client or HR service: the themes most respondents
# share, so that a large campaign does not bury them under rare words.
MAX_THEMES = 15
MAX_EXAMPLES = 3
MAX_EXAMPLE_LENGTH = 160
SENTIMENT_LABELS = [
    ("positive", "Positive"),
    ("neutral", "Neutral"),
    ("negative", "Negative"),
]


def sentiment_label(sentiment):
    """The label of a sentiment, with the text analysis's own neutral band."""
    if sentiment > text_analysis.NEUTRAL_BAND:
        return "positive"
    if sentiment < -text_analysis.NEUTRAL_BAND:
        return "negative"
    return "neutral"


def _shorten(sentence):
    # A sentence cut at a semicolon does not end in it.
    sentence = sentence.rstrip(",;:")
    if len(sentence) <= MAX_EXAMPLE_LENGTH:
        return sentence
    cut = sentence[: MAX_EXAMPLE_LENGTH - 1].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')}…"


def example_of(text, theme):
    """The first sentence of ``text`` that names ``theme`` (by any word the
    text analysis files under it: "ziekteverzuim" is "verzuim"), shortened."""
    sentences = [s.strip() for s in text_analysis.SENTENCE.split(text) if s.strip()]
    for sentence in sentences:
        words = text_analysis.tokens(sentence)
        pairs = (" ".join(words[i : i + 2]) for i in range(len(words) - 1))
        named = {text_analysis.TOPIC_TERMS.get(word, word) for word in words}
        named.update(text_analysis.TOPIC_TERMS.get(pair) for pair in pairs)
        if theme in named:
            return _shorten(sentence)
    return _shorten(sentences[0]) if sentences else ""


class HrSatisfactionTheme(models.Model):
    """What respondents wrote in the open answers of a closed campaign: the
    themes they share, with their sentiment and a few example sentences in
    which the names of known people are masked, for the whole campaign, per
    internal client and per HR service. Made with the campaign's results;
    in anonymous campaigns a theme of too few respondents keeps no sentiment
    and no example, as a result keeps no figure."""

    _name = "hr.satisfaction.theme"
    _inherit = ["hr.satisfaction.withheld.mixin"]
    _description = "HR Survey Theme of Open Answers"
    _order = "date desc, campaign_id, scope, answer_count desc, theme, id"
    _rec_name = "theme"

    campaign_id = fields.Many2one(
        "hr.satisfaction.survey", required=True, ondelete="cascade", index=True
    )
    # Copied from the campaign when the themes are made, as on the results.
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Date(required=True, help="The day the campaign was closed.")
    scope = fields.Selection(
        [
            ("campaign", "Whole Campaign"),
            ("internal_client", "Internal Client"),
            ("service", "HR Service"),
        ],
        required=True,
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client", ondelete="cascade", index="btree_not_null"
    )
    service_id = fields.Many2one(
        "hr.relationship.service",
        string="HR Service",
        ondelete="cascade",
        index="btree_not_null",
        help="The HR service of the open question the answers were given to.",
    )
    theme = fields.Char(required=True, help="A key phrase of the open answers.")
    answer_count = fields.Integer(
        string="Answers", help="How many respondents wrote about the theme."
    )
    sentiment = fields.Float(
        aggregator="avg",
        digits=(3, 2),
        help="The mean sentiment of the answers about the theme, from -1 "
        "(negative) to 1 (positive).",
    )
    sentiment_label = fields.Selection(SENTIMENT_LABELS, string="Tone")
    examples = fields.Text(
        help="A few sentences of the answers about the theme, one a line, "
        "with the names of known people masked."
    )

    _answer_count_positive = models.Constraint(
        "CHECK(answer_count >= 0)", "A theme's number of answers cannot be negative."
    )
    _sentiment_range = models.Constraint(
        "CHECK(sentiment BETWEEN -1 AND 1)", "Sentiment is between -1 and 1."
    )

    @api.depends("theme", "scope", "internal_client_id", "service_id")
    def _compute_display_name(self):
        for theme in self:
            target = theme.internal_client_id or theme.service_id
            theme.display_name = (
                f"{theme.theme} ({target.display_name})" if target else theme.theme
            )

    @api.model
    def _withheld_figures(self):
        return ("sentiment", "sentiment_label", "examples")

    # ------------------------------------------------------------
    # Computation from the open answers
    # ------------------------------------------------------------

    @api.model
    def _compute_for_campaigns(self, campaigns, keep_withheld=False):
        """Replace the themes of ``campaigns`` from their open answers, after
        their results (whose withheld groups the themes follow). Each answer
        is read once: its names masked, then analysed. With
        ``keep_withheld``, the themes withheld before stay withheld, as
        results do when the minimum group size is lowered."""
        campaigns = campaigns.with_env(self.env)
        old = self.search([("campaign_id", "in", campaigns.ids)])
        kept = {}
        if keep_withheld:
            kept = {
                (t.campaign_id.id, t.scope, t._target().id, t.theme): t.withheld
                for t in old.filtered("withheld")
            }
        old.unlink()
        buckets = self._answers_by_theme(campaigns)
        min_group = min_group_size(self.env)
        values = []
        for campaign in campaigns:
            reasons = {}
            if campaign.anonymous:
                reasons = self._withheld_reasons(
                    campaign, buckets[campaign], min_group, kept
                )
            values += self._theme_values(
                campaign, buckets[campaign], reasons, min_group
            )
        themes = self.create(values)
        withheld = themes.filtered("withheld")
        if withheld:
            # The ORM stores an empty number as 0, which averages would count.
            withheld.flush_recordset()
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET sentiment = NULL WHERE id = ANY(%s)",
                    SQL.identifier(self._table),
                    withheld.ids,
                )
            )
            withheld.invalidate_recordset(["sentiment"], flush=False)
        return themes

    def _target(self):
        self.ensure_one()
        return self.internal_client_id or self.service_id

    @api.model
    def _known_names(self, company):
        """The names of the people ``company`` knows: its employees (leavers
        too), stakeholders and contacts (its own and shared ones), in one
        query."""
        for model in ("hr.employee", "hr.stakeholder", "res.partner"):
            self.env[model].flush_model(["name", "company_id"])
        self.env["res.partner"].flush_model(["is_company", "active"])
        self.env.cr.execute(
            SQL(
                """
                SELECT name FROM hr_employee WHERE company_id = %(company)s
                 UNION
                SELECT name FROM hr_stakeholder WHERE company_id = %(company)s
                 UNION
                SELECT name FROM res_partner
                 WHERE active AND is_company IS NOT TRUE AND name IS NOT NULL
                   AND (company_id IS NULL OR company_id = %(company)s)
                """,
                company=company.id,
            )
        )
        return [name for (name,) in self.env.cr.fetchall() if name]

    @api.model
    def _answers_by_theme(self, campaigns):
        """{campaign: {(scope, target, theme): {answer id: [(sentiment,
        example)]}}} of the submitted open answers of ``campaigns``; target
        is the internal client or HR service (empty for the whole campaign)
        and an answer is a respondent's."""
        buckets = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search_fetch(
                [
                    ("user_input_id.hr_campaign_id", "in", campaigns.ids),
                    ("user_input_id.state", "=", "done"),
                    ("user_input_id.test_entry", "=", False),
                    ("skipped", "=", False),
                    ("answer_type", "in", OPEN_ANSWER_TYPES),
                ],
                [
                    "user_input_id",
                    "question_id",
                    "answer_type",
                    "value_text_box",
                    "value_char_box",
                ],
                order="id",
            )
        )
        if not lines:
            return buckets
        lines.user_input_id.fetch(["hr_campaign_id", "hr_internal_client_ids"])
        lines.question_id.fetch(["hr_service_id"])
        placeholder = self.env._("[name]")
        maskers = {}
        for company in campaigns.company_id:
            names = self._known_names(company)
            # The examples show where a name was; the analysis reads the
            # text without it, so that no placeholder ("[name]'s") and no
            # name becomes a theme.
            maskers[company] = (NameMasker(names, placeholder), NameMasker(names, ""))
        today = fields.Date.context_today(self)
        for line in lines:
            answer = line.user_input_id
            campaign = answer.hr_campaign_id
            text = (
                line.value_text_box
                if line.answer_type == "text_box"
                else line.value_char_box
            )
            if not text or not text.strip():
                continue
            shown, unnamed = maskers[campaign.company_id]
            masked = shown.mask(text)
            found = text_analysis.analyse(
                unnamed.mask(text), None, campaign.closed_date or today
            )
            targets = [("campaign", None)]
            targets += [
                ("internal_client", client)
                for client in answer.hr_internal_client_ids
                & campaign.internal_client_ids
            ]
            if service := line.question_id.hr_service_id:
                targets.append(("service", service))
            for theme in found["topics"]:
                example = example_of(masked, theme)
                for scope, target in targets:
                    buckets[campaign][scope, target, theme][answer.id].append(
                        (found["sentiment"], example)
                    )
        return buckets

    @api.model
    def _withheld_reasons(self, campaign, buckets, min_group, kept):
        """{(scope, target, theme): reason} of the themes of the anonymous
        ``campaign`` to withhold: those of a withheld result, of fewer than
        ``min_group`` respondents, or that would reveal such a group by
        subtraction from the whole campaign's (see withheld_groups), per
        internal client and per HR service alike."""
        results = campaign.result_ids.filtered(lambda r: r.scope != "stakeholder")
        whole_reason = next(
            (r.withheld for r in results if r.scope == "campaign" and r.withheld),
            False,
        )
        if whole_reason:
            return dict.fromkeys(buckets, whole_reason)
        reasons = {
            ("internal_client", r.internal_client_id): r.withheld
            for r in results
            if r.scope == "internal_client" and r.withheld
        }
        reasons.update(
            (("service", line.service_id), line.withheld)
            for line in results.service_result_ids
            if line.scope == "campaign" and line.withheld
        )
        withheld = {}
        # {(scope, theme): {target: answers}}
        by_theme = defaultdict(dict)
        for scope, target, theme in buckets:
            key = (campaign.id, scope, target.id if target else False, theme)
            reason = kept.get(key) or reasons.get((scope, target))
            if reason:
                withheld[scope, target, theme] = reason
            if scope != "campaign":
                by_theme[scope, theme][target] = buckets[scope, target, theme]
        for (scope, target, theme), answers in buckets.items():
            if scope != "campaign":
                continue
            whole = False
            for kind in ("internal_client", "service"):
                parts = by_theme.get((kind, theme), {})
                # The theme's respondents grouped by the clients (services)
                # they wrote it under; those of none are a group too.
                of_answer = defaultdict(set)
                for part, part_answers in parts.items():
                    for answer in part_answers:
                        of_answer[answer].add(part.id)
                counts = Counter(frozenset(of_answer[answer]) for answer in answers)
                out = {part.id for part in parts if (kind, part, theme) in withheld}
                whole, too_few, out = withheld_groups(counts, out, min_group)
                for part in parts:
                    if whole or part.id in too_few:
                        withheld.setdefault((kind, part, theme), "small_group")
                    elif part.id in out:
                        withheld.setdefault((kind, part, theme), "complement")
            if whole:
                withheld.setdefault((scope, target, theme), "small_group")
        return withheld

    @api.model
    def _theme_values(self, campaign, buckets, reasons, min_group):
        """The values of the themes of ``campaign``: per scope and target,
        the themes of at least MIN_THEME_ANSWERS respondents, most shared
        first. A withheld theme keeps its number of answers only."""
        by_target = defaultdict(list)
        for (scope, target, theme), answers in buckets.items():
            if len(answers) >= MIN_THEME_ANSWERS:
                by_target[scope, target].append((theme, answers))
        date = campaign.closed_date or fields.Date.context_today(self)
        values = []
        for (scope, target), themes in by_target.items():
            themes.sort(key=lambda item: (-len(item[1]), item[0]))
            for theme, answers in themes[:MAX_THEMES]:
                row = {
                    "campaign_id": campaign.id,
                    "company_id": campaign.company_id.id,
                    "date": date,
                    "scope": scope,
                    "internal_client_id": target.id
                    if scope == "internal_client"
                    else False,
                    "service_id": target.id if scope == "service" else False,
                    "theme": theme,
                    "answer_count": len(answers),
                    # The threshold the themes were made with, withheld or
                    # not: raising it later makes them again.
                    "min_group_size": min_group if campaign.anonymous else 0,
                }
                if reason := reasons.get((scope, target, theme)):
                    row["withheld"] = reason
                else:
                    row.update(self._opinion_values(answers))
                values.append(row)
        return values

    @api.model
    def _opinion_values(self, answers):
        """Sentiment and examples of a theme from {answer id: [(sentiment,
        example)]}: each respondent weighs once, whatever they wrote."""
        means = []
        examples = []
        for said in answers.values():
            means.append(sum(score for score, __ in said) / len(said))
            for __, example in said:
                if example and example not in examples:
                    examples.append(example)
                    break
        sentiment = round(sum(means) / len(means), 2)
        return {
            "sentiment": sentiment,
            "sentiment_label": sentiment_label(sentiment),
            "examples": "\n".join(examples[:MAX_EXAMPLES]),
        }

    @api.model
    def _withhold_closed_anonymous(self, min_group):
        """Make again, under ``min_group``, the themes of the closed
        anonymous campaigns that were made under a smaller minimum group
        size; themes withheld before stay withheld."""
        campaigns = self.search(
            [
                ("campaign_id.anonymous", "=", True),
                ("campaign_id.state", "=", "closed"),
                ("withheld", "=", False),
                ("min_group_size", "<", min_group),
            ]
        ).campaign_id
        return self._compute_for_campaigns(campaigns, keep_withheld=True)

    # ------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------

    @api.model
    def _strongest_themes(self, date_from, date_to, limit=5):
        """The themes most respondents wrote about in the campaigns among
        internal clients closed from ``date_from`` to ``date_to`` that the
        user may read, withheld themes left out: [{theme, answer_count,
        sentiment, label}], most answers first. The sentiment is the mean of
        the campaigns' own."""
        groups = self._read_group(
            self._strongest_themes_domain(date_from, date_to),
            ["theme"],
            ["answer_count:sum", "sentiment:avg"],
            order="answer_count:sum desc, theme",
            limit=limit,
        )
        return [
            {
                "theme": theme,
                "answer_count": count,
                "sentiment": round(sentiment or 0.0, 2),
                "label": sentiment_label(sentiment or 0.0),
            }
            for theme, count, sentiment in groups
        ]

    @api.model
    def _strongest_themes_domain(self, date_from, date_to):
        """The themes ``_strongest_themes`` ranks: of the whole campaigns
        among internal clients closed in the period, not withheld."""
        return Domain(
            [
                ("scope", "=", "campaign"),
                ("withheld", "=", False),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("campaign_id.audience", "=", "internal_clients"),
            ]
        )
