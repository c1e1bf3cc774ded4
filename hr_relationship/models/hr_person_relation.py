# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Archived contacts keep their relations; only the record rules filter.
ANY_PARTNER = [("active", "in", [True, False])]


def readable_persons_domain(*fnames):
    """Leaves keeping the rows whose persons the current user may read."""
    return [(fname, "any", ANY_PARTNER) for fname in fnames]


class HrPersonRelation(models.Model):
    """A typed, dated relation between two persons: contacts, or employees
    through their work contact. ``left_partner_id`` is what the type's name
    speaks of ("Anna *mentor of* Bob"), ``right_partner_id`` what its
    inverse name speaks of ("Bob *mentee of* Anna")."""

    _name = "hr.person.relation"
    _description = "Relation between Persons"
    _order = "date_start desc, id desc"

    left_partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
    )
    type_id = fields.Many2one(
        "hr.relationship.type",
        string="Relation",
        required=True,
        index=True,
        ondelete="restrict",
    )
    right_partner_id = fields.Many2one(
        "res.partner",
        string="Related Person",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date_start = fields.Date(string="Since")
    date_end = fields.Date(string="Until")
    is_active = fields.Boolean(
        string="Current",
        compute="_compute_is_active",
        search="_search_is_active",
        help="The relation holds today: it started and has not ended.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        index=True,
        domain="[('share', '=', False)]",
    )
    note = fields.Text()

    @api.depends("left_partner_id", "type_id", "right_partner_id")
    def _compute_display_name(self):
        for relation in self:
            relation.display_name = self.env._(
                "%(left)s %(relation)s %(right)s",
                left=relation.left_partner_id.display_name or "",
                relation=(relation.type_id.name or "").lower(),
                right=relation.right_partner_id.display_name or "",
            )

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_active(self):
        today = fields.Date.context_today(self)
        for relation in self:
            relation.is_active = (
                not relation.date_start or relation.date_start <= today
            ) and (not relation.date_end or relation.date_end >= today)

    def _search_is_active(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Current relations can only be searched as true or false.")
            )
        today = fields.Date.context_today(self)
        current = [
            "&",
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") == value:
            return current
        return ["!", *current]

    @api.model
    def _employee_partners(self, partners):
        """The partners among ``partners`` that are the work contact of an
        employee: the type's kinds are about what a person is, which
        whoever records the relation may not be allowed to look up."""
        return (
            self.env["hr.employee"]
            .sudo()
            .search([("work_contact_id", "in", partners.ids)])
            .work_contact_id
        )

    @api.constrains("left_partner_id", "right_partner_id", "type_id")
    def _check_persons(self):
        employees = self._employee_partners(
            self.left_partner_id | self.right_partner_id
        )
        for relation in self:
            if relation.left_partner_id == relation.right_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be in a relation with themselves.",
                        person=relation.left_partner_id.display_name,
                    )
                )
            for partner, kind, side in (
                (relation.left_partner_id, relation.type_id.left_kind, "left"),
                (relation.right_partner_id, relation.type_id.right_kind, "right"),
            ):
                if kind == "any" or (kind == "employee") == (partner in employees):
                    continue
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be on the %(side)s side of "
                        "'%(type)s': that side must be %(kind)s.",
                        person=partner.display_name,
                        side=self.env._("left")
                        if side == "left"
                        else self.env._("right"),
                        type=relation.type_id.name,
                        kind=self.env._("an employee")
                        if kind == "employee"
                        else self.env._("a contact who is not an employee"),
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for relation in self:
            if (
                relation.date_start
                and relation.date_end
                and relation.date_end < relation.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The relation %(relation)s cannot end (%(end)s) before "
                        "it starts (%(start)s).",
                        relation=relation.display_name,
                        start=relation.date_start,
                        end=relation.date_end,
                    )
                )

    @api.model
    def _search(self, domain, *args, **kwargs):
        # A relation is only as visible as both persons in it: somebody the
        # user may not read stays out, and so do the lines to them.
        if not self.env.su:
            domain = [
                *(domain or []),
                *readable_persons_domain("left_partner_id", "right_partner_id"),
            ]
        return super()._search(domain, *args, **kwargs)
