# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models

from .record_check import checked_records

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"


class ProjectProject(models.Model):
    _name = "project.project"
    _inherit = ["project.project", "hr.relationship.guarded.fields"]

    internal_client_id = fields.Many2one(
        "hr.internal.client",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        groups=RELATIONSHIP_USER,
        help="The internal client this HR project is for.",
    )
    hr_stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        "hr_stakeholder_project_rel",
        "project_id",
        "stakeholder_id",
        string="Stakeholders",
        check_company=True,
        groups=RELATIONSHIP_USER,
    )
    hr_interaction_ids = fields.One2many(
        "hr.relationship.interaction",
        "project_id",
        string="Interactions",
        groups=RELATIONSHIP_USER,
    )
    hr_interaction_count = fields.Integer(
        compute="_compute_hr_interaction_count", groups=RELATIONSHIP_USER
    )

    def _compute_hr_interaction_count(self):
        counts = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("project_id", "in", self._origin.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.hr_interaction_count = counts.get(project._origin, 0)

    def action_view_hr_interactions(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_for(
            _("Interactions on %s", self.display_name),
            [("project_id", "=", self.id)],
            {
                "default_project_id": self.id,
                "default_internal_client_id": self.internal_client_id.id,
            },
        )

    def action_log_hr_interaction(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_log(
            {
                "default_project_id": self.id,
                "default_internal_client_id": self.internal_client_id.id,
            }
        )
