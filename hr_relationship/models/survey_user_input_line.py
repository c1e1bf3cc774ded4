# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SurveyUserInputLine(models.Model):
    """Campaign metrics group answer lines by these related fields; they are
    not stored, the ORM joins through to the answer and the question."""

    _name = "survey.user_input.line"
    _inherit = ["survey.user_input.line", "hr.relationship.guarded.fields"]

    hr_campaign_id = fields.Many2one(
        related="user_input_id.hr_campaign_id",
        groups="hr_relationship.group_hr_relationship_user",
    )
    hr_stakeholder_id = fields.Many2one(
        related="user_input_id.hr_stakeholder_id",
        groups="hr_relationship.group_hr_relationship_manager",
    )
    hr_internal_client_ids = fields.Many2many(
        related="user_input_id.hr_internal_client_ids",
        string="HR Internal Clients",
        groups="hr_relationship.group_hr_relationship_manager",
    )
    hr_metric_role = fields.Selection(
        related="question_id.hr_metric_role",
        groups="hr_relationship.group_hr_relationship_user",
    )
    hr_service_id = fields.Many2one(
        related="question_id.hr_service_id",
        groups="hr_relationship.group_hr_relationship_user",
    )
