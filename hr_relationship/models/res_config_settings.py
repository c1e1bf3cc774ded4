# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_relationship_health_snapshot import (
    AT_RISK_ACTIVITY_DEFAULT,
    AT_RISK_ACTIVITY_PARAM,
    AT_RISK_ACTIVITY_RECIPIENTS,
    HEALTH_DEFAULTS,
    HEALTH_PARAM_PREFIX,
)
from .hr_relationship_network import NETWORK_WINDOW_DEFAULT, NETWORK_WINDOW_PARAM
from .hr_satisfaction_survey import DEFAULT_SURVEY_PARAM
from .hr_stakeholder import (
    CADENCE_DEFAULTS,
    CADENCE_PARAM_PREFIX,
    CONSENT_VALIDITY_DEFAULT,
    CONSENT_VALIDITY_PARAM,
)


def _health_param(key, string, help_text):
    return fields.Integer(
        string=string,
        config_parameter=HEALTH_PARAM_PREFIX + key,
        default=HEALTH_DEFAULTS[key],
        help=help_text,
    )


def _cadence_param(quadrant, string):
    return fields.Integer(
        string=string,
        config_parameter=CADENCE_PARAM_PREFIX + quadrant,
        default=CADENCE_DEFAULTS[quadrant],
        help="Contact cadence in days a new stakeholder in this quadrant starts "
        "with; 0 plans no contacts.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hr_health_weight_satisfaction = _health_param(
        "weight_satisfaction",
        "Satisfaction Weight",
        "Weight of the latest satisfaction (CSAT for internal clients).",
    )
    hr_health_weight_nps = _health_param(
        "weight_nps", "NPS Weight", "Weight of the latest recommendation (NPS)."
    )
    hr_health_weight_recency = _health_param(
        "weight_recency",
        "Contact Recency Weight",
        "Weight of the last contact measured against the contact cadence.",
    )
    hr_health_weight_sentiment = _health_param(
        "weight_sentiment",
        "Sentiment Weight",
        "Weight of the mean sentiment of the interactions of the last 90 days.",
    )
    hr_health_healthy_min = _health_param(
        "healthy_min", "Healthy From", "A score of at least this is healthy."
    )
    hr_health_at_risk_below = _health_param(
        "at_risk_below", "At Risk Below", "A score below this is at risk."
    )
    hr_at_risk_activity = fields.Selection(
        AT_RISK_ACTIVITY_RECIPIENTS,
        string="At-Risk To-Do For",
        config_parameter=AT_RISK_ACTIVITY_PARAM,
        default=AT_RISK_ACTIVITY_DEFAULT,
        required=True,
        help="Who gets a to-do when a relationship becomes at risk. The HR "
        "business partners of a stakeholder are those of its internal clients "
        "(its owner when they have none); an internal client's owner is its HR "
        "business partner.",
    )
    hr_default_survey_id = fields.Many2one(
        "survey.survey",
        string="Default Survey",
        config_parameter=DEFAULT_SURVEY_PARAM,
        default=lambda self: self.env["hr.satisfaction.survey"]._default_survey_id(),
        domain="[('survey_type', 'in', ('survey', 'custom'))]",
        help="The survey new customer-value campaigns start with; when empty, "
        "the survey shipped with the app.",
    )
    hr_cadence_manage_closely = _cadence_param("manage_closely", "Manage Closely")
    hr_cadence_keep_satisfied = _cadence_param("keep_satisfied", "Keep Satisfied")
    hr_cadence_keep_informed = _cadence_param("keep_informed", "Keep Informed")
    hr_cadence_monitor = _cadence_param("monitor", "Monitor")
    hr_consent_validity_months = fields.Integer(
        string="Consent Valid For (Months)",
        config_parameter=CONSENT_VALIDITY_PARAM,
        default=CONSENT_VALIDITY_DEFAULT,
        help="How long the consent of an external stakeholder or alumnus lasts "
        "before it must be asked again.",
    )

    # --- Relationship network (issue 11) ---
    hr_network_window_days = fields.Integer(
        string="Network Window (Days)",
        config_parameter=NETWORK_WINDOW_PARAM,
        default=NETWORK_WINDOW_DEFAULT,
        help="An HR colleague counts as in contact with a person or internal "
        "client when they had an interaction in this many days up to today.",
    )

    @api.constrains("hr_network_window_days")
    def _check_hr_network_window_days(self):
        for settings in self:
            if settings.hr_network_window_days < 1:
                raise ValidationError(
                    _(
                        "The network window must be at least one day, not %(days)s.",
                        days=settings.hr_network_window_days,
                    )
                )

    def action_hr_refresh_network(self):
        return self.env["hr.relationship.portfolio"].action_refresh_network()

    # --- End of relationship network ---

    @api.constrains(
        "hr_health_weight_satisfaction",
        "hr_health_weight_nps",
        "hr_health_weight_recency",
        "hr_health_weight_sentiment",
        "hr_health_healthy_min",
        "hr_health_at_risk_below",
    )
    def _check_hr_health(self):
        for settings in self:
            weights = [settings[fname] for fname in self._hr_health_weight_fields()]
            if min(weights) < 0 or not sum(weights):
                raise ValidationError(
                    _(
                        "Relationship health weights cannot be negative and at "
                        "least one must be above zero."
                    )
                )
            at_risk = settings.hr_health_at_risk_below
            healthy = settings.hr_health_healthy_min
            if not 0 <= at_risk <= healthy <= 100:
                raise ValidationError(
                    _(
                        "Relationship health thresholds must satisfy 0 <= at risk "
                        "below (%(at_risk)s) <= healthy from (%(healthy)s) <= 100.",
                        at_risk=at_risk,
                        healthy=healthy,
                    )
                )

    @api.constrains(
        "hr_cadence_manage_closely",
        "hr_cadence_keep_satisfied",
        "hr_cadence_keep_informed",
        "hr_cadence_monitor",
        "hr_consent_validity_months",
    )
    def _check_hr_cadence_and_consent(self):
        for settings in self:
            for quadrant in CADENCE_DEFAULTS:
                field = self._fields["hr_cadence_" + quadrant]
                if settings[field.name] < 0:
                    raise ValidationError(
                        _(
                            "The default contact cadence of %(quadrant)s cannot "
                            "be negative (%(days)s days).",
                            quadrant=field.get_description(self.env)["string"],
                            days=settings[field.name],
                        )
                    )
            if settings.hr_consent_validity_months < 1:
                raise ValidationError(
                    _(
                        "Consent must stay valid for at least one month, not "
                        "%(months)s.",
                        months=settings.hr_consent_validity_months,
                    )
                )

    @api.model
    def _hr_health_weight_fields(self):
        return [
            "hr_health_weight_satisfaction",
            "hr_health_weight_nps",
            "hr_health_weight_recency",
            "hr_health_weight_sentiment",
        ]

    def set_values(self):
        result = super().set_values()
        # The standard saving deletes a parameter set to 0, which would bring
        # its default back: a weight, threshold or cadence of 0 is a real choice.
        set_param = self.env["ir.config_parameter"].sudo().set_param
        for fname, field in self._fields.items():
            if fname.startswith(("hr_health_", "hr_cadence_")) and self[fname] == 0:
                set_param(field.config_parameter, "0")
        return result

    def action_hr_refresh_health(self):
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        return True
