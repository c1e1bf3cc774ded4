# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..models.record_check import checked_records


class PrivacyLookupWizard(models.TransientModel):
    _inherit = "privacy.lookup.wizard"

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

    def _get_query(self):
        # The generic part finds stakeholders (stored email, contact) and
        # survey answers by their own contact; what links to a person only
        # through a stakeholder (a profile, interactions, survey answers
        # and results of an employee) is added here.
        query = super()._get_query()
        stakeholders = self._hr_stakeholder_query()
        model_id = self.env["ir.model"]._get_id
        for model_name, table, condition in (
            ("hr.stakeholder", "hr_stakeholder", SQL("id IN (%s)", stakeholders)),
            (
                "hr.stakeholder.profile",
                "hr_stakeholder_profile",
                SQL("stakeholder_id IN (%s)", stakeholders),
            ),
            (
                "hr.relationship.interaction",
                "hr_relationship_interaction",
                SQL(
                    "id IN (SELECT interaction_id"
                    " FROM hr_relationship_interaction_stakeholder_rel"
                    " WHERE stakeholder_id IN (%s))",
                    stakeholders,
                ),
            ),
            (
                "survey.user_input",
                "survey_user_input",
                SQL("hr_stakeholder_id IN (%s)", stakeholders),
            ),
            (
                "hr.satisfaction.result",
                "hr_satisfaction_result",
                SQL("stakeholder_id IN (%s)", stakeholders),
            ),
        ):
            model = self.env[model_name]
            query = SQL(
                "%s UNION ALL SELECT %s AS res_model_id, id AS res_id,"
                " %s AS is_active FROM %s WHERE %s",
                query,
                model_id(model_name),
                SQL.identifier("active") if "active" in model else True,
                SQL.identifier(table),
                condition,
            )
        return query

    def action_lookup(self):
        checked_records(self)
        action = super().action_lookup()
        # A record found both generically and through a stakeholder is
        # listed once.
        seen = set()
        duplicates = self.line_ids.browse()
        for line in self.line_ids:
            key = (line.res_model_id.id, line.res_id)
            if key in seen:
                duplicates |= line
            seen.add(key)
        # sudo: lines are never deleted by users, only by this cleanup.
        duplicates.sudo().unlink()
        return action

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
