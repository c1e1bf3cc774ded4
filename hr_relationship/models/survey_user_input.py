# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    _name = "survey.user_input"
    _inherit = ["survey.user_input", "hr.relationship.guarded.fields"]

    hr_campaign_id = fields.Many2one(
        "hr.satisfaction.survey",
        string="HR Campaign",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        groups="hr_relationship.group_hr_relationship_user",
    )
    # Administrators only: in an anonymous campaign this is the one link
    # between an answer and the person who gave it.
    hr_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="HR Stakeholder",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        groups="hr_relationship.group_hr_relationship_manager",
    )
    hr_internal_client_ids = fields.Many2many(
        related="hr_stakeholder_id.internal_client_ids",
        string="HR Internal Clients",
        groups="hr_relationship.group_hr_relationship_manager",
    )

    def _save_lines(self, question, answer, comment=None, overwrite_existing=True):
        closed = self.sudo().hr_campaign_id.filtered(lambda c: c.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Campaign %(campaign)s is closed and accepts no more answers.",
                    campaign=closed[0].name,
                )
            )
        return super()._save_lines(
            question, answer, comment=comment, overwrite_existing=overwrite_existing
        )
