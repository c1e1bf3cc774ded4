# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from odoo.addons.project.models.project_task import CLOSED_STATES

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import checked_records

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
    # Answered by the lead of an internal client on "My HR partnership".
    hr_client_feedback = fields.Selection(
        [("helped", "It Helped"), ("not_helped", "It Did Not Help")],
        string="Did This Help?",
        readonly=True,
        copy=False,
        help="What the lead of the internal client said once the action was done.",
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

    def write(self, vals):
        if "hr_client_feedback" in vals and not self.env.su:
            # The lead's answer, given with its button only: it logs the
            # interaction that feeds the client's health.
            raise AccessError(
                self.env._(
                    "Whether an improvement action helped is answered by the lead "
                    "of its internal client, on their HR partnership page."
                )
            )
        return super().write(vals)

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

    # ------------------------------------------------------------
    # "Did this help?", from the internal client's own page
    # ------------------------------------------------------------

    def action_hr_feedback_helped(self):
        return self._hr_give_client_feedback("helped")

    def action_hr_feedback_not_helped(self):
        return self._hr_give_client_feedback("not_helped")

    def _hr_give_client_feedback(self, answer):
        """Record the client lead's answer on a finished improvement action
        and log it as a feedback interaction with each internal client of
        theirs it was for: its sentiment feeds the client's health, as any
        interaction's does."""
        task = checked_records(self, single=True)
        led = self.env["hr.internal.client.partnership"].search(
            [("id", "in", task.sudo().hr_internal_client_ids.ids)]
        )
        if not led:
            raise AccessError(
                self.env._(
                    "Only the lead of an internal client that %(action)s was for "
                    "can say whether it helped.",
                    action=task.name,
                )
            )
        if task.state != DONE_STATE:
            raise UserError(
                self.env._(
                    "%(action)s is not finished yet: say whether it helped once "
                    "HR has done it.",
                    action=task.name,
                )
            )
        if task.hr_client_feedback:
            raise UserError(
                self.env._(
                    "%(action)s was already answered: %(answer)s.",
                    action=task.name,
                    answer=dict(
                        self._fields["hr_client_feedback"]._description_selection(
                            self.env
                        )
                    )[task.hr_client_feedback],
                )
            )
        helped = answer == "helped"
        label = dict(
            self._fields["hr_client_feedback"]._description_selection(self.env)
        )[answer]
        task.sudo().hr_client_feedback = answer
        clients = self.env["hr.internal.client"].sudo().browse(led.ids)
        self.env["hr.relationship.interaction"].sudo().create(
            [
                {
                    "name": self.env._(
                        "Did %(action)s help? %(answer)s",
                        action=task.name,
                        answer=label,
                    ),
                    "interaction_type": "feedback",
                    "source": "client_page",
                    "internal_client_id": client.id,
                    "company_id": client.company_id.id,
                    "user_id": (client.hr_partner_id or self.env.user).id,
                    "sentiment": "positive" if helped else "negative",
                    "summary": Markup("<p>%s</p>")
                    % self.env._(
                        "%(lead)s answered on their HR partnership page.",
                        lead=self.env.user.name,
                    ),
                }
                for client in clients
            ]
        )
        task.sudo().message_post(
            body=self.env._(
                "%(lead)s, lead of %(clients)s: %(answer)s",
                lead=self.env.user.name,
                clients=", ".join(clients.mapped("name")),
                answer=label,
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True
