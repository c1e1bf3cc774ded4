# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class HrInternalClient(models.Model):
    """A unit of the business that HR serves: a department, a management
    team or a business unit across departments."""

    _name = "hr.internal.client"
    _description = "HR Internal Client"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.relationship.health.mixin",
        "hr.relationship.concern.mixin",
        "hr.improvement.action.mixin",
    ]
    _order = "name, id"
    _concern_field = "internal_client_id"
    _improvement_field = "hr_internal_client_ids"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        tracking=True,
        check_company=True,
        index="btree_not_null",
    )
    client_lead_id = fields.Many2one(
        "hr.employee",
        tracking=True,
        check_company=True,
        help="The manager who speaks for this internal client.",
    )
    hr_partner_id = fields.Many2one(
        "res.users",
        string="HR Business Partner",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="The HR business partner responsible for this relationship.",
    )
    needs = fields.Html(help="What this internal client needs from HR.")
    expectations = fields.Html(help="What this internal client expects from HR.")
    stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        "hr_internal_client_stakeholder_rel",
        "internal_client_id",
        "stakeholder_id",
        string="Stakeholders",
        check_company=True,
    )
    project_ids = fields.One2many(
        "project.project", "internal_client_id", string="HR Projects"
    )
    interaction_ids = fields.One2many(
        "hr.relationship.interaction", "internal_client_id", string="Interactions"
    )
    last_interaction_date = fields.Date(
        compute="_compute_last_interaction_date",
        store=True,
        help="Date of the most recent interaction logged for this internal client.",
    )
    stakeholder_count = fields.Integer(compute="_compute_counts")
    project_count = fields.Integer(compute="_compute_counts")
    interaction_count = fields.Integer(compute="_compute_counts")
    overdue_stakeholder_count = fields.Integer(
        compute="_compute_counts",
        help="Stakeholders of this client whose next planned contact has passed.",
    )
    satisfaction_result_ids = fields.One2many(
        "hr.satisfaction.result", "internal_client_id", string="Survey Results"
    )
    latest_satisfaction = fields.Float(
        string="Latest CSAT",
        compute="_compute_latest_survey",
        store=True,
        help="CSAT (share of 4 and 5 answers) of the latest answered campaign.",
    )
    latest_nps = fields.Float(
        string="Latest NPS", compute="_compute_latest_survey", store=True
    )
    latest_survey_date = fields.Date(compute="_compute_latest_survey", store=True)
    contact_cadence_days = fields.Integer(
        string="Contact Every (Days)",
        default=30,
        help="How often this client needs a contact, for its health; 0 plans none.",
    )
    health_snapshot_ids = fields.One2many(
        "hr.relationship.health.snapshot", "internal_client_id", string="Health Trend"
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "An internal client with this name already exists in this company.",
        ),
    ]

    @api.depends("interaction_ids.date")
    def _compute_last_interaction_date(self):
        last_dates = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("internal_client_id", "in", self._origin.ids)],
                ["internal_client_id"],
                ["date:max"],
            )
        )
        for client in self:
            client.last_interaction_date = last_dates.get(client._origin, False)

    @api.depends("stakeholder_ids", "project_ids", "interaction_ids")
    def _compute_counts(self):
        Interaction = self.env["hr.relationship.interaction"]
        interactions = dict(
            Interaction._read_group(
                [("internal_client_id", "in", self._origin.ids)],
                ["internal_client_id"],
                ["__count"],
            )
        )
        projects = dict(
            self.env["project.project"]._read_group(
                [("internal_client_id", "in", self._origin.ids)],
                ["internal_client_id"],
                ["__count"],
            )
        )
        overdue = dict(
            self.env["hr.stakeholder"]._read_group(
                [
                    ("internal_client_ids", "in", self._origin.ids),
                    ("is_contact_overdue", "=", True),
                ],
                ["internal_client_ids"],
                ["__count"],
            )
        )
        for client in self:
            origin = client._origin
            client.stakeholder_count = len(client.stakeholder_ids)
            client.project_count = projects.get(origin, 0)
            client.interaction_count = interactions.get(origin, 0)
            client.overdue_stakeholder_count = overdue.get(origin, 0)

    @api.depends(
        "satisfaction_result_ids.date",
        "satisfaction_result_ids.csat",
        "satisfaction_result_ids.nps",
    )
    def _compute_latest_survey(self):
        self.env["hr.satisfaction.result"]._assign_latest(
            self, "internal_client_id", "csat"
        )

    @api.constrains("stakeholder_ids")
    def _check_stakeholder_person_unique(self):
        self.stakeholder_ids._check_person_unique_per_client()

    def _stakeholder_action(self, name, domain, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "hr.stakeholder",
            "view_mode": "kanban,list,form",
            "domain": domain,
            "context": context or {},
        }

    def action_view_stakeholders(self):
        self.ensure_one()
        return self._stakeholder_action(
            _("Stakeholders of %s", self.display_name),
            [("internal_client_ids", "in", self.ids)],
            {"default_internal_client_ids": self.ids},
        )

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.open_view_project_all"
        )
        action.update(
            domain=[("internal_client_id", "=", self.id)],
            context={"default_internal_client_id": self.id},
        )
        return action

    def action_view_interactions(self):
        self.ensure_one()
        return self.env["hr.relationship.interaction"]._action_for(
            _("Interactions with %s", self.display_name),
            [("internal_client_id", "=", self.id)],
            {"default_internal_client_id": self.id},
        )

    def action_log_interaction(self):
        self.ensure_one()
        return self.env["hr.relationship.interaction"]._action_log(
            {"default_internal_client_id": self.id}
        )

    def _improvement_default(self):
        return [self.id]
