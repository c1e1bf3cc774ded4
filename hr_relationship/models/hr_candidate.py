# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from .hr_applicant import alumni_search_domain, alumnus_values
from .record_check import checked_records

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"


class HrCandidate(models.Model):
    """A candidate seen from the relationships: the stakeholder record HR
    keeps of them, and whether they are an alumnus coming back.

    Every field here carries the relationship group: a recruiter without a
    relationship role sees no stakeholder data."""

    _name = "hr.candidate"
    _inherit = ["hr.candidate", "hr.relationship.guarded.fields"]

    hr_stakeholder_count = fields.Integer(
        string="Stakeholder Records",
        compute="_compute_hr_stakeholder_count",
        groups=RELATIONSHIP_USER,
    )
    hr_alumnus_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Alumnus",
        compute="_compute_hr_alumnus",
        groups=RELATIONSHIP_USER,
        help="The alumnus this candidate is, recognised by the private contact "
        "or email address kept when they left.",
    )
    hr_is_alumnus = fields.Boolean(
        string="Is Alumnus",
        compute="_compute_hr_alumnus",
        search="_search_hr_is_alumnus",
        groups=RELATIONSHIP_USER,
    )
    hr_alumnus_departure_date = fields.Date(
        string="Left On", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
    )
    hr_alumnus_former_job = fields.Char(
        string="Former Job", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
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

    @api.depends("partner_id", "email_normalized")
    def _compute_hr_alumnus(self):
        alumni = self.env["hr.stakeholder"]._alumni_matching(
            self.partner_id, self.mapped("email_normalized")
        )
        for candidate in self:
            candidate.update(alumnus_values(candidate, alumni))

    def _search_hr_is_alumnus(self, operator, value):
        return alumni_search_domain(self.env, operator, value, "partner_id")

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
