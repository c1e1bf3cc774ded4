# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, html2plaintext

from ..tools import text_analysis
from ..tools.record_check import checked_records
from .hr_relationship_text_analysis import MAX_TEXT_LENGTH

SENTIMENTS = [
    ("very_negative", "Very Negative"),
    ("negative", "Negative"),
    ("neutral", "Neutral"),
    ("positive", "Positive"),
    ("very_positive", "Very Positive"),
]
SENTIMENT_SCORES = {
    "very_negative": -2,
    "negative": -1,
    "neutral": 0,
    "positive": 1,
    "very_positive": 2,
}
# Range of an interaction's date: a contact that happened (up to today) or a
# planned one (after today), within what HR can plan.
EARLIEST_DATE = date(1900, 1, 1)
PLANNING_HORIZON_YEARS = 5
# The text analysis scores -1..1: within its neutral band a text is neutral,
# from here on very positive or very negative.
STRONG_SENTIMENT = 0.6
# Evidence phrases the form shows at most.
MAX_EVIDENCE = 5


def sentiment_of_score(score):
    """The sentiment (a value of SENTIMENTS) of a text analysis score."""
    if score <= -STRONG_SENTIMENT:
        return "very_negative"
    if score < -text_analysis.NEUTRAL_BAND:
        return "negative"
    if score >= STRONG_SENTIMENT:
        return "very_positive"
    if score > text_analysis.NEUTRAL_BAND:
        return "positive"
    return "neutral"


def suggest_sentiment(name, summary):
    """(sentiment, evidence) the text analysis suggests for an interaction
    of subject ``name`` and HTML ``summary``; the language is detected."""
    # The full stop keeps a negation at the end of the subject off the first
    # words of the summary.
    text = f"{name or ''}.\n{html2plaintext(summary or '')}"[:MAX_TEXT_LENGTH]
    analysis = text_analysis.analyse(text)
    return sentiment_of_score(analysis["sentiment"]), evidence_of(analysis)


def evidence_of(analysis):
    """The phrases behind an analysis' sentiment, quoted: those that pull
    its way (all of them for a neutral text, whose phrases cancel out), the
    strongest first."""
    evidence = analysis["evidence"]
    if analysis["label"] == "positive":
        evidence = [item for item in evidence if item["score"] > 0]
    elif analysis["label"] == "negative":
        evidence = [item for item in evidence if item["score"] < 0]
    strongest = sorted(evidence, key=lambda item: -abs(item["score"]))
    phrases = []
    for item in strongest:
        if item["text"] not in phrases:
            phrases.append(item["text"])
    return ", ".join(f'"{phrase}"' for phrase in phrases[:MAX_EVIDENCE]) or False


class HrRelationshipInteraction(models.Model):
    """One contact moment between HR and the people it works with."""

    _name = "hr.relationship.interaction"
    _description = "HR Relationship Interaction"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    interaction_type = fields.Selection(
        [
            ("meeting", "Meeting"),
            ("call", "Call"),
            ("email", "Email"),
            ("coaching", "Coaching"),
            ("event", "Event"),
            ("feedback", "Feedback"),
        ],
        string="Type",
        required=True,
        default="meeting",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        "hr_relationship_interaction_stakeholder_rel",
        "interaction_id",
        "stakeholder_id",
        string="Stakeholders",
        check_company=True,
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client",
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    project_id = fields.Many2one(
        "project.project",
        check_company=True,
        index="btree_not_null",
        ondelete="set null",
    )
    user_id = fields.Many2one(
        "res.users",
        string="HR Contact",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        domain="[('share', '=', False)]",
    )
    # What the health and the reports read: the person's choice, else what
    # the text suggests. Writing it is choosing it (RPC, data files, the
    # apps that log interactions): create and write take it as
    # sentiment_chosen, so that a choice survives any later edit of the
    # text. Not an inverse: that would write the choice again after the
    # insert, through every override of write (an app's interaction would
    # read as edited by hand).
    sentiment = fields.Selection(
        SENTIMENTS,
        compute="_compute_sentiment",
        store=True,
        precompute=True,
        required=True,
        help="The sentiment chosen, or else the one suggested from the text.",
    )
    sentiment_chosen = fields.Selection(
        SENTIMENTS,
        string="Chosen Sentiment",
        help="How the contact felt, as you judge it. Left empty, the "
        "sentiment suggested from the subject and summary counts.",
    )
    sentiment_suggested = fields.Selection(
        SENTIMENTS,
        string="Suggested Sentiment",
        compute="_compute_sentiment_suggested",
        store=True,
        precompute=True,
        help="The sentiment the text analysis reads in the subject and summary.",
    )
    sentiment_evidence = fields.Char(
        compute="_compute_sentiment_suggested",
        store=True,
        precompute=True,
        help="The words of the text the suggested sentiment rests on.",
    )
    sentiment_score = fields.Integer(
        compute="_compute_sentiment_score",
        store=True,
        precompute=True,
        aggregator="avg",
        help="Sentiment from -2 (very negative) to 2 (very positive).",
    )
    summary = fields.Html()
    topic_ids = fields.Many2many(
        "hr.relationship.topic",
        "hr_relationship_interaction_topic_rel",
        "interaction_id",
        "topic_id",
        string="Topics",
    )
    # Apps that log interactions themselves add their sources (the
    # bridges: calendar, e-mail, mailbox, recruitment).
    source = fields.Selection(
        [("manual", "Manual"), ("client_page", "Client's Own Page")],
        required=True,
        default="manual",
        readonly=True,
        copy=False,
        index=True,
        help="How the interaction was logged: by hand, or by an app that "
        "logs its contacts itself.",
    )
    concern_ids = fields.One2many(
        "hr.relationship.concern", "interaction_id", string="Concerns"
    )
    commitment_ids = fields.One2many(
        "hr.relationship.commitment", "interaction_id", string="Commitments"
    )

    suggested_commitment_count = fields.Integer(
        compute="_compute_suggested_commitments",
    )
    suggested_commitments_html = fields.Html(
        string="Suggested Commitments",
        compute="_compute_suggested_commitments",
        sanitize=False,
        help="The promises the text analysis finds in the summary that are "
        "not logged as commitments of this interaction yet.",
    )
    suggested_commitments_label = fields.Char(
        compute="_compute_suggested_commitments",
    )

    @api.depends("name", "summary")
    def _compute_sentiment_suggested(self):
        for interaction in self:
            (
                interaction.sentiment_suggested,
                interaction.sentiment_evidence,
            ) = suggest_sentiment(interaction.name, interaction.summary)

    @api.depends("sentiment_chosen", "sentiment_suggested")
    def _compute_sentiment(self):
        for interaction in self:
            interaction.sentiment = (
                interaction.sentiment_chosen
                or interaction.sentiment_suggested
                or "neutral"
            )

    @api.model
    def _sentiment_as_chosen(self, vals):
        """``vals`` with the sentiment written as the one chosen."""
        if "sentiment" not in vals:
            return vals
        vals = dict(vals)
        sentiment = vals.pop("sentiment")
        vals.setdefault("sentiment_chosen", sentiment)
        return vals

    def _suggested_commitments(self):
        """[{text, date_due, dated}] of the promises the summary holds that
        are not commitments of this interaction yet (by name, whatever the
        case): due when the text says (``dated``), counted from the
        interaction's date, else when a commitment logged by hand is."""
        self.ensure_one()
        text = html2plaintext(self.summary or "")[:MAX_TEXT_LENGTH]
        if not text.strip():
            return []
        day = self.date or fields.Date.context_today(self)
        made = {name.strip().casefold() for name in self.commitment_ids.mapped("name")}
        default_due = self.env["hr.relationship.commitment"]._default_date_due(day)
        suggested = []
        for promise in text_analysis.analyse(text, reference=day)["commitments"]:
            key = promise["text"].strip().casefold()
            if key in made:
                continue
            made.add(key)
            due = fields.Date.to_date(promise["due_date"])
            suggested.append(
                {
                    "text": promise["text"],
                    "date_due": due or default_due,
                    "dated": bool(due),
                }
            )
        return suggested

    @api.depends("summary", "date", "commitment_ids.name")
    def _compute_suggested_commitments(self):
        for interaction in self:
            suggested = interaction._suggested_commitments()
            interaction.suggested_commitment_count = len(suggested)
            interaction.suggested_commitments_html = (
                interaction._suggested_commitments_html(suggested)
            )
            interaction.suggested_commitments_label = (
                (
                    self.env._("Confirm 1 Suggested Commitment")
                    if len(suggested) == 1
                    else self.env._(
                        "Confirm %(count)s Suggested Commitments", count=len(suggested)
                    )
                )
                if suggested
                else False
            )

    def _suggested_commitments_html(self, suggested):
        if not suggested:
            return False
        items = Markup("").join(
            Markup(
                "<li>%(text)s <span class='text-muted text-nowrap'>%(due)s</span></li>"
            )
            % {
                "text": promise["text"],
                "due": (
                    self.env._(
                        "due %(date)s", date=format_date(self.env, promise["date_due"])
                    )
                    if promise["dated"]
                    else self.env._(
                        "due %(date)s (no date in the text)",
                        date=format_date(self.env, promise["date_due"]),
                    )
                ),
            }
            for promise in suggested
        )
        return Markup("<ul class='mb-0'>%s</ul>") % items

    @api.depends("sentiment")
    def _compute_sentiment_score(self):
        for interaction in self:
            interaction.sentiment_score = SENTIMENT_SCORES.get(interaction.sentiment, 0)

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._sentiment_as_chosen(vals) for vals in vals_list]
        interactions = super().create(vals_list)
        # Pulses go only after the interaction types chosen in the settings.
        self.env["hr.satisfaction.survey"]._send_pulses_for_interactions(interactions)
        return interactions

    def write(self, vals):
        return super().write(self._sentiment_as_chosen(vals))

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id.internal_client_id and not self.internal_client_id:
            self.internal_client_id = self.project_id.internal_client_id

    # company_id always has a value at create, so omitting both
    # counterparts still runs the check.
    @api.constrains("stakeholder_ids", "internal_client_id", "company_id")
    def _check_has_counterpart(self):
        for interaction in self:
            if not interaction.stakeholder_ids and not interaction.internal_client_id:
                raise ValidationError(
                    _(
                        "Interaction %(name)s needs at least one stakeholder or "
                        "an internal client.",
                        name=interaction.display_name,
                    )
                )

    @api.constrains("date")
    def _check_date(self):
        latest = fields.Date.context_today(self) + relativedelta(
            years=PLANNING_HORIZON_YEARS
        )
        for interaction in self:
            if not EARLIEST_DATE <= interaction.date <= latest:
                raise ValidationError(
                    _(
                        "Interaction %(name)s is dated %(date)s: an interaction "
                        "happens from %(earliest)s on and can be planned up to "
                        "%(latest)s.",
                        name=interaction.display_name,
                        date=interaction.date,
                        earliest=EARLIEST_DATE,
                        latest=latest,
                    )
                )

    @api.model
    def _action_for(self, name, domain, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self._name,
            "view_mode": "list,form,calendar,pivot,graph",
            "domain": domain,
            # The graph averages sentiment: a month without interactions has
            # none, not a neutral 0.
            "context": {**context, "fill_temporal": False},
        }

    @api.model
    def _action_log(self, context):
        """Open a quick form to log one interaction in a dialog."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Log an Interaction"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def action_create_concern(self):
        """Open a new concern filled in from this interaction: a draft that
        exists only once the user saves it, so a misclick leaves nothing."""
        checked_records(self, single=True)
        stakeholders = self.stakeholder_ids
        return {
            "type": "ir.actions.act_window",
            "name": _("Concern"),
            "res_model": "hr.relationship.concern",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_name": self.name,
                "default_description": self.summary,
                "default_company_id": self.company_id.id,
                "default_interaction_id": self.id,
                "default_stakeholder_id": stakeholders[:1].id,
                "default_internal_client_id": (
                    self.internal_client_id
                    or (stakeholders[:1].internal_client_ids[:1])
                ).id,
                "default_project_id": self.project_id.id,
                "default_topic_ids": [Command.set(self.topic_ids.ids)],
                "default_deadline": fields.Date.to_string(
                    self.env["hr.relationship.concern"]._default_deadline()
                ),
            },
        }

    def action_log_commitment(self):
        """Open a new commitment made in this interaction, to its people and
        due a fortnight after it: a draft until the user saves it."""
        checked_records(self, single=True)
        Commitment = self.env["hr.relationship.commitment"]
        values = Commitment._values_from_interaction(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Commitment"),
            "res_model": Commitment._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                **{f"default_{name}": value for name, value in values.items()},
                "default_date_due": fields.Date.to_string(
                    Commitment._default_date_due(self.date)
                ),
            },
        }

    def action_use_suggested_sentiment(self):
        """Let the text say again: forget the sentiment chosen."""
        checked_records(self)
        self.sentiment_chosen = False
        return True

    def action_confirm_suggested_commitments(self):
        """Make the commitments suggested from the summary, in one go; those
        made already are not suggested any more, so a second click makes
        none."""
        checked_records(self, single=True)
        suggested = self._suggested_commitments()
        if suggested:
            self.env["hr.relationship.commitment"]._create_from_interaction(
                self,
                [
                    {"text": promise["text"], "due_date": promise["date_due"]}
                    for promise in suggested
                ],
            )
        return True
