# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools.record_check import check_readable_values, checked_records


class HrRelationshipWizardGuard(models.AbstractModel):
    """For the addon's wizards and dialog lines: whatever a caller puts in
    their relational fields, by create, write, a default in the context or
    an onchange, points to records the caller may read.

    A wizard is a model like any other over RPC, and Odoo names the record a
    many2one points to as superuser: without this, filling a dialog line
    with any id would read back the name of another company's stakeholder.
    The lines the addon makes itself pass the same check: they name only
    records their user may read. The read check costs one query per model
    the values point to, not one per line."""

    _name = "hr.relationship.wizard.guard"
    _description = "Wizard Values the User May Read"

    # Each entry point first refuses malformed ids and the mixin itself,
    # which holds no records.
    @api.model
    def default_get(self, fields_list):
        checked_records(self)
        # What the caller puts in the context, before Odoo reads it, and
        # what the defaults make of it (an active_id, for instance).
        check_readable_values(
            self,
            [
                {
                    key.removeprefix("default_"): value
                    for key, value in self.env.context.items()
                    if isinstance(key, str) and key.startswith("default_")
                }
            ],
        )
        defaults = super().default_get(fields_list)
        check_readable_values(self, [defaults])
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        checked_records(self)
        check_readable_values(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        checked_records(self)
        check_readable_values(self, [vals])
        return super().write(vals)

    def onchange(self, values, field_names, fields_spec):
        checked_records(self)
        check_readable_values(self, [values])
        return super().onchange(values, field_names, fields_spec)
