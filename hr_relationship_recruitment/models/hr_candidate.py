# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.hr_relationship.tools.record_check import checked_records


class HrCandidate(models.Model):
    """A candidate seen from the relationships: the stakeholder record HR
    keeps of them, and whether they are an alumnus coming back.

    Every field here carries the relationship group: a recruiter without a
    relationship role sees no stakeholder data."""

    _name = "hr.candidate"
    _inherit = [
        "hr.candidate",
        "hr.relationship.guarded.fields",
        "hr.relationship.alumnus.mixin",
    ]

    hr_stakeholder_count = fields.Integer(
        string="Stakeholder Records",
        compute="_compute_hr_stakeholder_count",
        groups=RELATIONSHIP_USER,
    )

    def _hr_stakeholders(self):
        """The stakeholder records of these candidates that the current user
        may read: the link itself is looked up as superuser, since a
        relationship role need not be a Recruitment officer."""
        linked = (
            self.env["hr.stakeholder"]
            .sudo()
            .with_context(active_test=False)
            .search([("candidate_id", "in", self._origin.ids)])
        )
        return linked.with_env(self.env)._filtered_access("read")

    def _compute_hr_stakeholder_count(self):
        stakeholders = self._hr_stakeholders()
        counts = {}
        for stakeholder in stakeholders.sudo():
            counts[stakeholder.candidate_id.id] = (
                counts.get(stakeholder.candidate_id.id, 0) + 1
            )
        for candidate in self:
            candidate.hr_stakeholder_count = counts.get(candidate._origin.id, 0)

    def action_view_hr_stakeholders(self):
        checked_records(self, single=True)
        # Relationship roles only: Recruitment alone opens no stakeholder.
        self.env["hr.stakeholder"].check_access("read")
        stakeholders = self._hr_stakeholders()
        action = {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder Record of %s", self.display_name),
            "res_model": "hr.stakeholder",
            "context": {"active_test": False},
        }
        if len(stakeholders) == 1:
            action.update(
                res_id=stakeholders.id, view_mode="form", views=[(False, "form")]
            )
        else:
            action.update(
                view_mode="list,form", domain=[("id", "in", stakeholders.ids)]
            )
        return action

    def action_create_hr_stakeholder(self):
        """Keep a relationship with this candidate: ask for their consent
        first, as for every external relation."""
        checked_records(self, single=True)
        self.check_access("read")
        self.env["hr.stakeholder"].check_access("create")
        existing = self._hr_stakeholders()
        if existing:
            return self.action_view_hr_stakeholders()
        return {
            "type": "ir.actions.act_window",
            "name": _("Keep as Stakeholder"),
            "res_model": "hr.candidate.stakeholder.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_candidate_id": self.id},
        }
