# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.record_check import checked_records


class HrRelationshipCommitmentMixin(models.AbstractModel):
    """Counts and opens what HR promised a record; ``_commitment_field``
    names the field of hr.relationship.commitment that points to it."""

    _name = "hr.relationship.commitment.mixin"
    _description = "Commitments to a Relationship"
    _commitment_field = None

    commitment_open_count = fields.Integer(
        string="Open Commitments", compute="_compute_commitment_counts"
    )
    commitment_overdue_count = fields.Integer(
        string="Overdue Commitments", compute="_compute_commitment_counts"
    )

    def _compute_commitment_counts(self):
        Commitment = self.env["hr.relationship.commitment"]
        in_self = [(self._commitment_field, "in", self._origin.ids)]

        def counts(domain):
            return dict(
                Commitment._read_group(
                    in_self + domain, [self._commitment_field], ["__count"]
                )
            )

        open_counts = counts([("state", "=", "open")])
        overdue_counts = counts(Commitment._overdue_domain())
        for record in self:
            record.commitment_open_count = open_counts.get(record._origin, 0)
            record.commitment_overdue_count = overdue_counts.get(record._origin, 0)

    @api.readonly
    def action_view_commitments(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.commitment"]._action_for(
            self.env._("Commitments to %s", self.display_name),
            [(self._commitment_field, "=", self.id)],
            {
                f"default_{self._commitment_field}": self.id,
                # Created in the record's company, whichever is active.
                "default_company_id": self.company_id.id,
                "search_default_open": 1,
            },
        )
