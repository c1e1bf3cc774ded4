# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.hr_relationship.tools.record_check import is_record_id

# The same value and label as the capture bridge's relationships mailbox,
# which may be installed beside this module: both are mail from a mailbox
# that HR logged, and one value keeps the filters and the figures whole.
MAILBOX_SOURCE = [("mailbox", "Mailbox")]


class HrRelationshipInteraction(models.Model):
    """Interactions logged from a mail in Outlook or Gmail, through the mail
    plugin."""

    _inherit = "hr.relationship.interaction"

    source = fields.Selection(
        selection_add=MAILBOX_SOURCE,
        ondelete={value: "set default" for value, _label in MAILBOX_SOURCE},
    )

    @api.model
    def _hr_log_plugin_mail(self, stakeholder_id, body, subject=None, mail_date=None):
        """Log the mail the user has open in Outlook or Gmail as an e-mail
        interaction with the stakeholder ``stakeholder_id``. Every argument
        comes from the add-in as it sent it: each is checked before anything
        is written, and a stakeholder the user may not read is refused as
        one that does not exist."""
        env = self.env
        stakeholder = env["hr.stakeholder"]
        # Without the group the model itself is closed; the answer must be
        # the same as for a stakeholder that does not exist.
        if is_record_id(stakeholder_id) and env.user.has_group(RELATIONSHIP_USER):
            stakeholder = stakeholder.search([("id", "=", stakeholder_id)])
        if not stakeholder:
            raise UserError(
                env._("This stakeholder does not exist or you may not see them.")
            )
        if not isinstance(body, str) or not html2plaintext(body).strip():
            raise UserError(env._("The mail has no text to log."))
        name = subject.strip() if isinstance(subject, str) else ""
        clients = stakeholder.internal_client_ids
        return self.with_company(stakeholder.company_id).create(
            {
                "name": name
                or env._("Email with %(name)s", name=stakeholder.display_name),
                "date": self._hr_plugin_mail_date(mail_date),
                "interaction_type": "email",
                "source": MAILBOX_SOURCE[0][0],
                "company_id": stakeholder.company_id.id,
                "stakeholder_ids": [Command.set(stakeholder.ids)],
                # As the stakeholder's Log Interaction button does.
                "internal_client_id": clients.id if len(clients) == 1 else False,
                "summary": body,
            }
        )

    @api.model
    def _hr_plugin_mail_date(self, mail_date):
        """The day of the mail, which the add-in may send (``YYYY-MM-DD``, in
        the user's time zone); today without it. A mail that has been written
        lies in the past: a date after today would log a planned contact."""
        today = fields.Date.context_today(self)
        if not mail_date:
            return today
        try:
            if not isinstance(mail_date, str):
                raise ValueError(mail_date)
            day = fields.Date.to_date(mail_date)
        except ValueError:
            raise UserError(
                self.env._(
                    "The date of the mail must be a day written as YYYY-MM-DD, "
                    "not %(date)s.",
                    date=mail_date,
                )
            ) from None
        if day > today:
            raise UserError(
                self.env._(
                    "The mail is dated %(date)s, after today: only a mail that "
                    "has been written can be logged.",
                    date=mail_date,
                )
            )
        return day
