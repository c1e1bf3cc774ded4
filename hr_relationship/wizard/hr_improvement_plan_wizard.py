# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from ..tools.record_check import checked_records


class HrImprovementPlanWizard(models.TransientModel):
    """Improvement actions proposed from a closed campaign, which HR
    reviews, adjusts and confirms before they become tasks."""

    _name = "hr.improvement.plan.wizard"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Plan Improvements from a Campaign"

    campaign_id = fields.Many2one(
        "hr.satisfaction.survey", required=True, readonly=True, ondelete="cascade"
    )
    line_ids = fields.One2many(
        "hr.improvement.plan.wizard.line", "wizard_id", string="Proposed Actions"
    )
    empty_reason = fields.Text(
        string="Why Nothing Is Proposed",
        readonly=True,
        help="Why the results propose no action, when they do not.",
    )

    def action_confirm(self):
        checked_records(self, single=True)
        campaign = self.campaign_id
        campaign.check_access("write")
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(_("Select at least one improvement action to plan."))
        unnamed = lines.filtered(lambda line: not (line.name or "").strip())
        if unnamed:
            raise UserError(_("Every improvement action needs a name."))
        project = campaign.company_id._hr_improvement_project()
        # As superuser: HR business partners plan actions without being
        # project users; the campaign's write access above is the check.
        tasks = (
            self.env["project.task"]
            .sudo()
            .create(
                [
                    {
                        "name": line.name,
                        "project_id": project.id,
                        "company_id": project.company_id.id,
                        "description": plaintext2html(line.reason or ""),
                        "user_ids": [Command.set(line.user_id.ids)],
                        "date_deadline": line.date_deadline,
                        "hr_campaign_id": campaign.id,
                        "hr_service_id": line.service_id.id,
                        "hr_internal_client_ids": [
                            Command.set(line.internal_client_ids.ids)
                        ],
                    }
                    for line in lines
                ]
            )
        )
        campaign.message_post(
            body=_(
                "%(count)s improvement actions planned: %(names)s.",
                count=len(tasks),
                names=", ".join(tasks.mapped("name")),
            )
        )
        return campaign.action_view_improvement_actions()
