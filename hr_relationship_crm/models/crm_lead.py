# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "hr.relationship.guarded.fields"]

    referred_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Referred by Stakeholder",
        index="btree_not_null",
        tracking=True,
        groups="hr_relationship.group_hr_relationship_user",
        help="The stakeholder or ambassador who brought in this opportunity.",
    )
