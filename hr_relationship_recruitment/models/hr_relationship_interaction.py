# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

RECRUITMENT_USER = "hr_recruitment.group_hr_recruitment_user"


class HrRelationshipInteraction(models.Model):
    """Steps of a candidate's recruitment process, recorded by Recruitment
    itself among the interactions of the candidate's stakeholder record."""

    _inherit = "hr.relationship.interaction"

    interaction_type = fields.Selection(
        selection_add=[("recruitment", "Recruitment Step")],
        ondelete={"recruitment": "set default"},
    )
    source = fields.Selection(
        selection_add=[("recruitment", "Recruitment")],
        ondelete={"recruitment": "set default"},
    )
    applicant_id = fields.Many2one(
        "hr.applicant",
        string="Application",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        groups=RECRUITMENT_USER,
        help="The application whose step this interaction records.",
    )
