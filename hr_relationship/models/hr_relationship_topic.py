# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrRelationshipTopic(models.Model):
    """A theme people raise with HR (workload, hiring speed, ...), tagged on
    interactions and concerns so that recurring themes show in reporting."""

    _name = "hr.relationship.topic"
    _description = "HR Relationship Topic"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(aggregator=None)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint(
        "unique(name)",
        "A topic with this name already exists.",
    )
