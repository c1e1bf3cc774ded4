# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class HrRelationshipOwnerMixin(models.AbstractModel):
    """Relationships nobody in HR carries: no owner, or an owner whose user
    was archived (someone left without handing over). Archiving a user is
    never blocked for this; the orphans show in their report instead."""

    _name = "hr.relationship.owner.mixin"
    _description = "Relationship Without an Owner"

    owner_missing = fields.Boolean(
        string="Without an Owner",
        compute="_compute_owner_missing",
        search="_search_owner_missing",
        help="Nobody in HR carries this relationship: it has no owner, or its "
        "owner's user is archived.",
    )

    @api.model
    def _handover_owner_field(self):
        return self._health_owner_field()

    @api.depends_context("uid")
    def _compute_owner_missing(self):
        field = self._handover_owner_field()
        for record in self:
            owner = record.sudo()[field]
            record.owner_missing = not owner or not owner.active

    @api.model
    def _search_owner_missing(self, operator, value):
        # Odoo hands a boolean over as "in"/"not in" a list, or as "="/"!=".
        if operator in ("=", "!="):
            operator, value = ("in" if operator == "=" else "not in"), [value]
        if operator not in ("in", "not in") or not set(value) <= {True, False}:
            raise UserError(
                self.env._("Relationships without an owner are searched as yes or no.")
            )
        wanted = (True in value) == (operator == "in")
        field = self._handover_owner_field()
        inactive = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            ._search([("active", "=", False)])
        )
        domain = Domain(field, "=", False) | Domain(field, "in", inactive)
        return domain if wanted else ~domain
