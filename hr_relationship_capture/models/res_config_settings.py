# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    """Per company: which contacts log themselves as interactions."""

    _inherit = "res.config.settings"

    hr_capture_calendar = fields.Boolean(
        related="company_id.hr_capture_calendar", readonly=False
    )
    hr_capture_email = fields.Boolean(
        related="company_id.hr_capture_email", readonly=False
    )
    hr_capture_mailbox = fields.Boolean(
        related="company_id.hr_capture_mailbox", readonly=False
    )
    hr_capture_keep_body = fields.Boolean(
        related="company_id.hr_capture_keep_body", readonly=False
    )
    hr_capture_body_max_length = fields.Integer(
        related="company_id.hr_capture_body_max_length", readonly=False
    )
    hr_capture_excluded_domains = fields.Char(
        related="company_id.hr_capture_excluded_domains", readonly=False
    )
    hr_capture_alias_email = fields.Char(
        string="Relationships Mailbox Alias",
        compute="_compute_hr_capture_alias_email",
    )

    @api.depends("company_id")
    def _compute_hr_capture_alias_email(self):
        alias = self.env.ref(
            "hr_relationship_capture.mail_alias_relationships", raise_if_not_found=False
        )
        for settings in self:
            settings.hr_capture_alias_email = (
                alias.sudo().display_name if alias else False
            )
