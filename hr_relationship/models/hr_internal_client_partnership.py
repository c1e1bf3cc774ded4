# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from ..tools.optional_float import OptionalFloat

# The campaigns a client lead sees on their page, newest first.
PARTNERSHIP_CAMPAIGNS = 3


class HrInternalClientPartnership(models.Model):
    """An internal client as the manager who leads it sees it: "My HR
    partnership". One row per internal client, id for id, with only what
    HR agreed to share with its lead: the HR partner and contact rhythm,
    the HR services agreed, the improvement actions, and the survey figures
    that anonymity allows.

    A view rather than access to hr.internal.client: the client's own
    record carries HR's chatter, needs as HR wrote them down and the
    stakeholders, which stay HR's."""

    _name = "hr.internal.client.partnership"
    _description = "HR Partnership of an Internal Client"
    _auto = False
    _order = "name, id"

    name = fields.Char(string="Internal Client", readonly=True)
    active = fields.Boolean(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    lead_user_id = fields.Many2one(
        "res.users",
        string="Led By",
        readonly=True,
        help="The user of the client lead or, without one, of the manager of "
        "the client's department.",
    )
    hr_partner_id = fields.Many2one(
        "res.users", string="Your HR Business Partner", readonly=True
    )
    contact_cadence_days = fields.Integer(
        string="Contact Every (Days)", readonly=True, aggregator=None
    )
    last_contact_date = fields.Date(string="Last Contact", readonly=True)
    next_contact_date = fields.Date(string="Next Contact", readonly=True)
    # Empty, not 0, where no answer gives the figure, as on the client.
    latest_csat = OptionalFloat(
        string="Latest CSAT (%)", readonly=True, aggregator=None, digits=(5, 0)
    )
    latest_nps = OptionalFloat(
        string="Latest NPS", readonly=True, aggregator=None, digits=(5, 0)
    )
    latest_survey_date = fields.Date(string="Latest Survey", readonly=True)
    service_ids = fields.Many2many(
        "hr.relationship.service",
        string="HR Services Agreed",
        compute="_compute_agreed",
    )
    improvement_task_ids = fields.Many2many(
        "project.task",
        string="Improvement Actions",
        compute="_compute_agreed",
    )
    you_said_we_did = fields.Html(
        string="You Said, We Did",
        compute="_compute_you_said_we_did",
        sanitize=False,
    )

    def init(self):
        client = self.env["hr.internal.client"]
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT rec.id, rec.name, rec.active, rec.company_id,
                           COALESCE(lead.user_id, manager.user_id) AS lead_user_id,
                           rec.hr_partner_id, rec.contact_cadence_days,
                           rec.last_interaction_date AS last_contact_date,
                           %(due)s AS next_contact_date,
                           rec.latest_csat, rec.latest_nps, rec.latest_survey_date
                      FROM hr_internal_client rec
                 LEFT JOIN hr_employee lead ON lead.id = rec.client_lead_id
                 LEFT JOIN hr_department department
                        ON department.id = rec.department_id
                       AND rec.client_lead_id IS NULL
                 LEFT JOIN hr_employee manager ON manager.id = department.manager_id
                )
                """,
                view=SQL.identifier(self._table),
                # The date the client's health counts a contact overdue from.
                due=client._health_due_date_sql(),
            )
        )

    def _clients(self):
        # The rows the record rules let through are the user's own clients;
        # their details are read beyond the relationship groups from there.
        return self.env["hr.internal.client"].sudo().browse(self.ids)

    def _compute_agreed(self):
        clients = self._clients()
        tasks = (
            self.env["project.task"]
            .sudo()
            .search(
                [
                    ("hr_internal_client_ids", "in", clients.ids),
                    ("state", "!=", "1_canceled"),
                ],
                order="date_deadline, id",
            )
        )
        # Only the actions of projects the lead may open themselves.
        readable = tasks.with_env(self.env)._filtered_access("read")
        for row, client in zip(self, clients, strict=True):
            row.service_ids = client.service_ids
            row.improvement_task_ids = readable.filtered(
                lambda task, client=client: client in task.sudo().hr_internal_client_ids
            )

    def _compute_you_said_we_did(self):
        campaigns = self._clients()._you_said_we_did(PARTNERSHIP_CAMPAIGNS)
        for row in self:
            row.you_said_we_did = self.env["ir.qweb"]._render(
                "hr_relationship.partnership_you_said_we_did",
                {"campaigns": campaigns[row.id]},
            )
