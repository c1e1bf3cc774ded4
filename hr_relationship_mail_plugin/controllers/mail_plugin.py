# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.mail_plugin.controllers import mail_plugin

MODULE = "hr_relationship_mail_plugin"


class MailPluginController(mail_plugin.MailPluginController):
    """The relationship side of the Outlook and Gmail add-ins: the card of
    the stakeholder behind a mail's sender, and the mail logged as an
    interaction with them. Both exist for relationship users only."""

    def _get_contact_data(self, partner):
        """Add the ``hr_stakeholders`` key, the relationship cards of the
        stakeholders behind ``partner``, for relationship users; without the
        group the key is absent, as if this module were not installed."""
        contact_values = super()._get_contact_data(partner)
        if not request.env.user.has_group(RELATIONSHIP_USER):
            return contact_values
        Stakeholder = request.env["hr.stakeholder"]
        contact_values["hr_stakeholders"] = Stakeholder._hr_mail_plugin_of(
            partner
        )._hr_mail_plugin_cards()
        return contact_values

    @http.route(
        "/mail_plugin/hr_stakeholder/log_interaction",
        type="jsonrpc",
        auth="outlook",
        cors="*",
    )
    def hr_stakeholder_log_interaction(
        self, stakeholder_id=None, email_body=None, email_subject=None, email_date=None
    ):
        """Log the open mail as an interaction with a stakeholder.

        :param stakeholder_id: id of the stakeholder, from their card
        :param email_body: body of the mail (HTML)
        :param email_subject: subject of the mail
        :param email_date: day of the mail (YYYY-MM-DD), today if not given
        :return: ``{"interaction_id", "name"}``, or ``{"error": message}``
            (in the user's language) when nothing was logged
        """
        # Optional parameters, so that a missing one is refused with a readable
        # message (the model checks each) rather than a server error; the
        # savepoint undoes whatever a refused creation wrote before its own
        # checks failed, since the answer below is no error to the request.
        try:
            with request.env.cr.savepoint():
                interaction = request.env[
                    "hr.relationship.interaction"
                ]._hr_log_plugin_mail(
                    stakeholder_id, email_body, email_subject, email_date
                )
        except UserError as error:
            return {"error": error.args[0]}
        return {"interaction_id": interaction.id, "name": interaction.name}

    def _translation_modules_whitelist(self):
        modules_whitelist = super()._translation_modules_whitelist()
        if not request.env.user.has_group(RELATIONSHIP_USER):
            return modules_whitelist
        return modules_whitelist + [MODULE]
