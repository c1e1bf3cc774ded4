# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestActions(HrRelationshipCase):
    def test_stakeholder_actions(self):
        action = self.sh_anna.action_log_interaction()
        self.assertEqual(action["res_model"], "hr.relationship.interaction")
        self.assertEqual(action["target"], "new")
        self.assertEqual(
            action["context"],
            {
                "default_stakeholder_ids": self.sh_anna.ids,
                "default_internal_client_id": self.client_sales.id,
            },
        )
        # With several internal clients, none is guessed.
        self.sh_anna.internal_client_ids = [Command.link(self.client_ops.id)]
        action = self.sh_anna.action_log_interaction()
        self.assertNotIn("default_internal_client_id", action["context"])

        interaction = self._interaction(self.sh_anna)
        action = self.sh_anna.action_view_interactions()
        self.assertEqual(action["res_model"], "hr.relationship.interaction")
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), interaction
        )
        self.assertEqual(action["context"]["default_stakeholder_ids"], self.sh_anna.ids)

    def test_log_interaction_from_defaults(self):
        # The context the button returns is enough to log a valid interaction.
        action = self.sh_anna.action_log_interaction()
        interaction = (
            self.env["hr.relationship.interaction"]
            .with_context(**action["context"])
            .create({"name": "HRR Quick log"})
        )
        self.assertEqual(interaction.stakeholder_ids, self.sh_anna)
        self.assertEqual(interaction.internal_client_id, self.client_sales)

    def test_internal_client_actions(self):
        interaction = self._interaction(client=self.client_sales)
        project = self.env["project.project"].create(
            {
                "name": "HRR Project",
                "company_id": self.company.id,
                "internal_client_id": self.client_sales.id,
            }
        )
        action = self.client_sales.action_view_stakeholders()
        self.assertEqual(action["res_model"], "hr.stakeholder")
        self.assertEqual(
            self.env["hr.stakeholder"].search(action["domain"]),
            self.sh_anna | self.sh_erik,
        )
        self.assertEqual(
            action["context"]["default_internal_client_ids"], self.client_sales.ids
        )

        action = self.client_sales.action_view_projects()
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(self.env["project.project"].search(action["domain"]), project)
        self.assertEqual(
            action["context"]["default_internal_client_id"], self.client_sales.id
        )

        action = self.client_sales.action_view_interactions()
        self.assertEqual(
            self.env["hr.relationship.interaction"].search(action["domain"]),
            interaction,
        )
        action = self.client_sales.action_log_interaction()
        self.assertEqual(action["target"], "new")
        self.assertEqual(
            action["context"], {"default_internal_client_id": self.client_sales.id}
        )

    def test_project_actions(self):
        project = self.env["project.project"].create(
            {
                "name": "HRR Project",
                "company_id": self.company.id,
                "internal_client_id": self.client_ops.id,
            }
        )
        interaction = self._interaction(self.sh_bob, project_id=project.id)
        self.assertEqual(project.hr_interaction_count, 1)
        action = project.action_view_hr_interactions()
        self.assertEqual(
            self.env["hr.relationship.interaction"].search(action["domain"]),
            interaction,
        )
        action = project.action_log_hr_interaction()
        self.assertEqual(
            action["context"],
            {
                "default_project_id": project.id,
                "default_internal_client_id": self.client_ops.id,
            },
        )

    def test_interaction_onchange_project(self):
        project = self.env["project.project"].create(
            {
                "name": "HRR Project",
                "company_id": self.company.id,
                "internal_client_id": self.client_ops.id,
            }
        )
        interaction = self.env["hr.relationship.interaction"].new(
            {"project_id": project.id}
        )
        interaction._onchange_project_id()
        self.assertEqual(interaction.internal_client_id, self.client_ops)

    def test_employee_and_partner_actions(self):
        action = self.emp_anna.action_view_hr_stakeholders()
        self.assertEqual(
            self.env["hr.stakeholder"].search(action["domain"]), self.sh_anna
        )
        self.assertEqual(action["context"], {"default_employee_id": self.emp_anna.id})
        action = self.emp_hr.action_view_hr_served_clients()
        self.assertEqual(
            self.env["hr.internal.client"].search(action["domain"]), self.client_sales
        )
        self.assertEqual(action["context"], {"default_hr_partner_id": self.user.id})
        action = self.partner_ext.action_view_hr_stakeholders()
        self.assertEqual(
            self.env["hr.stakeholder"].search(action["domain"]), self.sh_erik
        )

    def test_open_profile(self):
        action = self.sh_anna.with_user(self.user).action_open_profile()
        self.assertEqual(action["res_model"], "hr.stakeholder.profile")
        profile = self.env["hr.stakeholder.profile"].browse(action["res_id"])
        self.assertEqual(profile.stakeholder_id, self.sh_anna)
        # Opening it twice reuses the same profile.
        self.assertEqual(
            self.sh_anna.with_user(self.user).action_open_profile()["res_id"],
            profile.id,
        )
