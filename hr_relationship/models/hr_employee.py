# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.tools import format_date
from odoo.tools.sql import create_index

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import checked_records


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "hr.relationship.guarded.fields"]

    # Columns the relationship map walks the organisation by (a manager to the
    # team, a department to its people, a contact to the employee it is the
    # work contact of). Indexed here rather than by redeclaring Odoo's fields,
    # which would make them the addon's fields and put them under its groups.
    _MAP_WALK_COLUMNS = ("parent_id", "work_contact_id")

    hr_stakeholder_ids = fields.One2many(
        "hr.stakeholder",
        "employee_id",
        string="Stakeholder Records",
        groups=RELATIONSHIP_USER,
    )
    hr_stakeholder_count = fields.Integer(
        compute="_compute_hr_stakeholder_count", groups=RELATIONSHIP_USER
    )
    hr_person_relation_ids = fields.One2many(
        related="work_contact_id.hr_person_relation_ids", readonly=False
    )
    hr_served_client_ids = fields.Many2many(
        "hr.internal.client",
        compute="_compute_hr_served_client_ids",
        string="Internal Clients Served",
        help="Internal clients this employee serves as HR business partner.",
        groups=RELATIONSHIP_USER,
    )
    hr_served_client_count = fields.Integer(
        compute="_compute_hr_served_client_ids", groups=RELATIONSHIP_USER
    )

    def _compute_hr_stakeholder_count(self):
        counts = dict(
            self.env["hr.stakeholder"]._read_group(
                [("employee_id", "in", self._origin.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.hr_stakeholder_count = counts.get(employee._origin, 0)

    def _compute_hr_served_client_ids(self):
        clients_by_user = dict(
            self.env["hr.internal.client"]._read_group(
                [("hr_partner_id", "in", self.user_id.ids)],
                ["hr_partner_id"],
                ["id:recordset"],
            )
        )
        for employee in self:
            clients = clients_by_user.get(
                employee.user_id, self.env["hr.internal.client"]
            )
            employee.hr_served_client_ids = clients
            employee.hr_served_client_count = len(clients)

    @api.readonly
    def action_view_hr_stakeholders(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder Records of %s", self.name),
            "res_model": "hr.stakeholder",
            "view_mode": "list,kanban,form",
            "domain": [("employee_id", "=", self.id)],
            "context": {"default_employee_id": self.id},
        }

    @api.readonly
    def action_view_hr_served_clients(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": _("Internal Clients Served by %s", self.name),
            "res_model": "hr.internal.client",
            "view_mode": "kanban,list,form",
            "domain": [("id", "in", self.hr_served_client_ids.ids)],
            "context": {"default_hr_partner_id": self.user_id.id},
        }

    def _close_relationship_roles(self, departure_date):
        """A departed employee no longer speaks for anyone: archive the
        stakeholder roles they held as an employee and ask each internal
        client they led for a new client lead."""
        # Part of registering the departure, which HR may do for anyone:
        # the roles and clients need not be the registering user's own.
        roles = (
            self.env["hr.stakeholder"].sudo().search([("employee_id", "in", self.ids)])
        )
        # In the registering user's date format, as the rest of the text.
        left_on = format_date(self.env, departure_date)
        for role in roles:
            role.message_post(
                body=_(
                    "Role closed: %(name)s left on %(date)s.",
                    name=role.employee_id.name,
                    date=left_on,
                )
            )
        roles.action_archive()
        clients = (
            self.env["hr.internal.client"]
            .sudo()
            .search([("client_lead_id", "in", self.ids)])
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        for client in clients:
            client.activity_schedule(
                activity_type_id=todo.id,
                summary=_("Choose a new client lead"),
                note=_(
                    "%(name)s, client lead of %(client)s, left on %(date)s.",
                    name=client.client_lead_id.name,
                    client=client.name,
                    date=left_on,
                ),
                user_id=client.hr_partner_id.id or self.env.uid,
            )
        return roles, clients

    def _create_alumnus_stakeholders(
        self, consent=False, consent_purpose=False, email=False
    ):
        """Keep departing employees as alumni: a private contact and an
        alumnus stakeholder each. Employees already kept are returned as is.
        ``email`` replaces the private address on file (one employee only)."""
        Stakeholder = self.env["hr.stakeholder"].with_context(active_test=False)
        existing = Stakeholder.search(
            [("former_employee_id", "in", self.ids), ("relation_type", "=", "alumnus")]
        )
        kept = existing.former_employee_id
        newcomers = self - kept
        # Like hr's work contacts: HR may keep an alumnus without the
        # separate "Contact Creation" right.
        partners = (
            self.env["res.partner"]
            .sudo()
            .create(
                [
                    dict(
                        employee._alumnus_partner_values(),
                        **({"email": email} if email else {}),
                    )
                    for employee in newcomers
                ]
            )
        )
        today = fields.Date.context_today(self)
        created = Stakeholder.create(
            [
                {
                    "partner_id": partner.id,
                    "former_employee_id": employee.id,
                    "relation_type": "alumnus",
                    "company_id": employee.company_id.id,
                    "consent": consent,
                    "consent_date": consent and today,
                    "consent_purpose": consent and consent_purpose,
                }
                for employee, partner in zip(newcomers, partners, strict=True)
            ]
        )
        newcomers._share_interactions_with(created)
        return existing | created

    def _share_interactions_with(self, alumni):
        """The interactions of the stakeholder roles these employees held
        are the history of their alumni too: each is linked to the alumnus
        who took part in it, and stays on the closed role it was logged on
        (an interaction has several stakeholders)."""
        # Part of registering the departure, like closing the roles: the
        # interactions need not be the registering user's own.
        roles = (
            self.env["hr.stakeholder"]
            .sudo()
            .with_context(active_test=False)
            .search([("employee_id", "in", self.ids)])
        )
        for alumnus in alumni:
            interactions = roles.filtered(
                lambda role, alumnus=alumnus: (
                    role.employee_id == alumnus.former_employee_id
                )
            ).interaction_ids
            if interactions:
                interactions.write({"stakeholder_ids": [Command.link(alumnus.id)]})

    def _alumnus_partner_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "type": "contact",
            "email": self.private_email,
            "phone": self.private_phone,
            "street": self.private_street,
            "street2": self.private_street2,
            "zip": self.private_zip,
            "city": self.private_city,
            "state_id": self.private_state_id.id,
            "country_id": self.private_country_id.id,
            "company_id": self.company_id.id,
        }

    def init(self):
        res = super().init()
        for column in self._MAP_WALK_COLUMNS:
            create_index(
                self.env.cr,
                f"hr_employee_{column}_hr_relationship_index",
                self._table,
                [column],
                where=f"{column} IS NOT NULL",
            )
        return res
