# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrRelationshipService(models.Model):
    """A service HR delivers to its internal clients, whose importance and
    performance the customer-value survey measures."""

    _name = "hr.relationship.service"
    _description = "HR Service"
    _inherit = ["hr.improvement.action.mixin"]
    _order = "sequence, id"
    _improvement_field = "hr_service_id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _name_uniq = models.Constraint(
        "unique(name)",
        "An HR service with this name already exists.",
    )
