# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models, tools
from odoo.fields import Domain


class MailMessage(models.Model):
    """Messages of a private thread (a model with ``_hr_private_thread``)
    follow the document's record rules; only their author keeps reading
    what they wrote themselves.

    Odoo also lets the recipients and the notified partners of a message read
    it, so a follower who has lost access to the document (a former
    relationship owner) would go on reading and searching what others post
    there. Every route to a message (ORM, RPC, the /mail controllers, the
    inbox, body searches) goes through ``_search`` or ``_check_access``, so
    both add the document's rule here."""

    _inherit = "mail.message"

    @api.model
    @tools.ormcache()
    def _hr_private_thread_models(self):
        return tuple(
            sorted(
                name
                for name, model_class in self.env.registry.items()
                if getattr(model_class, "_hr_private_thread", False)
            )
        )

    @api.model
    def _hr_private_thread_domain(self):
        """Messages outside private threads, on documents the user reads, or
        written by the user."""
        own = Domain("author_id", "=", self.env.user.partner_id.id) | Domain(
            "create_uid", "=", self.env.uid
        )
        domain = Domain.TRUE
        for model_name in self._hr_private_thread_models():
            Document = self.env[model_name].with_context(active_test=False)
            allowed = Domain("model", "!=", model_name)
            if Document.has_access("read"):
                allowed |= Domain("res_id", "in", Document._search([]))
            domain &= allowed | own
        return domain

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The keyword arguments go through as they came: Odoo 19.0's ORM
        # passes active_test and bypass_access to _search. The domain may
        # come as a list or as a Domain.
        if not self.env.su and self._hr_private_thread_models():
            domain = Domain(domain) & self._hr_private_thread_domain()
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        candidates = self - forbidden
        private_models = self._hr_private_thread_models()
        if not candidates or not private_models:
            return forbidden
        # From the cache where it holds them (a message just posted), as
        # superuser so that reading them checks no access again: Odoo asks
        # for each message it creates, and most are not on private threads.
        partner_id, uid = self.env.user.partner_id.id, self.env.uid
        rows = [
            (message.id, message.model, message.res_id)
            for message in candidates.sudo()
            if message.model in private_models
            and message.res_id
            and not (
                operation == "read"
                and (message.author_id.id == partner_id or message.create_uid.id == uid)
            )
        ]
        messages_by_document = defaultdict(lambda: defaultdict(list))
        for message_id, model_name, res_id in rows:
            messages_by_document[model_name][res_id].append(message_id)
        for model_name, messages_by_id in messages_by_document.items():
            documents = self.env[model_name].browse(messages_by_id)
            # The access each document needs for this message operation, as
            # mail.message checks it itself.
            by_operation = (
                documents._mail_group_by_operation_for_mail_message_operation(operation)
            )
            for doc_operation, operation_documents in by_operation.items():
                denied = operation_documents._check_access(doc_operation)
                if denied:
                    forbidden += self.browse(
                        message_id
                        for document_id in denied[0]._ids
                        for message_id in messages_by_id[document_id]
                    )
        return forbidden
