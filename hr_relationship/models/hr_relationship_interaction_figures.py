# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# What an interaction changes in the health and network figures.
FIGURE_FIELDS = {
    "date",
    "stakeholder_ids",
    "internal_client_id",
    "user_id",
    "sentiment",
    "company_id",
}


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

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        self.env["hr.relationship.health.mixin"]._refresh_touched(
            *interactions._touched_relationships()
        )
        return interactions

    def write(self, vals):
        if not FIGURE_FIELDS & set(vals):
            return super().write(vals)
        stakeholders, clients = self._touched_relationships()
        result = super().write(vals)
        # Those it left as well as those it now concerns.
        stakeholders_after, clients_after = self._touched_relationships()
        self.env["hr.relationship.health.mixin"]._refresh_touched(
            stakeholders | stakeholders_after, clients | clients_after
        )
        return result

    def unlink(self):
        stakeholders, clients = self._touched_relationships()
        result = super().unlink()
        self.env["hr.relationship.health.mixin"]._refresh_touched(stakeholders, clients)
        return result
