# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from .hr_relationship_interaction import (
    MAIL_TYPES,
    NO_CAPTURE_CONTEXT,
    UNCAPTURED_THREADS,
)
from .mail_thread import GATEWAY_RECIPIENTS


class MailMessage(models.Model):
    """E-mail between a relationship user and a stakeholder, on any chatter
    or through the mail gateway, logs itself as an interaction."""

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        if not self.env.context.get(NO_CAPTURE_CONTEXT):
            # What is surely no mail with a person costs no query at all.
            candidates = messages.filtered(
                lambda message: (
                    message.message_type in MAIL_TYPES
                    and not message.is_internal
                    and message.res_id
                    and message.model
                    and message.model not in UNCAPTURED_THREADS
                )
            )
            if candidates:
                self.env["hr.relationship.interaction"]._hr_capture_emails(
                    candidates.ids,
                    self.env.context.get(GATEWAY_RECIPIENTS) or (),
                )
            messages._hr_link_mailbox_messages()
        return messages

    def _hr_link_mailbox_messages(self):
        """The mail the mailbox turned into an interaction is posted on it
        right after: it becomes the interaction's origin."""
        mails = self.filtered(
            lambda message: (
                message.model == "hr.relationship.interaction"
                and message.message_type == "email"
                and message.res_id
            )
        )
        if not mails:
            return
        interactions = (
            self.env["hr.relationship.interaction"]
            ._hr_capture_env()
            .browse(mails.mapped("res_id"))
            .filtered(lambda i: i.source == "mailbox" and not i.mail_message_id)
        )
        for interaction in interactions:
            message = mails.filtered(lambda m, i=interaction: m.res_id == i.id)[:1]
            interaction.write(
                {
                    "mail_message_id": message.id,
                    "origin_model": "mail.message",
                    "origin_res_id": message.id,
                }
            )
