# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools.record_check import checked_records

# Days a commitment gets when nobody says when it is due.
DEFAULT_DUE_DAYS = 14
KEPT_ON_TIME = 100.0


class HrRelationshipCommitment(models.Model):
    """Something HR promised a stakeholder or an internal client, followed
    until it is kept or cancelled.

    The say-do ratio (how many commitments that fell due HR kept on time)
    is an average, so that any pivot or graph reads it per owner, internal
    client or month without a report model of its own: ``kept_on_time`` is
    100 for a commitment kept on or before its due date and 0 otherwise
    (kept late, still open, cancelled). It depends on the record alone, so
    it is stored; what depends on today is the set it is averaged over, the
    "Due" filter (due today or before, not cancelled). Over that set an open
    commitment counts as not kept, one kept late as not kept on time, and
    the average of ``kept_on_time`` is the ratio in percent. A commitment
    whose due date is still ahead does not count yet, kept or not."""

    _name = "hr.relationship.commitment"
    _description = "HR Relationship Commitment"
    _inherit = ["hr.relationship.followup.mixin"]
    _order = "date_due asc, id desc"

    name = fields.Char(string="Commitment", required=True, tracking=True)
    stakeholder_id = fields.Many2one(string="Promised To")
    interaction_id = fields.Many2one(string="Promised In")
    date_due = fields.Date(
        string="Due Date",
        required=True,
        default=lambda self: self._default_date_due(),
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("kept", "Kept"), ("cancelled", "Cancelled")],
        string="Status",
        default="open",
        required=True,
        tracking=True,
        group_expand=True,
    )
    date_done = fields.Date(string="Kept On", readonly=True, copy=False, tracking=True)
    kept_on_time = fields.Float(
        string="Kept on Time (%)",
        compute="_compute_kept_on_time",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="100 for a commitment kept on or before its due date, 0 otherwise. "
        "Averaged over the commitments due (the Due filter), it is the say-do "
        "ratio: the share of the promises due that HR kept on time.",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("state", "date_done", "date_due")
    def _compute_kept_on_time(self):
        for commitment in self:
            commitment.kept_on_time = (
                KEPT_ON_TIME
                if commitment.state == "kept"
                and commitment.date_done
                and commitment.date_done <= commitment.date_due
                else 0.0
            )

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for commitment in self:
            commitment.is_overdue = (
                commitment.state == "open" and commitment.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(
                self.env._("Unsupported search on overdue commitments.")
            )
        domain = Domain(self._overdue_domain())
        # Not overdue: the negation of the whole domain, not of its first leaf.
        return domain if (operator == "=") == value else ~domain

    @api.model
    def _overdue_domain(self):
        return [
            ("state", "=", "open"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]

    @api.model
    def _default_date_due(self, start=None):
        """Due ``DEFAULT_DUE_DAYS`` after ``start`` (today by default)."""
        start = start or fields.Date.context_today(self)
        return start + timedelta(days=DEFAULT_DUE_DAYS)

    @api.constrains("stakeholder_id", "internal_client_id", "company_id")
    def _check_promised_to(self):
        for commitment in self:
            if not commitment.stakeholder_id and not commitment.internal_client_id:
                raise ValidationError(
                    self.env._(
                        "Commitment %(name)s needs the stakeholder or the "
                        "internal client it was made to.",
                        name=commitment.name,
                    )
                )

    # ------------------------------------------------------------
    # Life cycle: the reminder follows the commitment
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_state_value(vals)
            if vals.get("state") == "kept":
                vals.setdefault("date_done", fields.Date.context_today(self))
        commitments = super().create(vals_list)
        commitments.filtered(lambda c: c.state == "open")._schedule_reminders()
        return commitments

    def write(self, vals):
        self._check_state_value(vals)
        state = vals.get("state")
        if state == "kept":
            done = vals.get("date_done") or fields.Date.context_today(self)
            vals = {**vals, "date_done": done}
        elif state:
            vals = {**vals, "date_done": False}
        before = {commitment: commitment.state for commitment in self} if state else {}
        result = super().write(vals)
        if state == "kept":
            self._reminders().action_feedback(feedback=self.env._("Commitment kept."))
        elif state == "cancelled":
            self._reminders().unlink()
        elif state == "open":
            self.filtered(lambda c: before[c] != "open")._schedule_reminders()
        reminder_vals = {}
        if "user_id" in vals:
            reminder_vals["user_id"] = vals["user_id"]
        if "date_due" in vals:
            reminder_vals["date_deadline"] = vals["date_due"]
        if reminder_vals:
            # The same values for every record: one write for all reminders.
            self._reminders().write(reminder_vals)
        return result

    @api.model
    def _check_state_value(self, vals):
        # Odoo's own conversion would fail with an internal error.
        states = dict(self._fields["state"]._description_selection(self.env))
        if "state" in vals and vals["state"] not in states:
            raise UserError(
                self.env._(
                    "%(value)r is not a status of a commitment; use one of %(states)s.",
                    value=vals["state"],
                    states=", ".join(states.values()),
                )
            )

    @api.model
    def _reminder_type(self):
        return self.env.ref("hr_relationship.mail_activity_type_commitment_due")

    def _reminders(self):
        """The open reminders of these commitments."""
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", self._reminder_type().id),
            ]
        )

    def _schedule_reminders(self):
        """One to-do for the owner of each commitment, on its due date."""
        if not self:
            return self.env["mail.activity"]
        activity_type = self._reminder_type()
        model_id = self.env["ir.model"]._get_id(self._name)
        # The owners see their to-dos in the app: one e-mail each would
        # cost a query per commitment.
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": commitment.id,
                        "activity_type_id": activity_type.id,
                        "user_id": commitment.user_id.id,
                        "date_deadline": commitment.date_due,
                        "summary": commitment.name,
                    }
                    for commitment in self
                ]
            )
        )

    def action_keep(self):
        checked_records(self).filtered(lambda c: c.state != "kept").write(
            {"state": "kept"}
        )
        return True

    def action_cancel(self):
        checked_records(self).filtered(lambda c: c.state != "cancelled").write(
            {"state": "cancelled"}
        )
        return True

    def action_reopen(self):
        checked_records(self).filtered(lambda c: c.state != "open").write(
            {"state": "open"}
        )
        return True

    # ------------------------------------------------------------
    # From an interaction
    # ------------------------------------------------------------

    @api.model
    def _values_from_interaction(self, interaction):
        """Default values of a commitment made in ``interaction``: what the
        form opened from it and any list of promises created from it share."""
        stakeholders = interaction.stakeholder_ids
        return {
            "company_id": interaction.company_id.id,
            "interaction_id": interaction.id,
            "stakeholder_id": stakeholders[:1].id,
            "internal_client_id": (
                interaction.internal_client_id
                or stakeholders[:1].internal_client_ids[:1]
            ).id,
        }

    @api.model
    def _create_from_interaction(self, interaction, promises):
        """Create the commitments ``promises`` ({"text", "due_date"} each,
        the due date optional) made in ``interaction``, in one batch."""
        base = self._values_from_interaction(interaction)
        return self.create(
            [
                {
                    **base,
                    "name": promise["text"],
                    **(
                        {"date_due": promise["due_date"]}
                        if promise.get("due_date")
                        else {}
                    ),
                }
                for promise in promises
            ]
        )
