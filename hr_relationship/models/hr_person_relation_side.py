# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.record_check import checked_records
from .hr_person_relation import readable_persons_domain

INVERSE_SUFFIX = "_inverse"


class HrPersonRelationSide(models.Model):
    """Each relation between persons twice, once from each person: what a
    form shows as "this person's relations", with the relation named the way
    it reads from this side. Rows are written through to the relation.

    Row ids are ``2 * relation id`` (from the left person) and
    ``2 * relation id + 1`` (from the right person)."""

    _name = "hr.person.relation.side"
    _description = "Relation between Persons, Seen from One Side"
    _auto = False
    _order = "date_start desc, id desc"

    relation_id = fields.Many2one(
        "hr.person.relation", string="Relation Record", readonly=True
    )
    # Dropping a row from a person's list deletes the relation, rather than
    # leaving it without that person.
    this_partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    side_type = fields.Selection(
        selection="_selection_side_type",
        string="Relation",
        required=True,
        help="The relation as it reads from this person.",
    )
    other_partner_id = fields.Many2one(
        "res.partner", string="Related Person", required=True
    )
    type_id = fields.Many2one("hr.relationship.type", readonly=True)
    is_inverse = fields.Boolean(readonly=True)
    date_start = fields.Date(string="Since")
    date_end = fields.Date(string="Until")
    is_active = fields.Boolean(
        string="Current",
        compute="_compute_is_active",
        search="_search_is_active",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    note = fields.Text()

    @api.model
    def _selection_side_type(self):
        selection = []
        for relation_type in (
            self.env["hr.relationship.type"]
            .sudo()
            .with_context(active_test=False)
            .search([])
        ):
            selection.append((str(relation_type.id), relation_type.name))
            if not relation_type.symmetric:
                selection.append(
                    (f"{relation_type.id}{INVERSE_SUFFIX}", relation_type.name_inverse)
                )
        return selection

    def init(self):
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT rel.id * 2 AS id, rel.id AS relation_id,
                           rel.left_partner_id AS this_partner_id,
                           rel.right_partner_id AS other_partner_id,
                           rel.type_id, FALSE AS is_inverse,
                           rel.type_id::varchar AS side_type,
                           rel.date_start, rel.date_end, rel.company_id, rel.note
                      FROM hr_person_relation rel
                     WHERE rel.active
                    UNION ALL
                    SELECT rel.id * 2 + 1, rel.id,
                           rel.right_partner_id, rel.left_partner_id,
                           rel.type_id, TRUE,
                           CASE WHEN relation_type.symmetric
                                THEN rel.type_id::varchar
                                ELSE rel.type_id::varchar || %(suffix)s
                           END,
                           rel.date_start, rel.date_end, rel.company_id, rel.note
                      FROM hr_person_relation rel
                      JOIN hr_relationship_type relation_type
                        ON relation_type.id = rel.type_id
                     WHERE rel.active
                )
                """,
                view=SQL.identifier(self._table),
                suffix=INVERSE_SUFFIX,
            )
        )

    def _compute_is_active(self):
        for side in self:
            side.is_active = side.relation_id.is_active

    def _search_is_active(self, operator, value):
        return [("relation_id.is_active", operator, value)]

    @api.model
    def _search(self, domain, *args, **kwargs):
        # The relation's own visibility: its record rules and both persons.
        if not self.env.su:
            domain = [
                *(domain or []),
                ("relation_id", "any", []),
                *readable_persons_domain("this_partner_id", "other_partner_id"),
            ]
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _relation_values(self, vals, side=None):
        """Values of ``hr.person.relation`` for the side values ``vals``,
        completed from the existing row ``side`` when one is changed."""
        this = vals.get("this_partner_id", side and side.this_partner_id.id)
        other = vals.get("other_partner_id", side and side.other_partner_id.id)
        side_type = vals.get("side_type", side and side.side_type) or ""
        known = dict(self._selection_side_type())
        if side_type and side_type not in known:
            raise UserError(
                self.env._(
                    "%(value)r is not a relation type; use one of %(allowed)s.",
                    value=side_type,
                    allowed=", ".join(known.values()),
                )
            )
        inverse = side_type.endswith(INVERSE_SUFFIX)
        values = {
            fname: vals[fname]
            for fname in ("date_start", "date_end", "note")
            if fname in vals
        }
        if {"this_partner_id", "other_partner_id", "side_type"} & set(vals):
            values.update(
                type_id=int(side_type.removesuffix(INVERSE_SUFFIX) or 0) or False,
                left_partner_id=other if inverse else this,
                right_partner_id=this if inverse else other,
            )
        return values, inverse

    # The rows are a view: creating, writing and deleting them is done on
    # the relations they show, never on the view itself.
    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        Relation = self.env["hr.person.relation"]
        side_ids = []
        for vals in vals_list:
            values, inverse = self._relation_values(vals)
            relation = Relation.create(values)
            side_ids.append(relation.id * 2 + int(inverse))
        return self.browse(side_ids)

    def write(self, vals):  # pylint: disable=method-required-super
        for side in checked_records(self):
            values, __ = self._relation_values(vals, side)
            side.relation_id.write(values)
        self.invalidate_recordset()
        return True

    def unlink(self):  # pylint: disable=method-required-super
        checked_records(self).relation_id.unlink()
        return True
