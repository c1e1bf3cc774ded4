# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestNetworkMetrics(TransactionCase):
    def test_skill_type(self):
        skill_type = self.env.ref(
            "hr_relationship_skills.skill_type_relationship_management"
        )
        self.assertEqual(
            set(skill_type.skill_ids.mapped("name")),
            {
                "Stakeholder Analysis",
                "Consultative Skills",
                "Network Building",
                "Influencing",
            },
        )
        levels = skill_type.skill_level_ids.sorted("level_progress")
        self.assertEqual(levels.mapped("level_progress"), [25, 50, 75, 100])
        self.assertEqual(levels.filtered("default_level"), levels[0])
