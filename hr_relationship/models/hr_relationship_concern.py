# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

OPEN_STATES = ("new", "in_progress")
CLOSED_STATES = ("resolved", "declined")
# Days a concern logged from an interaction gets before it is due.
DEFAULT_DEADLINE_DAYS = 14


class HrRelationshipConcern(models.Model):
    """Something a stakeholder or internal client raised with HR, followed
    up by an owner until it is resolved or declined."""

    _name = "hr.relationship.concern"
    _description = "HR Relationship Concern"
    _inherit = ["hr.relationship.followup.mixin"]
    _followup_view_mode = "kanban,list,form"
    _order = "deadline asc, id desc"

    name = fields.Char(string="Concern", required=True, tracking=True)
    stakeholder_id = fields.Many2one(string="Raised By")
    project_id = fields.Many2one(
        "project.project", check_company=True, index="btree_not_null"
    )
    interaction_id = fields.Many2one(string="Raised In")
    topic_ids = fields.Many2many(
        "hr.relationship.topic",
        "hr_relationship_concern_topic_rel",
        "concern_id",
        "topic_id",
        string="Topics",
    )
    deadline = fields.Date(tracking=True, index=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("declined", "Declined"),
        ],
        string="Status",
        default="new",
        required=True,
        tracking=True,
        group_expand=True,
    )
    resolution = fields.Html(
        help="What HR did about the concern, or why it was declined."
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    # Set once the owner got the overdue to-do, so the daily job never
    # schedules a second one; a new deadline resets it.
    overdue_activity_sent = fields.Boolean(readonly=True, copy=False)

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for concern in self:
            concern.is_overdue = bool(
                concern.state in OPEN_STATES
                and concern.deadline
                and concern.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue concerns."))
        domain = [
            ("state", "in", OPEN_STATES),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        # Not overdue: the negation of the whole domain, not of its first leaf.
        return domain if (operator == "=") == value else ~Domain(domain)

    @api.onchange("project_id")
    def _onchange_project_id(self):
        client = self.project_id.sudo().internal_client_id
        if client and not self.internal_client_id:
            self.internal_client_id = client

    @api.constrains("stakeholder_id", "internal_client_id", "company_id")
    def _check_raised_by(self):
        for concern in self:
            if not concern.stakeholder_id and not concern.internal_client_id:
                raise ValidationError(
                    _(
                        "Concern %(name)s needs the stakeholder or the internal "
                        "client who raised it.",
                        name=concern.name,
                    )
                )

    @api.constrains("state", "resolution")
    def _check_resolution(self):
        for concern in self:
            if concern.state in CLOSED_STATES and not (
                html2plaintext(concern.resolution or "").strip()
            ):
                raise ValidationError(
                    _(
                        "Concern %(name)s cannot be resolved or declined without "
                        "a resolution saying what HR did or why it declined.",
                        name=concern.name,
                    )
                )

    def write(self, vals):
        self._check_state_value(vals)
        if "deadline" in vals:
            vals = {**vals, "overdue_activity_sent": False}
        return super().write(vals)

    @api.model
    def _check_state_value(self, vals):
        # Odoo's own conversion would fail with an internal error.
        states = dict(self._fields["state"]._description_selection(self.env))
        if "state" in vals and vals["state"] not in states:
            raise UserError(
                _(
                    "%(value)r is not a status of a concern; use one of %(states)s.",
                    value=vals["state"],
                    states=", ".join(states.values()),
                )
            )

    @api.model
    def _default_deadline(self):
        return fields.Date.context_today(self) + timedelta(days=DEFAULT_DEADLINE_DAYS)

    @api.model
    def _cron_notify_overdue(self):
        """Give the owner of each newly overdue concern one to-do, a batch
        of concerns at a time (see hr.relationship.job.progress); the flag
        set with each batch's to-dos is what keeps a run from giving one
        twice."""
        scope = SQL(
            "NOT COALESCE(rec.overdue_activity_sent, FALSE)"
            " AND rec.state IN %s AND rec.deadline < %s",
            tuple(OPEN_STATES),
            fields.Date.context_today(self),
        )
        self.flush_model(["overdue_activity_sent", "state", "deadline"])
        self.env["hr.relationship.job.progress"]._run_batches(
            "concern_overdue",
            [(self._name, self, scope, self._notify_overdue_batch)],
        )

    @api.model
    def _notify_overdue_batch(self, ids):
        overdue = self.browse(ids).filtered_domain(
            [("is_overdue", "=", True), ("overdue_activity_sent", "=", False)]
        )
        if not overdue:
            return
        activity_type = self.env.ref(
            "hr_relationship.mail_activity_type_concern_overdue"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": concern.id,
                    "activity_type_id": activity_type.id,
                    "user_id": concern.user_id.id,
                    "date_deadline": today,
                    "summary": self.env._("Overdue concern: %s", concern.name),
                }
                for concern in overdue
            ]
        )
        overdue.write({"overdue_activity_sent": True})
