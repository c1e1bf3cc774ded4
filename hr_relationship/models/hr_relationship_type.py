# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PERSON_KINDS = [
    ("any", "Anyone"),
    ("employee", "Employee"),
    ("contact", "Contact"),
]


class HrRelationshipType(models.Model):
    """A kind of relation between two persons, read one way from the left
    person ("mentor of") and the other way from the right ("mentee of")."""

    _name = "hr.relationship.type"
    _description = "Type of Relation between Persons"
    _order = "sequence, name, id"

    name = fields.Char(
        required=True,
        translate=True,
        help="The relation as seen from the left person, e.g. 'Mentor of'.",
    )
    name_inverse = fields.Char(
        string="Inverse Name",
        compute="_compute_name_inverse",
        store=True,
        readonly=False,
        translate=True,
        help="The relation as seen from the right person, e.g. 'Mentee of'.",
    )
    symmetric = fields.Boolean(
        help="The relation reads the same from both sides, e.g. 'Former colleague of'."
    )
    left_kind = fields.Selection(
        PERSON_KINDS,
        string="Left Person",
        required=True,
        default="any",
        help="Which kind of person the left side may be.",
    )
    right_kind = fields.Selection(
        PERSON_KINDS,
        string="Right Person",
        required=True,
        default="any",
        help="Which kind of person the right side may be.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer(aggregator=None)

    @api.depends("name", "symmetric")
    def _compute_name_inverse(self):
        for relation_type in self:
            if relation_type.symmetric or not relation_type.name_inverse:
                relation_type.name_inverse = relation_type.name

    @api.constrains("symmetric", "left_kind", "right_kind", "name", "name_inverse")
    def _check_symmetric(self):
        for relation_type in self:
            if not relation_type.symmetric:
                continue
            if relation_type.left_kind != relation_type.right_kind:
                raise ValidationError(
                    self.env._(
                        "The symmetric relation type %(name)s must allow the "
                        "same kind of person on both sides.",
                        name=relation_type.name,
                    )
                )
            if relation_type.name_inverse != relation_type.name:
                raise ValidationError(
                    self.env._(
                        "The symmetric relation type %(name)s reads the same "
                        "from both sides: its inverse name must be its name.",
                        name=relation_type.name,
                    )
                )

    def _label(self, inverse):
        """The name of this type seen from the right person when ``inverse``."""
        self.ensure_one()
        return self.name_inverse if inverse and not self.symmetric else self.name
