# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from ..tools.record_check import checked_records
from .hr_relationship_concern import OPEN_STATES


class HrRelationshipConcernMixin(models.AbstractModel):
    """Counts and opens the concerns of a record; ``_concern_field`` names
    the field of hr.relationship.concern that points to it."""

    _name = "hr.relationship.concern.mixin"
    _description = "Concerns of a Relationship"
    _concern_field = None

    concern_count = fields.Integer(
        string="Open Concerns", compute="_compute_concern_count"
    )

    def _compute_concern_count(self):
        counts = dict(
            self.env["hr.relationship.concern"]._read_group(
                [
                    (self._concern_field, "in", self._origin.ids),
                    ("state", "in", OPEN_STATES),
                ],
                [self._concern_field],
                ["__count"],
            )
        )
        for record in self:
            record.concern_count = counts.get(record._origin, 0)

    @api.readonly
    def action_view_concerns(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.concern"]._action_for(
            _("Concerns of %s", self.display_name),
            [(self._concern_field, "=", self.id)],
            {
                f"default_{self._concern_field}": self.id,
                # Created in the record's company, whichever is active.
                "default_company_id": self.company_id.id,
                "search_default_open": 1,
            },
        )
