# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, models
from odoo.osv import expression

from ..tools.record_check import checked_records

MODULE = "hr_relationship"


def _spec_field(spec):
    """The field name of a read_group spec ("field", "field:agg", "a.b:day")."""
    return spec.split(":", 1)[0].split(".", 1)[0]


class HrRelationshipGuardedFields(models.AbstractModel):
    """For Odoo's models that this addon extends (contacts, employees,
    projects, leads, surveys): its fields there stay closed to users outside
    their groups for every way of reading them.

    The ORM checks field groups when it reads a record and when a domain or
    an aggregate reads a column, but not when a domain goes through a
    one2many or many2many, when read_group groups by a many2many, nor for a
    related field: grouping projects by stakeholder would list stakeholder
    names to anybody. Each of those routes checks the fields here."""

    _name = "hr.relationship.guarded.fields"
    _description = "Relationship Fields on a Shared Model"

    @api.model
    def _hr_guarded_modules(self):
        """The modules whose fields on this model are guarded: the addon's
        own. Each bridge module adds its name for the fields it defines."""
        return {MODULE}

    @api.model
    def _hr_guarded_fields(self):
        modules = self._hr_guarded_modules()
        return [
            name
            for name, field in self._fields.items()
            if field.groups and modules.intersection(field._modules or ())
        ]

    @api.model
    def _hr_check_guarded(self, names):
        if self.env.su:
            return
        guarded = set(self._hr_guarded_fields()).intersection(names)
        if guarded:
            self.check_field_access_rights("read", sorted(guarded))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The keyword arguments go through as they came: Odoo 19.0's ORM
        # passes active_test and bypass_access to _search.
        names = [
            leaf[0].split(".", 1)[0]
            for leaf in domain or ()
            if expression.is_leaf(leaf) and isinstance(leaf[0], str)
        ]
        names += [term.split()[0] for term in (order or "").split(",") if term.strip()]
        self._hr_check_guarded(names)
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    def _read_group_groupby(self, *args):
        # (groupby_spec, query) in Odoo 18.0, (alias, groupby_spec, query)
        # from 19.0: the spec is the second argument from the end in both.
        self._hr_check_guarded([_spec_field(args[-2])])
        return super()._read_group_groupby(*args)

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec != "__count":
            self._hr_check_guarded([_spec_field(aggregate_spec)])
        return super()._read_group_select(aggregate_spec, query)

    def copy_data(self, default=None):
        # Duplicating a record stays possible for users outside the groups:
        # the copy keeps the values they cannot see, read here as superuser.
        checked_records(self)
        default = dict(default or {})
        hidden = [
            name
            for name in self._hr_guarded_fields()
            if name not in default
            and self._fields[name].copy
            and not self._fields[name].is_accessible(self.env)
        ]
        if self.env.su or not hidden:
            return super().copy_data(default)
        vals_list = []
        for record in self:
            kept = {}
            for name in hidden:
                field = self._fields[name]
                value = record.sudo()[name]
                kept[name] = (
                    [Command.set(value.ids)]
                    if field.type == "many2many"
                    else field.convert_to_write(value, record)
                )
            vals_list += super(HrRelationshipGuardedFields, record).copy_data(
                {**default, **kept}
            )
        return vals_list
