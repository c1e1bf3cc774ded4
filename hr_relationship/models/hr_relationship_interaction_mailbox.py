# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The relationships mailbox: mail forwarded or BCC'd to the relationships
alias by a relationship user becomes an interaction with the stakeholders
it involves."""

import logging
import re
from collections import Counter
from email.utils import parsedate_to_datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, email_split, html2plaintext, plaintext2html

from odoo.addons.mail.tools.alias_error import AliasError

from .hr_relationship_interaction import EARLIEST_DATE
from .hr_relationship_interaction_capture import USER_GROUP
from .mail_thread_capture import failed_authentication, is_automatic

_logger = logging.getLogger(__name__)

# Header lines of a message forwarded inline, in English and Dutch.
FORWARDED_HEADER = re.compile(
    r"^\s*[>*]*\s*(from|to|cc|van|aan)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
)
FORWARDED_DATE = re.compile(
    r"^\s*[>*]*\s*(date|sent|datum|verzonden)\s*:\s*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
SUBJECT_PREFIX = re.compile(r"^\s*((fwd?|fw|tr|doorst|re|antw)\s*:\s*)+", re.I)
# Attachments above this size are not kept on the interaction.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
# Addresses of one mail looked at, at most.
MAX_ADDRESSES = 500


# The capture is a concern of its own, in files of its own (DEVELOPERS.md).
class HrRelationshipInteraction(models.Model):
    _inherit = "hr.relationship.interaction"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------
    # Reading the mail
    # ------------------------------------------------------------

    @api.model
    def _hr_mailbox_forwarded_parts(self, message):
        """Headers of the messages forwarded as attachments."""
        parts = []
        if message is None:
            return parts
        for part in message.walk():
            if part.get_content_type() != "message/rfc822":
                continue
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is not None:
                parts.append(
                    {
                        "addresses": [
                            value
                            for header in ("From", "To", "Cc")
                            for value in inner.get_all(header, [])
                        ],
                        "date": inner.get("Date"),
                        "subject": inner.get("Subject"),
                    }
                )
        return parts

    @api.model
    def _hr_mailbox_read(self, msg_dict, message=None):
        """What the mailbox takes from a mail: the sender's address, the
        other addresses (From/To/Cc and a forwarded message's headers),
        the subject and the date of the contact."""
        sender = email_normalize(msg_dict.get("email_from") or "") or False
        raw = [msg_dict.get("email_from"), msg_dict.get("to"), msg_dict.get("cc")]
        text = html2plaintext(msg_dict.get("body") or "")
        dates = []
        forwarded = self._hr_mailbox_forwarded_parts(message)
        for part in forwarded:
            raw.extend(str(value) for value in part["addresses"])
            dates.append(part["date"])
        raw.extend(match.group(2) for match in FORWARDED_HEADER.finditer(text))
        dates.extend(match.group(2) for match in FORWARDED_DATE.finditer(text))
        aliases = set(
            self.env["mail.alias"]
            .sudo()
            .search([("alias_model_id.model", "=", self._name)])
            .mapped("alias_full_name")
        )
        addresses = []
        for value in raw:
            for address in email_split(str(value or "")):
                normalized = email_normalize(address)
                if (
                    normalized
                    and normalized != sender
                    and normalized not in aliases
                    and normalized.split("@")[0] not in aliases
                    and normalized not in addresses
                ):
                    addresses.append(normalized)
        subject = (msg_dict.get("subject") or "").strip()
        if forwarded and not subject:
            subject = str(forwarded[0]["subject"] or "")
        return {
            "sender": sender,
            "addresses": addresses[:MAX_ADDRESSES],
            "subject": SUBJECT_PREFIX.sub("", subject).strip(),
            "date": self._hr_mailbox_date(dates, msg_dict.get("date")),
        }

    @api.model
    def _hr_mailbox_date(self, forwarded_dates, mail_date):
        """The forwarded message's date when readable, else the mail's."""
        latest = self._hr_capture_date_range()[1]
        for value in forwarded_dates:
            try:
                when = parsedate_to_datetime(str(value).strip())
            except (TypeError, ValueError, IndexError):
                continue
            if when and EARLIEST_DATE <= when.date() <= latest:
                return when.date()
        when = fields.Datetime.to_datetime(mail_date) if mail_date else None
        if when and EARLIEST_DATE <= when.date() <= latest:
            return when.date()
        return fields.Date.context_today(self)

    @api.model
    def _hr_mailbox_sender(self, sender):
        """The relationship user who sent the mail, or an empty recordset."""
        if not sender:
            return self.env["res.users"]
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [("partner_id.email_normalized", "=", sender), ("share", "=", False)]
            )
        )
        return users.filtered(lambda user: user.has_group(USER_GROUP))[:1]

    @api.model
    def _hr_mailbox_match(self, user, addresses):
        """(company, stakeholders, unmatched addresses) of the mail: the
        company of the sender's with the relationships mailbox on that has
        the most stakeholders among the addresses."""
        companies = user.company_ids.filtered("hr_capture_mailbox")
        excluded = {
            company.id: company._hr_capture_excluded_domain_set()
            for company in companies
        }
        stakeholders = (
            self.env["hr.stakeholder"]
            .sudo()
            .search(
                [
                    ("person_partner_id.email_normalized", "in", addresses),
                    ("company_id", "in", companies.ids),
                    ("is_anonymised", "=", False),
                ]
            )
            if addresses and companies
            else self.env["hr.stakeholder"]
        )
        stakeholders = stakeholders.filtered(
            lambda s: (
                (s.person_partner_id.email_normalized or "").split("@")[-1]
                not in excluded[s.company_id.id]
            )
        )
        if not stakeholders:
            return companies[:1], stakeholders, addresses
        counts = Counter(stakeholders.company_id.ids)
        company_id = max(
            counts, key=lambda cid: (counts[cid], cid == user.company_id.id)
        )
        company = self.env["res.company"].browse(company_id)
        stakeholders = stakeholders.filtered(lambda s: s.company_id == company)
        matched = set(stakeholders.mapped("person_partner_id.email_normalized"))
        unmatched = [
            address
            for address in addresses
            if address not in matched
            and address.split("@")[-1] not in excluded[company.id]
        ]
        return company, stakeholders, unmatched

    # ------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """An automatic mail (an out-of-office reply) is no contact and gets
        no answer either (RFC 3834): the mailbox ignores it, without the
        bounce that would answer one auto-reply with another."""
        if route[0] == self._name and is_automatic(message):
            _logger.info(
                "Relationships mailbox: automatic mail %s from %s ignored",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    def _alias_get_error(self, message, message_dict, alias):
        error = super()._alias_get_error(message, message_dict, alias)
        if error:
            return error
        read = self._hr_mailbox_read(message_dict, message)
        reason = False
        user = self._hr_mailbox_sender(read["sender"])
        if failed_authentication(message):
            # Its From header may name any relationship user: the mail is
            # nobody's, and goes back to that address, whose owner learns
            # that somebody wrote in their name.
            reason = AliasError(
                "hr_unauthenticated",
                _(
                    "the mail failed its sender authentication (SPF, DKIM or "
                    "DMARC), so it cannot be logged in the name of its sender"
                ),
            )
        elif not read["sender"]:
            reason = AliasError("hr_no_sender", _("the mail has no sender"))
        elif not user:
            reason = AliasError(
                "hr_not_relationship_user",
                _("only relationship users may write to the relationships mailbox"),
            )
        elif user.hr_capture_opt_out:
            reason = AliasError(
                "hr_opted_out", _("the sender switched the capture of contacts off")
            )
        elif not user.company_ids.filtered("hr_capture_mailbox"):
            reason = AliasError(
                "hr_mailbox_off", _("the relationships mailbox is switched off")
            )
        elif not self._hr_mailbox_match(user, read["addresses"])[1]:
            reason = AliasError(
                "hr_no_stakeholder",
                _("no address in the mail belongs to a stakeholder"),
            )
        if reason:
            message_dict["hr_relationship_bounce_reason"] = reason.message
            _logger.warning(
                "Relationships mailbox: mail %s from %s refused: %s",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
                reason.message,
            )
            return reason
        # Read once from the raw mail, which message_new no longer sees.
        message_dict["hr_relationship_mail"] = read
        return False

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """One interaction of the mail forwarded or BCC'd to the mailbox."""
        if not isinstance(msg_dict, dict):
            raise UserError(_("The relationships mailbox reads parsed mail only."))
        read = msg_dict.pop("hr_relationship_mail", None) or self._hr_mailbox_read(
            msg_dict
        )
        msg_dict.pop("hr_relationship_bounce_reason", None)
        user = self._hr_mailbox_sender(read["sender"])
        company, stakeholders, unmatched = (
            self._hr_mailbox_match(user, read["addresses"])
            if user
            else (self.env["res.company"], self.env["hr.stakeholder"], [])
        )
        if not stakeholders:
            raise UserError(
                _(
                    "The mail from %(sender)s names no stakeholder the "
                    "relationships mailbox may log.",
                    sender=msg_dict.get("email_from") or _("an unknown sender"),
                )
            )
        key = "mailbox:%s" % (msg_dict.get("message_id") or "")[:200]
        Interaction = self._hr_capture_env()
        if msg_dict.get("message_id"):
            existing = Interaction.search([("capture_key", "=", key)], limit=1)
            if existing:
                return existing
        attachments = msg_dict.get("attachments") or []
        kept = [
            attachment
            for attachment in attachments
            if len(attachment[1] or b"") <= MAX_ATTACHMENT_BYTES
        ]
        if len(kept) < len(attachments):
            _logger.warning(
                "Relationships mailbox: %s attachment(s) of mail %s over %s bytes "
                "not kept",
                len(attachments) - len(kept),
                msg_dict.get("message_id"),
                MAX_ATTACHMENT_BYTES,
            )
            msg_dict["attachments"] = kept
        summary = False
        if company.hr_capture_keep_body:
            text = html2plaintext(msg_dict.get("body") or "")
            summary = plaintext2html(text[: company.hr_capture_body_max_length])
        return Interaction.create(
            {
                "name": (read["subject"] or _("E-mail"))[:256],
                "date": read["date"],
                "interaction_type": "email",
                "source": "mailbox",
                "company_id": company.id,
                "user_id": user.id,
                "stakeholder_ids": [fields.Command.set(stakeholders.ids)],
                "internal_client_id": self._hr_capture_common_client(stakeholders).id,
                "summary": summary,
                "suggested_emails": "\n".join(unmatched) or False,
                "capture_key": key if msg_dict.get("message_id") else False,
            }
        )

    @api.model
    def _hr_capture_common_client(self, stakeholders):
        """The one internal client all these stakeholders belong to."""
        clients = None
        for stakeholder in stakeholders:
            mine = stakeholder.internal_client_ids.filtered(
                lambda c, s=stakeholder: c.company_id == s.company_id
            )
            clients = mine if clients is None else clients & mine
        if clients and len(clients) == 1:
            return clients
        return self.env["hr.internal.client"]
