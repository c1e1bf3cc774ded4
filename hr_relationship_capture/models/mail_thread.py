# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import codecs
import logging
from email.message import EmailMessage

from odoo import api, models

from ..tools.mail_checks import failed_authentication, is_automatic
from .hr_relationship_interaction import NO_CAPTURE_CONTEXT

_logger = logging.getLogger(__name__)

# Context key: the recipients of a mail coming in through the gateway.
GATEWAY_RECIPIENTS = "hr_relationship_gateway_recipients"


class MailThread(models.AbstractModel):
    """The mail gateway, as the capture of contacts needs it.

    The gateway posts an incoming mail first and sets its recipients
    afterwards (so that they are not notified twice): the e-mail capture
    learns them here, to know which relationship user the mail went to. And
    a mail with a part in an unknown charset is read rather than refused."""

    _inherit = "mail.thread"

    def _message_parse_extract_payload(
        self, message, message_dict, save_original=False
    ):
        """A text part in a charset nobody knows is read as UTF-8 (with
        replacement characters) instead of failing the whole mail."""
        if isinstance(message, EmailMessage):
            for part in message.walk():
                charset = part.get_param("charset")
                if not charset or part.get_content_maintype() != "text":
                    continue
                try:
                    codecs.lookup(str(charset))
                except LookupError:
                    _logger.warning(
                        "Incoming mail %s: a part in the unknown charset %r is "
                        "read as UTF-8",
                        message.get("Message-Id"),
                        str(charset),
                    )
                    part.set_param("charset", "utf-8")
        return super()._message_parse_extract_payload(
            message, message_dict, save_original=save_original
        )

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        recipients = [
            partner_id
            for partner_id in message_dict.get("partner_ids") or []
            if isinstance(partner_id, int)
        ]
        context = {GATEWAY_RECIPIENTS: recipients}
        # The mail is posted as Odoo posts it, but an auto-reply is no
        # contact, and a mail failing its authentication is nobody's: no
        # interaction is logged for either.
        if is_automatic(message) or failed_authentication(message):
            _logger.info(
                "Incoming mail %s from %s is automatic or failed its "
                "authentication: no interaction is captured from it",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            context[NO_CAPTURE_CONTEXT] = True
        return super(MailThread, self.with_context(**context))._message_route_process(
            message, message_dict, routes
        )
