# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.anonymity import MIN_GROUP_DEFAULT, MIN_GROUP_PARAM, MIN_GROUP_RANGE
from ..tools.record_check import checked_records
from .hr_relationship_health_mixin import (
    AT_RISK_ACTIVITY_DEFAULT,
    AT_RISK_ACTIVITY_PARAM,
    AT_RISK_ACTIVITY_RECIPIENTS,
    HEALTH_DEFAULTS,
    HEALTH_PARAM_PREFIX,
    MAX_CADENCE_DAYS,
)
from .hr_relationship_network import NETWORK_WINDOW_DEFAULT, NETWORK_WINDOW_PARAM
from .hr_satisfaction_campaign import DEFAULT_SURVEY_PARAM
from .hr_satisfaction_campaign_cycle import CYCLE_DEFAULTS, PARAM, PULSE_AFTER_PREFIX
from .hr_stakeholder import CADENCE_DEFAULTS, CADENCE_PARAM_PREFIX
from .hr_stakeholder_privacy import (
    CONSENT_VALIDITY_DEFAULT,
    CONSENT_VALIDITY_PARAM,
    MAX_CONSENT_VALIDITY_MONTHS,
    RETENTION_CONSENT_MONTHS_DEFAULT,
    RETENTION_CONSENT_MONTHS_PARAM,
    RETENTION_WEEKS_DEFAULT,
    RETENTION_WEEKS_PARAM,
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


def _cycle_param(key, string, help_text):
    default = CYCLE_DEFAULTS[key]
    field_type = fields.Float if isinstance(default, float) else fields.Integer
    return field_type(
        string=string, config_parameter=PARAM + key, default=default, help=help_text
    )


def _pulse_after_param(interaction_type, string):
    return fields.Boolean(
        string=string,
        config_parameter=PULSE_AFTER_PREFIX + interaction_type,
        help="Send a pulse survey to the stakeholders of an interaction of this "
        "type when it is logged.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # A choice, not a link between two apps: ticking it installs the bridge
    # (and the Calendar app it needs).
    module_hr_relationship_capture = fields.Boolean(
        string="Capture Meetings and Mail",
        help="Install the capture of contacts: meetings in the calendar, "
        "e-mail with stakeholders and mail forwarded to a relationships "
        "mailbox log themselves as interactions. Installs the Calendar app.",
    )
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
    hr_health_weight_attitude = _health_param(
        "weight_attitude",
        "Attitude Weight",
        "Weight of the stakeholder's attitude (for an internal client, of its "
        "stakeholders'): champion 100, supporter 75, sceptic 25, blocker 0; "
        "neutral is left out.",
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

    # ------------------------------------------------------------
    # Anonymity of survey results and retention of personal data
    # ------------------------------------------------------------
    hr_anonymity_min_group = fields.Integer(
        string="Minimum Group Size",
        config_parameter=MIN_GROUP_PARAM,
        default=MIN_GROUP_DEFAULT,
        help="In anonymous campaigns, figures and open answers of fewer "
        "respondents than this are withheld.",
    )
    hr_retention_candidate_weeks = fields.Integer(
        string="Candidates Without Consent (Weeks)",
        config_parameter=RETENTION_WEEKS_PARAM,
        default=RETENTION_WEEKS_DEFAULT,
        help="Weeks after the last contact after which a candidate who did not "
        "consent to be kept is anonymised.",
    )
    hr_retention_candidate_consent_months = fields.Integer(
        string="Candidates With Consent (Months)",
        config_parameter=RETENTION_CONSENT_MONTHS_PARAM,
        default=RETENTION_CONSENT_MONTHS_DEFAULT,
        help="Months after the last contact (or the consent, when later) after "
        "which a candidate who consented to be kept is anonymised.",
    )

    @api.constrains(
        "hr_anonymity_min_group",
        "hr_retention_candidate_weeks",
        "hr_retention_candidate_consent_months",
    )
    def _check_hr_privacy(self):
        low, high = MIN_GROUP_RANGE
        for settings in self:
            if not low <= settings.hr_anonymity_min_group <= high:
                raise ValidationError(
                    _(
                        "The minimum group size of anonymous results must be "
                        "between %(low)s and %(high)s, not %(size)s.",
                        low=low,
                        high=high,
                        size=settings.hr_anonymity_min_group,
                    )
                )
            for fname, high in (
                ("hr_retention_candidate_weeks", 520),
                ("hr_retention_candidate_consent_months", 120),
            ):
                if not 1 <= settings[fname] <= high:
                    raise ValidationError(
                        _(
                            "%(setting)s must be between 1 and %(high)s, not "
                            "%(value)s.",
                            setting=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            high=high,
                            value=settings[fname],
                        )
                    )

    def _hr_privacy_params(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        return {
            param: get_param(param)
            for param in (
                MIN_GROUP_PARAM,
                RETENTION_WEEKS_PARAM,
                RETENTION_CONSENT_MONTHS_PARAM,
                CONSENT_VALIDITY_PARAM,
            )
        }

    def _hr_apply_privacy_params(self, before):
        """Apply changed anonymity and retention settings to what exists: a
        larger minimum group withholds more of the closed anonymous campaigns
        (a smaller one cannot bring back figures that were never stored), and
        the retention dates follow the new periods."""
        after = self._hr_privacy_params()
        if after == before:
            return
        if after[MIN_GROUP_PARAM] != before[MIN_GROUP_PARAM]:
            self.env["hr.satisfaction.result"]._withhold_closed_anonymous()
        self.env["hr.stakeholder"].sudo()._refresh_retention_dates()

    # --- Customer-value cycle: improvement actions and pulses -------------
    hr_cycle_importance_min = _cycle_param(
        "improvement_importance_min",
        "Importance From",
        "An HR service rated at least this important (1-5) and at most as "
        "well performed as the next setting gets an improvement action.",
    )
    hr_cycle_performance_max = _cycle_param(
        "improvement_performance_max",
        "Performance Up To",
        "An HR service rated at least as important as the previous setting "
        "and at most this well performed (1-5) gets an improvement action.",
    )
    hr_cycle_csat_min = _cycle_param(
        "improvement_csat_min",
        "CSAT Below",
        "An internal client whose CSAT (percent) is below this gets an "
        "improvement action.",
    )
    hr_cycle_nps_min = _cycle_param(
        "improvement_nps_min",
        "NPS Below",
        "An internal client whose NPS is below this gets an improvement action.",
    )
    hr_cycle_deadline_days = _cycle_param(
        "improvement_deadline_days",
        "Action Deadline (Days)",
        "Days a proposed improvement action gets before it is due.",
    )
    hr_cycle_pulse_rate_limit_days = _cycle_param(
        "pulse_rate_limit_days",
        "One Pulse per (Days)",
        "A person gets at most one pulse survey in this many days; 0 sets no limit.",
    )
    hr_cycle_pulse_duration_days = _cycle_param(
        "pulse_duration_days",
        "Pulse Open For (Days)",
        "Days a pulse survey accepts answers before it closes by itself.",
    )
    hr_pulse_after_meeting = _pulse_after_param("meeting", "Meeting")
    hr_pulse_after_call = _pulse_after_param("call", "Call")
    hr_pulse_after_email = _pulse_after_param("email", "Email")
    hr_pulse_after_coaching = _pulse_after_param("coaching", "Coaching")
    hr_pulse_after_event = _pulse_after_param("event", "Event")
    hr_pulse_after_feedback = _pulse_after_param("feedback", "Feedback")

    @api.constrains(
        "hr_cycle_importance_min",
        "hr_cycle_performance_max",
        "hr_cycle_csat_min",
        "hr_cycle_nps_min",
        "hr_cycle_deadline_days",
        "hr_cycle_pulse_rate_limit_days",
        "hr_cycle_pulse_duration_days",
    )
    def _check_hr_cycle(self):
        for settings in self:
            for fname in ("hr_cycle_importance_min", "hr_cycle_performance_max"):
                if not 1 <= settings[fname] <= 5:
                    raise ValidationError(
                        _(
                            "%(setting)s must lie on the 1-5 scale of the "
                            "survey, not %(value)s.",
                            setting=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            value=settings[fname],
                        )
                    )
            if not 0 <= settings.hr_cycle_csat_min <= 100:
                raise ValidationError(
                    _("The CSAT threshold is a percentage between 0 and 100.")
                )
            if not -100 <= settings.hr_cycle_nps_min <= 100:
                raise ValidationError(_("The NPS threshold lies between -100 and 100."))
            if (
                settings.hr_cycle_deadline_days < 1
                or settings.hr_cycle_pulse_duration_days < 1
            ):
                raise ValidationError(
                    _("Improvement actions and pulse surveys need at least one day.")
                )
            if settings.hr_cycle_pulse_rate_limit_days < 0:
                raise ValidationError(_("The pulse rate limit cannot be negative."))

    # --- End of the customer-value cycle ----------------------------------

    # --- Relationship network ---
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
        checked_records(self)
        return self.env["hr.relationship.portfolio"].action_refresh_network()

    # --- End of relationship network ---

    @api.constrains(
        "hr_health_weight_satisfaction",
        "hr_health_weight_nps",
        "hr_health_weight_recency",
        "hr_health_weight_sentiment",
        "hr_health_weight_attitude",
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

    @api.constrains("hr_at_risk_activity")
    def _check_hr_at_risk_activity(self):
        # Not ``required``: a required field is a NOT NULL column, and every
        # app loaded before this addon (its install, update or tests) creates
        # settings rows without it. The screen marks it required instead.
        if not all(self.mapped("hr_at_risk_activity")):
            raise ValidationError(
                _("Choose who gets a to-do when a relationship becomes at risk.")
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
                if not 0 <= settings[field.name] <= MAX_CADENCE_DAYS:
                    raise ValidationError(
                        _(
                            "The default contact cadence of %(quadrant)s must be "
                            "between 0 and %(max)s days, not %(days)s.",
                            quadrant=field.get_description(self.env)["string"],
                            max=MAX_CADENCE_DAYS,
                            days=settings[field.name],
                        )
                    )
            months = settings.hr_consent_validity_months
            if not 1 <= months <= MAX_CONSENT_VALIDITY_MONTHS:
                raise ValidationError(
                    _(
                        "Consent must stay valid for between 1 and %(max)s "
                        "months, not %(months)s.",
                        max=MAX_CONSENT_VALIDITY_MONTHS,
                        months=months,
                    )
                )

    @api.model
    def _hr_health_weight_fields(self):
        return [
            "hr_health_weight_satisfaction",
            "hr_health_weight_nps",
            "hr_health_weight_recency",
            "hr_health_weight_sentiment",
            "hr_health_weight_attitude",
        ]

    def set_values(self):
        checked_records(self)
        privacy_before = self._hr_privacy_params()
        result = super().set_values()
        self._hr_apply_privacy_params(privacy_before)
        # The standard saving deletes a parameter set to 0, which would bring
        # its default back: a weight, threshold or cadence of 0 is a real choice.
        set_param = self.env["ir.config_parameter"].sudo().set_param
        for fname, field in self._fields.items():
            prefixes = ("hr_health_", "hr_cadence_", "hr_cycle_")
            if fname.startswith(prefixes) and self[fname] == 0:
                set_param(field.config_parameter, "0")
        return result

    def action_hr_refresh_health(self):
        checked_records(self)
        # The daily job, now, in its batches: run in this request, it would
        # hold every relationship locked until the whole book is done.
        self.env.ref(
            "hr_relationship.ir_cron_refresh_relationship_health"
        ).sudo()._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "Health is being refreshed in the background: in a few "
                    "minutes for a large relationship book."
                ),
            },
        }
