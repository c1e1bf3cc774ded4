# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import AccessError

from .hr_relationship_health_snapshot import HEALTH_STATES


class HrRelationshipHealthMixin(models.AbstractModel):
    """Health of a relationship, shared by stakeholders and internal clients.

    It depends on today's date, so the daily refresh of
    hr.relationship.health.snapshot writes it rather than a compute."""

    _name = "hr.relationship.health.mixin"
    _description = "Relationship Health"

    health_score = fields.Float(
        digits=(5, 1),
        aggregator="avg",
        readonly=True,
        help="0-100, from satisfaction (CSAT for internal clients), NPS, contact "
        "recency and sentiment; empty when none of them is known.",
    )
    health_state = fields.Selection(
        HEALTH_STATES, default="attention", readonly=True, group_expand=True
    )

    def action_refresh_health(self):
        if not self.env.user.has_group("hr_relationship.group_hr_relationship_manager"):
            raise AccessError(
                _("Only relationship administrators can refresh health scores.")
            )
        self._refresh_health()
        return True

    def _refresh_health(self):
        self.env["hr.relationship.health.snapshot"]._refresh_health(
            self._name, self.ids
        )
