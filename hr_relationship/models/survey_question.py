# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The scale each metric role needs, so that CSAT, NPS and the
# importance-performance gap mean the same for every survey.
ROLE_SCALES = {
    "satisfaction": (1, 5),
    "recommendation": (0, 10),
    "service_importance": (1, 5),
    "service_performance": (1, 5),
}
SERVICE_ROLES = ("service_importance", "service_performance")


class SurveyQuestion(models.Model):
    _name = "survey.question"
    _inherit = ["survey.question", "hr.relationship.guarded.fields"]

    hr_metric_role = fields.Selection(
        [
            ("satisfaction", "Overall Satisfaction (1-5)"),
            ("recommendation", "Recommendation (0-10, NPS)"),
            ("service_importance", "Importance of an HR Service (1-5)"),
            ("service_performance", "Performance of an HR Service (1-5)"),
        ],
        string="HR Metric Role",
        help="What this question measures in HR customer-value campaigns.",
        groups="hr_relationship.group_hr_relationship_user",
    )
    hr_service_id = fields.Many2one(
        "hr.relationship.service",
        string="HR Service",
        ondelete="restrict",
        help="The HR service whose importance or performance this question "
        "rates or, for an open question, that its answers are about: their "
        "themes are then shown per HR service too.",
        groups="hr_relationship.group_hr_relationship_user",
    )

    @api.constrains(
        "hr_metric_role", "hr_service_id", "question_type", "scale_min", "scale_max"
    )
    def _check_hr_metric_role(self):
        for question in self.filtered("hr_metric_role"):
            low, high = ROLE_SCALES[question.hr_metric_role]
            if (
                question.question_type != "scale"
                or question.scale_min != low
                or question.scale_max != high
            ):
                raise ValidationError(
                    _(
                        "Question %(question)s measures %(role)s, so it must be a "
                        "scale from %(low)s to %(high)s.",
                        question=question.title,
                        role=dict(
                            self._fields["hr_metric_role"]._description_selection(
                                self.env
                            )
                        )[question.hr_metric_role],
                        low=low,
                        high=high,
                    )
                )
            if bool(question.hr_service_id) != (
                question.hr_metric_role in SERVICE_ROLES
            ):
                raise ValidationError(
                    _(
                        "Question %(question)s needs an HR service exactly when it "
                        "rates the importance or performance of a service.",
                        question=question.title,
                    )
                )
