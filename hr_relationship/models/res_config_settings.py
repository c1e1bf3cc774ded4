# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .hr_relationship_health_snapshot import HEALTH_DEFAULTS, HEALTH_PARAM_PREFIX


def _health_param(key, string, help_text):
    return fields.Integer(
        string=string,
        config_parameter=HEALTH_PARAM_PREFIX + key,
        default=HEALTH_DEFAULTS[key],
        help=help_text,
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
        # its default back: a weight or threshold of 0 is a real choice.
        set_param = self.env["ir.config_parameter"].sudo().set_param
        for fname, field in self._fields.items():
            if fname.startswith("hr_health_") and self[fname] == 0:
                set_param(field.config_parameter, "0")
        return result

    def action_hr_refresh_health(self):
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
