# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.sql import escape_psql

from odoo.addons.hr_relationship.models.hr_relationship_concern import OPEN_STATES

# Cards one mail shows at most: a person is a stakeholder once per company
# at most in practice, so more would be a mismatch rather than a relationship.
MAX_CARDS = 5


class HrStakeholder(models.Model):
    """A stakeholder as the mail plugin shows them beside a mail in Outlook
    or Gmail: their relationship card."""

    _inherit = "hr.stakeholder"

    @api.model
    def _hr_mail_plugin_of(self, partner):
        """The stakeholders behind ``partner``, the contact the mail plugin
        found for a mail's sender: the contact itself (an external person),
        an employee's work contact, or a stakeholder whose address is the
        contact's. Searched as the current user, so that the record rules
        leave out whom they may not read, without a trace."""
        if not partner:
            return self.browse()
        domain = Domain("person_partner_id", "=", partner.id) | Domain(
            "partner_id", "=", partner.id
        )
        if partner.email_normalized:
            # =ilike compares without case; the address must not act as a
            # pattern (an underscore matches any character).
            domain |= Domain("email", "=ilike", escape_psql(partner.email_normalized))
        return self.search(domain, limit=MAX_CARDS)

    def _hr_mail_plugin_cards(self):
        """The relationship card of each of these stakeholders, as plain JSON
        values in the user's language. Read as the current user: what the
        record rules hide (a concern, an internal client of another company)
        stays out. The relationship profile (approach notes, personal
        interests, motivators) is never read: it does not leave Odoo.
        Commitments are not part of the card: the addon has none yet."""
        env = self.env
        relation_labels = dict(
            self._fields["relation_type"]._description_selection(env)
        )
        health_labels = dict(self._fields["health_state"]._description_selection(env))
        Concern = env["hr.relationship.concern"]
        concern_labels = dict(Concern._fields["state"]._description_selection(env))
        concerns = Concern.search(
            [("stakeholder_id", "in", self.ids), ("state", "in", OPEN_STATES)]
        ).grouped("stakeholder_id")
        readable_clients = self.internal_client_ids._filtered_access("read")
        readable_owners = self.owner_id._filtered_access("read")
        return [
            {
                "id": stakeholder.id,
                "name": stakeholder.name,
                "relation_type": stakeholder.relation_type,
                "relation_type_label": relation_labels[stakeholder.relation_type],
                "owner": {
                    "id": stakeholder.owner_id.id,
                    "name": stakeholder.owner_id.name,
                }
                if stakeholder.owner_id in readable_owners
                else False,
                "health": stakeholder._hr_mail_plugin_health(health_labels),
                "last_contact": fields.Date.to_string(
                    stakeholder.last_interaction_date
                ),
                "next_contact": fields.Date.to_string(stakeholder.next_contact_date),
                "is_contact_overdue": stakeholder.is_contact_overdue,
                "open_concerns": [
                    {
                        "id": concern.id,
                        "name": concern.name,
                        "state": concern.state,
                        "state_label": concern_labels[concern.state],
                        "deadline": fields.Date.to_string(concern.deadline),
                        "is_overdue": concern.is_overdue,
                    }
                    for concern in concerns.get(stakeholder, Concern)
                ],
                "internal_clients": [
                    {"id": client.id, "name": client.name}
                    for client in stakeholder.internal_client_ids & readable_clients
                ],
            }
            for stakeholder in self
        ]

    def _hr_mail_plugin_health(self, labels):
        self.ensure_one()
        scored = self.health_state != "not_scored"
        return {
            # A relationship nothing is known of yet has no score, not 0.
            "score": self.health_score if scored else False,
            "state": self.health_state,
            "state_label": labels[self.health_state],
            "reasons": (self.health_reasons or "").splitlines(),
        }
