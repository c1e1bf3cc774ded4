# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class HrRelationshipGuardedFields(models.AbstractModel):
    """The fields this module adds to CRM's leads are guarded as the core's
    are on Odoo's other models."""

    _inherit = "hr.relationship.guarded.fields"

    @api.model
    def _hr_guarded_modules(self):
        return super()._hr_guarded_modules() | {"hr_relationship_crm"}
