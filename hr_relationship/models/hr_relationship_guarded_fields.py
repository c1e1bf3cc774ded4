# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, models
from odoo.fields import Domain

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
        for name in sorted(guarded):
            self._check_field_access(self._fields[name], "read")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # The keyword arguments go through as they came: Odoo 19.0's ORM
        # passes active_test and bypass_access to _search. The domain may
        # come as a list or as a Domain.
        names = [
            condition.field_expr.split(".", 1)[0]
            for condition in Domain(domain or []).iter_conditions()
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

    def _hr_hidden_copy_fields(self, default=None):
        """The guarded fields a copy takes over that the user may not read:
        Odoo refuses to create a record with them in the user's values."""
        if self.env.su:
            return []
        return [
            name
            for name in self._hr_guarded_fields()
            if name not in (default or {})
            and self._fields[name].copy
            and not self._has_field_access(self._fields[name], "read")
        ]

    def copy_data(self, default=None):
        # Duplicating a record stays possible for users outside the groups:
        # the values they cannot see are left out of the copy's values (which
        # the user could read and create with) and written on the copy
        # afterwards, as superuser (_hr_copy_hidden_values).
        checked_records(self)
        default = dict(default or {})
        hidden = self._hr_hidden_copy_fields(default)
        if not hidden:
            return super().copy_data(default)
        # Given as defaults, Odoo does not read them as the user.
        vals_list = super().copy_data({**default, **dict.fromkeys(hidden, False)})
        for vals in vals_list:
            for name in hidden if vals else ():
                vals.pop(name, None)
        return vals_list

    def copy(self, default=None):
        copies = super().copy(default)
        self._hr_copy_hidden_values(copies, default)
        return copies

    def _hr_copy_hidden_values(self, copies, default=None):
        """Write on ``copies`` (made from ``self``, in the same order) the
        guarded values that copy_data left out, as superuser."""
        hidden = self._hr_hidden_copy_fields(default)
        if not hidden:
            return
        for record, copy in zip(self.sudo(), copies.sudo(), strict=True):
            values = {}
            for name in hidden:
                field = self._fields[name]
                value = record[name]
                values[name] = (
                    [Command.set(value.ids)]
                    if field.type == "many2many"
                    else field.convert_to_write(value, record)
                )
            copy.write(values)
