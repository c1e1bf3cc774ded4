# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .hr_relationship_health_snapshot import HEALTH_STATES
from .record_check import checked_records

# Longest contact cadence, in days: ten years is already "no plan".
MAX_CADENCE_DAYS = 3650


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
        HEALTH_STATES, default="not_scored", readonly=True, group_expand=True
    )

    def action_refresh_health(self):
        checked_records(self)
        if not self.env.user.has_group("hr_relationship.group_hr_relationship_manager"):
            raise AccessError(
                _("Only relationship administrators can refresh health scores.")
            )
        self._refresh_health()
        return True

    @api.constrains("contact_cadence_days")
    def _check_contact_cadence_days(self):
        # Both kinds of relationship have a cadence, which recency reads.
        for record in self:
            if not 0 <= record.contact_cadence_days <= MAX_CADENCE_DAYS:
                raise ValidationError(
                    _(
                        "The contact cadence of %(name)s must be between 0 and "
                        "%(max)s days, not %(days)s.",
                        name=record.display_name,
                        max=MAX_CADENCE_DAYS,
                        days=record.contact_cadence_days,
                    )
                )

    @api.model
    def _refresh_contact_dates(self, record_ids=None):
        """Bring the stored contact dates of these records (all when None)
        up to today, set-based; returns the number of rows changed."""
        raise NotImplementedError

    def _refresh_health(self):
        # Recency is part of health: bring the contact dates up to date first.
        self._refresh_contact_dates(self.ids)
        self.env["hr.relationship.health.snapshot"]._refresh_health(
            self._name, self.ids
        )
