# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.record_check import checked_records


class PrivacyLookupWizard(models.TransientModel):
    _name = "privacy.lookup.wizard"
    _inherit = ["privacy.lookup.wizard", "hr.relationship.wizard.guard"]

    def _hr_stakeholder_query(self):
        """Stakeholders of the person looked up: by name or email, through
        their contact, or through their employee's work contact. Relies on
        the ``indirect_references`` CTE of the standard query."""
        return SQL(
            """
            SELECT id FROM hr_stakeholder
             WHERE email ilike %(email)s
                OR name ilike %(name)s
                OR partner_id IN (SELECT id FROM indirect_references)
                OR employee_id IN (
                    SELECT id FROM hr_employee
                     WHERE work_contact_id IN (SELECT id FROM indirect_references))
            """,
            email=f"%{self.email.strip()}%",
            name=self.name.strip(),
        )

    def _hr_lookup_parts(self):
        """The models this addon looks up itself, each with what links its
        records to the person besides what the generic lookup would find:
        (model name, SQL condition on the model's table). Relies on the
        ``indirect_references`` CTE of the standard query."""
        stakeholders = self._hr_stakeholder_query()
        interactions = self.env["hr.relationship.interaction"]
        link = interactions._fields["stakeholder_ids"]
        return [
            ("hr.stakeholder", SQL("id IN (%s)", stakeholders)),
            ("hr.stakeholder.profile", SQL("stakeholder_id IN (%s)", stakeholders)),
            (
                "hr.relationship.interaction",
                SQL(
                    "id IN (SELECT %s FROM %s WHERE %s IN (%s))",
                    SQL.identifier(link.column1),
                    SQL.identifier(link.relation),
                    SQL.identifier(link.column2),
                    stakeholders,
                ),
            ),
            ("survey.user_input", SQL("hr_stakeholder_id IN (%s)", stakeholders)),
            ("hr.satisfaction.result", SQL("stakeholder_id IN (%s)", stakeholders)),
        ]

    def _get_query_models_blacklist(self):
        # The models above get one query part each, below, instead of the
        # generic one: a record is listed once, however it is found.
        return super()._get_query_models_blacklist() + [
            model_name for model_name, _condition in self._hr_lookup_parts()
        ]

    def _hr_generic_conditions(self, model):
        """What the generic lookup matches on ``model``: its stored e-mail
        (and then its name), and its stored links to the contacts found."""
        conditions = []
        if "email" in model and model._fields["email"].store:
            conditions.append(
                SQL("email ilike %s", f"%{self.email.strip()}%"),
            )
            name_field = model._fields.get(model._rec_name or "name")
            if (
                name_field
                and name_field.store
                and name_field.type == "char"
                and not name_field.translate
            ):
                conditions.append(
                    SQL(
                        "%s ilike %s",
                        SQL.identifier(name_field.name),
                        self.name.strip(),
                    )
                )
        conditions.extend(
            SQL(
                "%s IN (SELECT id FROM indirect_references)",
                SQL.identifier(field.name),
            )
            for field in model._fields.values()
            if field.type == "many2one"
            and field.comodel_name == "res.partner"
            and field.store
            and field.ondelete != "cascade"
        )
        return conditions

    def _get_query(self):
        # The generic part finds records by their stored e-mail and contacts;
        # what links to a person only through a stakeholder (a profile,
        # interactions, survey answers and results of an employee) is added
        # here, in the one query part of each of these models.
        query = super()._get_query()
        model_id = self.env["ir.model"]._get_id
        for model_name, condition in self._hr_lookup_parts():
            model = self.env[model_name]
            conditions = [*self._hr_generic_conditions(model), condition]
            query = SQL(
                "%s UNION ALL SELECT %s AS res_model_id, id AS res_id,"
                " %s AS is_active FROM %s WHERE %s",
                query,
                model_id(model_name),
                SQL.identifier("active") if "active" in model else True,
                SQL.identifier(model._table),
                SQL(" OR ").join(conditions),
            )
        return query

    def action_lookup(self):
        checked_records(self)
        return super().action_lookup()

    def _hr_stakeholders(self):
        checked_records(self, single=True)
        lines = self.line_ids.filtered(
            lambda line: line.res_model == "hr.stakeholder" and not line.is_unlinked
        )
        stakeholders = (
            self.env["hr.stakeholder"]
            .with_context(active_test=False)
            .browse(lines.mapped("res_id"))
            .exists()
        )
        if not stakeholders:
            raise UserError(
                _(
                    "No HR relationship record was found for %(name)s.",
                    name=self.name,
                )
            )
        return stakeholders, lines

    def action_hr_relationship_export(self):
        stakeholders, _lines = self._hr_stakeholders()
        return stakeholders.action_privacy_export()

    def action_hr_relationship_erase(self):
        stakeholders, lines = self._hr_stakeholders()
        stakeholders.action_privacy_erase()
        for line in lines:
            line.execution_details = _(
                "Anonymised %(model)s #%(id)s",
                model=line.res_model_id.name,
                id=line.res_id,
            )
        # The profile lines point at records that are gone now.
        self.line_ids.filtered(
            lambda line: line.res_model == "hr.stakeholder.profile"
        ).is_unlinked = True
        return True
