# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import checked_records
from .hr_project_stakeholder import link_search, support_index, sync_positions


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
    hr_project_stakeholder_ids = fields.One2many(
        "hr.project.stakeholder",
        "project_id",
        string="Stakeholder Positions",
        groups=RELATIONSHIP_USER,
    )
    # The stakeholders as a plain set; editing it adds or removes positions.
    hr_stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        string="Stakeholders",
        compute="_compute_hr_stakeholder_ids",
        inverse="_inverse_hr_stakeholder_ids",
        search="_search_hr_stakeholder_ids",
        groups=RELATIONSHIP_USER,
    )
    hr_support_index = fields.Float(
        string="Support Index",
        compute="_compute_hr_support_index",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        groups=RELATIONSHIP_USER,
        help="Influence-weighted share of champions and supporters minus "
        "sceptics and blockers among the project's stakeholders, from -100 "
        "to 100.",
    )
    hr_support_trend = fields.Float(
        string="Support Trend",
        compute="_compute_hr_support_trend",
        digits=(5, 1),
        groups=RELATIONSHIP_USER,
        help="Change of the support index since the last month on record.",
    )
    hr_below_target_count = fields.Integer(
        string="Below Target",
        compute="_compute_hr_support_index",
        store=True,
        groups=RELATIONSHIP_USER,
        help="Stakeholders HR needs to be more supportive than they are now.",
    )
    hr_support_snapshot_ids = fields.One2many(
        "hr.project.support.snapshot",
        "project_id",
        string="Support History",
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

    @api.depends("hr_project_stakeholder_ids.project_id")
    def _compute_hr_stakeholder_ids(self):
        for project in self:
            project.hr_stakeholder_ids = (
                project.hr_project_stakeholder_ids.stakeholder_id
            )

    def _inverse_hr_stakeholder_ids(self):
        sync_positions(
            self,
            "hr_stakeholder_ids",
            "hr_project_stakeholder_ids",
            "project_id",
            "stakeholder_id",
        )

    def _search_hr_stakeholder_ids(self, operator, value):
        return link_search(
            "hr_project_stakeholder_ids", "stakeholder_id", operator, value
        )

    @api.depends(
        "hr_project_stakeholder_ids.attitude",
        "hr_project_stakeholder_ids.influence",
        "hr_project_stakeholder_ids.is_below_target",
    )
    def _compute_hr_support_index(self):
        # Runs as superuser (compute_sudo of stored fields): the index counts
        # every position, whoever looks at the project.
        Position = self.env["hr.project.stakeholder"]
        weights = defaultdict(dict)
        below = defaultdict(int)
        for project, attitude, below_target, influence, count in Position._read_group(
            [("project_id", "in", self._origin.ids)],
            ["project_id", "attitude", "is_below_target"],
            ["influence:sum", "__count"],
        ):
            project_weights = weights[project.id]
            project_weights[attitude] = project_weights.get(attitude, 0) + influence
            if below_target:
                below[project.id] += count
        for project in self:
            project.hr_support_index = support_index(weights[project._origin.id])
            project.hr_below_target_count = below[project._origin.id]

    def _compute_hr_support_trend(self):
        # The last snapshot of an earlier month is what "now" is compared to.
        month = fields.Date.context_today(self).replace(day=1)
        previous = {}
        for snapshot in self.env["hr.project.support.snapshot"].search(
            [("project_id", "in", self._origin.ids), ("month", "<", month)],
            order="month desc",
        ):
            previous.setdefault(snapshot.project_id.id, snapshot.support_index)
        for project in self:
            before = previous.get(project._origin.id)
            project.hr_support_trend = (
                project.hr_support_index - before if before is not None else 0.0
            )

    @api.readonly
    def action_view_hr_positions(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.hr_project_stakeholder_action"
        )
        action.update(
            name=self.env._("Stakeholders of %s", self.display_name),
            domain=[("project_id", "=", self.id)],
            context={"default_project_id": self.id},
        )
        return action

    @api.readonly
    def action_view_hr_support_history(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.hr_project_support_snapshot_action"
        )
        action.update(
            name=self.env._("Support for %s", self.display_name),
            domain=[("project_id", "=", self.id)],
        )
        return action

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

    def _compute_hr_interaction_count(self):
        counts = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("project_id", "in", self._origin.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.hr_interaction_count = counts.get(project._origin, 0)

    @api.readonly
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
