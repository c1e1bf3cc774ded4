# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


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
