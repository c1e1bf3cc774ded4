# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Longest body a captured interaction may keep, in characters.
MAX_BODY_LENGTH = 100_000
CAPTURE_BODY_LENGTH_DEFAULT = 2000


class ResCompany(models.Model):
    """Which contacts of a company log themselves as interactions."""

    _inherit = "res.company"

    hr_capture_calendar = fields.Boolean(
        string="Capture Calendar Meetings",
        help="Meetings between a relationship user and a stakeholder log "
        "themselves as interactions.",
    )
    hr_capture_email = fields.Boolean(
        string="Capture E-mail",
        help="E-mail between a relationship user and a stakeholder, on any "
        "record or through the mail gateway, logs itself as an interaction.",
    )
    hr_capture_mailbox = fields.Boolean(
        string="Relationships Mailbox",
        help="Mail forwarded or BCC'd by a relationship user to the "
        "relationships alias becomes an interaction.",
    )
    hr_capture_keep_body = fields.Boolean(
        string="Keep the Body",
        help="A captured interaction keeps the text of the mail or meeting; "
        "without it, only the subject and a link to the origin.",
    )
    hr_capture_body_max_length = fields.Integer(
        string="Body Length",
        default=CAPTURE_BODY_LENGTH_DEFAULT,
        help="Characters of the body a captured interaction keeps at most.",
    )
    hr_capture_excluded_domains = fields.Char(
        string="Domains Never Captured",
        help="Comma-separated e-mail domains (private mail providers) whose "
        "people are never captured, e.g. gmail.com, outlook.com.",
    )

    @api.constrains("hr_capture_body_max_length")
    def _check_hr_capture_body_max_length(self):
        for company in self:
            if not 0 < company.hr_capture_body_max_length <= MAX_BODY_LENGTH:
                raise ValidationError(
                    _(
                        "A captured interaction keeps between 1 and %(max)s "
                        "characters of the body, not %(value)s.",
                        max=MAX_BODY_LENGTH,
                        value=company.hr_capture_body_max_length,
                    )
                )

    def _hr_capture_excluded_domain_set(self):
        """The excluded domains of one company, lower case."""
        self.ensure_one()
        return {
            domain.strip().lstrip("@").lower()
            for domain in (self.hr_capture_excluded_domains or "").split(",")
            if domain.strip()
        }
