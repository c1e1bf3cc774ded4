# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Context key: the recipients of a mail coming in through the gateway.
GATEWAY_RECIPIENTS = "hr_relationship_gateway_recipients"


class MailThread(models.AbstractModel):
    """The mail gateway posts an incoming mail first and sets its recipients
    afterwards (so that they are not notified twice): the e-mail capture
    learns them here, to know which relationship user the mail went to."""

    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        recipients = [
            partner_id
            for partner_id in message_dict.get("partner_ids") or []
            if isinstance(partner_id, int)
        ]
        return super(
            MailThread, self.with_context(**{GATEWAY_RECIPIENTS: recipients})
        )._message_route_process(message, message_dict, routes)
