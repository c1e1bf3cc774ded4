# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import USER_GROUP


@tagged("post_install", "-at_install")
class TestPositionsRelationsTour(HttpCase):
    """The project form with its support and positions, and a stakeholder's
    relations and positions, on the demo data."""

    def test_project_positions_tour(self):
        self.start_tour(
            "/odoo/action-hr_relationship.project_project_action_hr_support",
            "hr_relationship_positions_tour",
            login="admin",
        )

    def test_person_relations_tour(self):
        self.start_tour(
            "/odoo/action-hr_relationship.hr_stakeholder_action",
            "hr_relationship_person_relations_tour",
            login="admin",
        )


@tagged("post_install", "-at_install")
class TestAddPositionTour(HttpCase):
    """An HR user (no relationship administrator) who runs the demo project
    puts an existing stakeholder on it from the project's Stakeholders tab.
    They manage projects: only Project's administrators edit a project.

    The tour above only reads the positions the demo data made, so it never
    met the stakeholder dropdown, whose company domain offered nobody."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_user = new_test_user(
            cls.env,
            login="hrr_project_runner",
            groups=f"{USER_GROUP},project.group_project_manager",
        )
        cls.project = cls.env.ref("hr_relationship.project_hybride_werken")
        # The project manager may place anyone on their project.
        cls.project.user_id = cls.hr_user

    def test_add_existing_stakeholder_tour(self):
        iris = self.env.ref("hr_relationship.stakeholder_iris_meijer")
        self.start_tour(
            "/odoo/action-hr_relationship.project_project_action_hr_support",
            "hr_relationship_add_position_tour",
            login=self.hr_user.login,
        )
        # The existing person, not a duplicate made by "Create".
        position = self.project.hr_project_stakeholder_ids.filtered(
            lambda p: p.stakeholder_id.name == "Iris Meijer"
        )
        self.assertEqual(position.stakeholder_id, iris)
        self.assertEqual(position.company_id, iris.company_id)
        self.assertEqual(position.attitude, "supporter")
