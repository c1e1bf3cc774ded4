# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from .field_access import check_x2many_field_access

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

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

    @api.model
    def _search(self, domain, *args, **kwargs):
        check_x2many_field_access(self, domain)
        return super()._search(domain, *args, **kwargs)

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

    def action_view_hr_stakeholders(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Stakeholder Records of %s", self.name),
            "res_model": "hr.stakeholder",
            "view_mode": "list,kanban,form",
            "domain": [("employee_id", "=", self.id)],
            "context": {"default_employee_id": self.id},
        }

    def action_view_hr_served_clients(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Internal Clients Served by %s", self.name),
            "res_model": "hr.internal.client",
            "view_mode": "kanban,list,form",
            "domain": [("id", "in", self.hr_served_client_ids.ids)],
            "context": {"default_hr_partner_id": self.user_id.id},
        }

    def _create_alumnus_stakeholders(self, consent=False):
        """Keep departing employees as alumni: a private contact and an
        alumnus stakeholder each. Employees already kept are returned as is."""
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
            .create([employee._alumnus_partner_values() for employee in newcomers])
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
                }
                for employee, partner in zip(newcomers, partners, strict=True)
            ]
        )
        return existing | created

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
