# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

from ..models.hr_satisfaction_campaign_cycle import cycle_param


class HrImprovementPlanWizardLine(models.TransientModel):
    _name = "hr.improvement.plan.wizard.line"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Proposed Improvement Action"

    wizard_id = fields.Many2one(
        "hr.improvement.plan.wizard", required=True, ondelete="cascade"
    )
    selected = fields.Boolean(string="Plan", default=True)
    kind = fields.Selection(
        [("service", "HR Service"), ("client", "Internal Client")],
        string="Because of",
        default="service",
        required=True,
    )
    name = fields.Char(string="Action", required=True)
    service_id = fields.Many2one("hr.relationship.service", string="HR Service")
    internal_client_ids = fields.Many2many(
        "hr.internal.client", string="Internal Clients"
    )
    reason = fields.Text(string="Why")
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(
        string="Deadline", default=lambda self: self._default_deadline()
    )

    @api.model
    def _default_deadline(self):
        """The deadline of every action, proposed or added by hand: the
        "improvement deadline" setting, counted from today."""
        return fields.Date.context_today(self) + timedelta(
            days=cycle_param(self.env, "improvement_deadline_days")
        )
