# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.project.models.project_task import CLOSED_STATES

from ..tools.groups import RELATIONSHIP_USER

DONE_STATE = "1_done"
OPEN_TASK_DOMAIN = [("state", "not in", list(CLOSED_STATES))]


class ProjectTask(models.Model):
    """Improvement actions are tasks of the company's HR service improvement
    project, linked to what they answer: an HR service, a campaign and the
    internal clients concerned."""

    _inherit = "project.task"

    hr_service_id = fields.Many2one(
        "hr.relationship.service",
        string="HR Service",
        index="btree_not_null",
        ondelete="set null",
        groups=RELATIONSHIP_USER,
        help="The HR service this improvement action works on.",
    )
    hr_campaign_id = fields.Many2one(
        "hr.satisfaction.survey",
        string="HR Campaign",
        index="btree_not_null",
        ondelete="set null",
        groups=RELATIONSHIP_USER,
        help="The customer-value campaign whose results led to this action.",
    )
    hr_internal_client_ids = fields.Many2many(
        "hr.internal.client",
        "project_task_hr_internal_client_rel",
        "task_id",
        "internal_client_id",
        string="HR Internal Clients",
        groups=RELATIONSHIP_USER,
        help="The internal clients this improvement action is for.",
    )

    @api.model
    def _search(self, domain, *args, **kwargs):
        # Only our field: project's own restricted x2many fields keep
        # project's rules. The domain may come as a list or as a Domain.
        if not self.env.su and any(
            condition.field_expr.split(".", 1)[0] == "hr_internal_client_ids"
            for condition in Domain(domain or []).iter_conditions()
        ):
            # Odoo checks field groups on columns, not through many2many.
            self._check_field_access(self._fields["hr_internal_client_ids"], "read")
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _hr_improvement_action(self, name, domain, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "project.task",
            "view_mode": "list,kanban,form",
            "views": [
                (
                    self.env.ref(
                        "hr_relationship.project_task_view_list_hr_improvement"
                    ).id,
                    "list",
                ),
                (False, "kanban"),
                (False, "form"),
            ],
            "domain": domain,
            "context": context,
        }
