# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import _, models


class MailAlias(models.Model):
    """A mail the relationships mailbox refuses goes back with the reason."""

    _inherit = "mail.alias"

    def _get_alias_bounced_body_fallback(self, message_dict):
        reason = message_dict.get("hr_relationship_bounce_reason")
        if not reason:
            return super()._get_alias_bounced_body_fallback(message_dict)
        return Markup(
            "<p>%(header)s,<br/><br/>%(content)s<br/><br/>%(regards)s</p>"
        ) % {
            "header": _("Dear Sender"),
            "content": _(
                "The relationships mailbox %(alias)s did not log your mail: "
                "%(reason)s.",
                alias=self.display_name,
                reason=reason,
            ),
            "regards": _("Kind Regards"),
        }
