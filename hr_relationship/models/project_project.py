# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from .field_access import check_x2many_field_access

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"


class ProjectProject(models.Model):
    _inherit = "project.project"

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

    # A project is closed when its status is set to Done (the last project
    # update says so) or it moves to a folded stage: Odoo 18 has no other
    # notion of a finished project. Those fields, and last_update_id which a
    # new project update sets, are the writes that can close one.
    _HR_CLOSING_FIELDS = {"stage_id", "last_update_status", "last_update_id"}

    def _hr_is_closed(self):
        self.ensure_one()
        return self.last_update_status == "done" or bool(self.stage_id.fold)

    def write(self, vals):
        if (
            self.env.context.get("hr_closing_checked")
            or not self._HR_CLOSING_FIELDS & vals.keys()
        ):
            return super().write(vals)
        projects = self.sudo()
        were_closed = projects.filtered(lambda p: p._hr_is_closed())
        # Setting the status writes again (a project update sets
        # last_update_id): only this outer write looks at the closing.
        result = super(
            ProjectProject, self.with_context(hr_closing_checked=True)
        ).write(vals)
        closed = projects.filtered(lambda p: p.internal_client_id and p._hr_is_closed())
        if closed - were_closed:
            self.env["hr.satisfaction.survey"]._send_pulses_for_projects(
                closed - were_closed
            )
        return result

    @api.model
    def _search(self, domain, *args, **kwargs):
        check_x2many_field_access(self, domain)
        return super()._search(domain, *args, **kwargs)

    def _compute_hr_interaction_count(self):
        counts = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("project_id", "in", self._origin.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.hr_interaction_count = counts.get(project._origin, 0)

    def action_view_hr_interactions(self):
        self.ensure_one()
        return self.env["hr.relationship.interaction"]._action_for(
            _("Interactions on %s", self.display_name),
            [("project_id", "=", self.id)],
            {
                "default_project_id": self.id,
                "default_internal_client_id": self.internal_client_id.id,
            },
        )

    def action_log_hr_interaction(self):
        self.ensure_one()
        return self.env["hr.relationship.interaction"]._action_log(
            {
                "default_project_id": self.id,
                "default_internal_client_id": self.internal_client_id.id,
            }
        )
