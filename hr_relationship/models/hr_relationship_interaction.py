# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.record_check import checked_records

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
    sentiment = fields.Selection(
        [
            ("very_negative", "Very Negative"),
            ("negative", "Negative"),
            ("neutral", "Neutral"),
            ("positive", "Positive"),
            ("very_positive", "Very Positive"),
        ],
        required=True,
        default="neutral",
    )
    sentiment_score = fields.Integer(
        compute="_compute_sentiment_score",
        store=True,
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

    @api.depends("sentiment")
    def _compute_sentiment_score(self):
        for interaction in self:
            interaction.sentiment_score = SENTIMENT_SCORES.get(interaction.sentiment, 0)

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        # Pulses go only after the interaction types chosen in the settings.
        self.env["hr.satisfaction.survey"]._send_pulses_for_interactions(interactions)
        return interactions

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
