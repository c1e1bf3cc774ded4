# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.groups import RELATIONSHIP_MANAGER, RELATIONSHIP_USER
from ..tools.record_check import checked_records

HR_MANAGER = "hr.group_hr_manager"
# Days the successor gets for the introduction.
INTRODUCTION_DAYS = 14


class HrRelationshipHandover(models.TransientModel):
    """Hands the relationships of one HR colleague over to their colleagues
    in one step: every stakeholder they own or alone are in contact with,
    every internal client they partner or alone are in contact with, each
    with a successor the network suggests."""

    _name = "hr.relationship.handover"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Hand Over Relationships"

    user_id = fields.Many2one(
        "res.users", string="Handed Over By", required=True, readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    reason = fields.Selection(
        [
            ("handover", "Portfolio handed over"),
            ("departure", "Employee leaves"),
        ],
        default="handover",
        required=True,
        readonly=True,
    )
    line_ids = fields.One2many(
        "hr.relationship.handover.line", "wizard_id", string="Relationships"
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for wizard in self:
            wizard.line_count = len(wizard.line_ids)

    # ------------------------------------------------------------------
    # Who may hand over, and what
    # ------------------------------------------------------------------
    @api.model
    def _may_hand_over(self, user):
        """The colleague themself, their coach, a relationship administrator
        or an HR administrator (who registers departures) hands a portfolio
        over."""
        current = self.env.user
        if (
            self.env.su
            or current == user
            or any(
                current.has_group(group) for group in (RELATIONSHIP_MANAGER, HR_MANAGER)
            )
        ):
            return True
        coaches = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("user_id", "=", user.id)])
            .coach_id.user_id
        )
        return current in coaches

    @api.model
    def _check_may_hand_over(self, user):
        if not self._may_hand_over(user):
            raise AccessError(
                self.env._(
                    "Only %(name)s, their coach or an administrator hands their "
                    "relationships over.",
                    name=user.name,
                )
            )

    @api.model
    def _relationships_of(self, user, company):
        """(stakeholders, clients) that ``user`` owns or partners, or is the
        only HR contact of, in ``company``."""
        return tuple(
            self.env[model_name]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    "|",
                    (self.env[model_name]._handover_owner_field(), "=", user.id),
                    ("hr_sole_contact_id", "=", user.id),
                ]
            )
            for model_name in ("hr.stakeholder", "hr.internal.client")
        )

    # ------------------------------------------------------------------
    # Suggestions
    # ------------------------------------------------------------------
    @api.model
    def _candidates(self, user, company):
        """Active HR relationship users of the company, the leaver aside."""
        return self.env["res.users"].search(
            [
                ("id", "!=", user.id),
                ("share", "=", False),
                ("company_ids", "in", company.id),
                ("all_group_ids", "in", self.env.ref(RELATIONSHIP_USER).ids),
            ]
        )

    @api.model
    def _loads(self, users, company):
        """Per user id, the relationships they carry: owned stakeholders and
        partnered clients, two grouped queries."""
        loads = defaultdict(int)
        for model_name, field in (
            ("hr.stakeholder", "owner_id"),
            ("hr.internal.client", "hr_partner_id"),
        ):
            for owner, count in (
                self.env[model_name]
                .sudo()
                ._read_group(
                    [(field, "in", users.ids), ("company_id", "=", company.id)],
                    [field],
                    ["__count"],
                )
            ):
                loads[owner.id] += count
        return loads

    @api.model
    def _suggest(self, user, company, stakeholders, clients):
        """Per (model, id), ``(successor id, basis, strength, via id)``: the
        candidate who knows the person best, else the one with the strongest
        warm path, else nobody in particular; ties and the rest go to the
        lightest portfolio, which grows with each suggestion so that one
        colleague does not inherit everything."""
        network = self.env["hr.relationship.network"].with_company(company)
        today = fields.Date.context_today(self)
        candidates = self._candidates(user, company)
        loads = self._loads(candidates, company)
        allowed = set(candidates.ids)
        # No warm path through the leaver's own stakeholder record: it
        # leaves with them.
        leaving = set(
            self.env["hr.stakeholder"]
            .sudo()
            .with_context(active_test=False)
            ._search([("employee_id.user_id", "=", user.id)])
        )
        facts = defaultdict(list)
        for line in network._knowers_of_each(stakeholders.ids, today):
            facts[("hr.stakeholder", line["via_id"])].append(("direct", line))
        for line in network._knowers_of_clients(clients.ids, today):
            facts[("hr.internal.client", line["via_id"])].append(("direct", line))
        records = [("hr.stakeholder", s) for s in stakeholders] + [
            ("hr.internal.client", c) for c in clients
        ]
        suggestions = {}
        for model_name, record in records:
            key = (model_name, record.id)
            options = [
                (basis, line)
                for basis, line in facts[key]
                if line["user_id"] in allowed
            ]
            if not options and model_name == "hr.stakeholder":
                # Warm paths cost a few queries each: only for whom nobody
                # left knows directly.
                options = [
                    ("warm", line)
                    for line in network._warm_paths(record, record.ids, today)
                    if line["user_id"] in allowed and line["via_id"] not in leaving
                ]
            if options:
                basis, best = min(
                    options,
                    key=lambda option: (
                        -option[1]["strength"],
                        loads[option[1]["user_id"]],
                        option[1]["user_id"],
                    ),
                )
                choice = (
                    best["user_id"],
                    basis,
                    best["strength"],
                    best["via_id"] if basis == "warm" else False,
                )
            elif candidates:
                lightest = min(candidates.ids, key=lambda uid: (loads[uid], uid))
                choice = (lightest, "load", 0.0, False)
            else:
                choice = (False, "none", 0.0, False)
            if choice[0]:
                loads[choice[0]] += 1
            suggestions[key] = choice
        return suggestions

    @api.model
    def _line_values(self, user, company):
        stakeholders, clients = self._relationships_of(user, company)
        suggestions = self._suggest(user, company, stakeholders, clients)
        values = []
        for stakeholder in stakeholders:
            successor, basis, strength, via = suggestions[
                ("hr.stakeholder", stakeholder.id)
            ]
            values.append(
                {
                    "stakeholder_id": stakeholder.id,
                    "role": "owner" if stakeholder.owner_id == user else "contact",
                    "successor_id": successor,
                    "suggested_id": successor,
                    "basis": basis,
                    "strength": strength,
                    "via_stakeholder_id": via,
                }
            )
        for client in clients:
            successor, basis, strength, _via = suggestions[
                ("hr.internal.client", client.id)
            ]
            values.append(
                {
                    "internal_client_id": client.id,
                    "role": "owner" if client.hr_partner_id == user else "contact",
                    "successor_id": successor,
                    "suggested_id": successor,
                    "basis": basis,
                    "strength": strength,
                }
            )
        return values

    @api.model
    def _open_for(self, user, company=None, reason="handover"):
        """The dialog for ``user``'s relationships in ``company``, or False
        when there is nothing to hand over."""
        company = company or self.env.company
        self._check_may_hand_over(user)
        lines = self._line_values(user, company)
        if not lines:
            return False
        wizard = self.create(
            {
                "user_id": user.id,
                "company_id": company.id,
                "reason": reason,
                "line_ids": [fields.Command.create(line) for line in lines],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Hand Over the Relationships of %(name)s", name=user.name
            ),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    # ------------------------------------------------------------------
    # The handover
    # ------------------------------------------------------------------
    def _check_successors(self):
        missing = self.line_ids.filtered(lambda line: not line.successor_id)
        if missing:
            raise UserError(
                self.env._(
                    "Choose a successor for every relationship before handing "
                    "over; none is chosen for: %(names)s.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        wrong = self.line_ids.filtered(
            lambda line: (
                line.successor_id == self.user_id
                or not line.successor_id.active
                or line.successor_id.share
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "A successor is an active colleague other than %(name)s; "
                    "choose another for: %(names)s.",
                    name=self.user_id.name,
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def action_hand_over(self):
        checked_records(self, single=True)
        self._check_may_hand_over(self.user_id)
        self._check_successors()
        # Checked above who hands over; the owner field is beyond the
        # rules of a coach, who does not own these relationships.
        lines = self.sudo().line_ids
        owned = lines.filtered(lambda line: line.role == "owner")
        for successor, group in owned.grouped("successor_id").items():
            group.stakeholder_id.write({"owner_id": successor.id})
            group.internal_client_id.write({"hr_partner_id": successor.id})
        self._introduce(lines)
        self._log_notes(lines)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s relationships handed over.", count=len(lines)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _introduce(self, lines):
        """One introduction to do per relationship, for its successor."""
        activity_type = self.env.ref(
            "hr_relationship.mail_activity_type_handover_introduction"
        )
        deadline = fields.Date.context_today(self) + timedelta(days=INTRODUCTION_DAYS)
        model_ids = {
            name: self.env["ir.model"]._get_id(name)
            for name in ("hr.stakeholder", "hr.internal.client")
        }
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_ids[line._record()._name],
                    "res_id": line._record().id,
                    "activity_type_id": activity_type.id,
                    "user_id": line.successor_id.id,
                    "date_deadline": deadline,
                    "summary": self.env._(
                        "Introduce yourself to %(name)s", name=line.name
                    ),
                    "note": Markup("<p>%s</p>")
                    % self.env._(
                        "%(old)s handed this relationship over to you.",
                        old=self.user_id.name,
                    ),
                }
                for line in lines
            ]
        )

    def _log_notes(self, lines):
        for model_name, group in lines.grouped(
            lambda line: line._record()._name
        ).items():
            bodies = {
                line._record().id: Markup("<p>%s</p>")
                % self.env._(
                    "Handed over from %(old)s to %(new)s.",
                    old=self.user_id.name,
                    new=line.successor_id.name,
                )
                for line in group
            }
            self.env[model_name].browse(list(bodies))._message_log_batch(
                bodies, author_id=self.env.user.partner_id.id
            )
