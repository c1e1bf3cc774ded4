# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools.record_check import checked_records

# What an interaction changes in the health and network figures.
FIGURE_FIELDS = {
    "date",
    "stakeholder_ids",
    "internal_client_id",
    "user_id",
    "sentiment",
    "sentiment_chosen",
    "company_id",
}
# What changes the sentiment suggested from the text, and so the sentiment
# where nobody chose one: the figures follow when it does.
SENTIMENT_TEXT_FIELDS = {"name", "summary"}
# Set by a batch that refreshes the figures once at its end rather than at
# each of its writes (the capture of meetings, in hr_relationship_capture).
FIGURES_LATER_CONTEXT = "hr_relationship_figures_later"


class HrRelationshipInteraction(models.Model):
    """Health and network figures follow the interactions as they are
    logged, changed and deleted, instead of waiting for the nightly jobs."""

    _inherit = "hr.relationship.interaction"  # pylint: disable=consider-merging-classes-inherited

    def _touched_relationships(self):
        """The stakeholders and internal clients whose figures these
        interactions feed: a client's network counts its stakeholders'
        contacts too."""
        interactions = self.sudo()
        stakeholders = interactions.stakeholder_ids
        clients = interactions.internal_client_id | stakeholders.internal_client_ids
        return stakeholders, clients

    @api.model
    def _refresh_figures(self, stakeholders, clients):
        if not self.env.context.get(FIGURES_LATER_CONTEXT):
            self.env["hr.relationship.health.mixin"]._refresh_touched(
                stakeholders, clients
            )

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        self._refresh_figures(*interactions._touched_relationships())
        return interactions

    def write(self, vals):
        if not FIGURE_FIELDS & set(vals):
            if SENTIMENT_TEXT_FIELDS & set(vals):
                return self._write_sentiment_text(vals)
            return super().write(vals)
        stakeholders, clients = self._touched_relationships()
        result = super().write(vals)
        # Those it left as well as those it now concerns.
        stakeholders_after, clients_after = self._touched_relationships()
        self._refresh_figures(
            stakeholders | stakeholders_after, clients | clients_after
        )
        return result

    def _write_sentiment_text(self, vals):
        before = {interaction: interaction.sentiment for interaction in self}
        result = super().write(vals)
        changed = self.filtered(lambda i: i.sentiment != before[i])
        if changed:
            self._refresh_figures(*changed._touched_relationships())
        return result

    def unlink(self):
        checked_records(self)
        stakeholders, clients = self._touched_relationships()
        result = super().unlink()
        self._refresh_figures(stakeholders, clients)
        return result
