# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from ..tools.record_check import checked_records
from .project_task import DONE_STATE, OPEN_TASK_DOMAIN, RELATIONSHIP_USER


class HrImprovementActionMixin(models.AbstractModel):
    """Open and done improvement actions (tasks of the HR service improvement
    projects) of a record; ``_improvement_field`` names the field of
    project.task that points to it."""

    _name = "hr.improvement.action.mixin"
    _description = "Improvement Actions of a Record"
    _improvement_field = None

    improvement_open_count = fields.Integer(
        string="Open Actions",
        compute="_compute_improvement_counts",
        groups=RELATIONSHIP_USER,
    )
    improvement_done_count = fields.Integer(
        string="Done Actions",
        compute="_compute_improvement_counts",
        groups=RELATIONSHIP_USER,
    )

    def _improvement_domain(self):
        return [
            (self._improvement_field, "in", self._origin.ids),
            ("company_id", "in", [False, *self.env.companies.ids]),
        ]

    def _compute_improvement_counts(self):
        # Counts only, as superuser: HR staff need not be project users, and
        # the improvement projects are open to every employee anyway. Limited
        # to the user's companies, like the tasks the counts open.
        Task = self.env["project.task"].sudo().with_context(active_test=False)
        open_counts = dict(
            Task._read_group(
                self._improvement_domain() + OPEN_TASK_DOMAIN,
                [self._improvement_field],
                ["__count"],
            )
        )
        done_counts = dict(
            Task._read_group(
                self._improvement_domain() + [("state", "=", DONE_STATE)],
                [self._improvement_field],
                ["__count"],
            )
        )
        for record in self:
            record.improvement_open_count = open_counts.get(record._origin, 0)
            record.improvement_done_count = done_counts.get(record._origin, 0)

    @api.readonly
    def action_view_improvement_actions(self):
        checked_records(self, single=True)
        return self.env["project.task"]._hr_improvement_action(
            _("Improvement Actions of %s", self.display_name),
            [(self._improvement_field, "in", self.ids)],
            {f"default_{self._improvement_field}": self._improvement_default()},
        )

    def _improvement_default(self):
        return self.id
