# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools.sql import table_exists

from .common import HrRelationshipCase, load_script

MIGRATION = "hr_relationship/migrations/18.0.1.1.0/{}-migration.py"


def load_migration(step):
    return load_script(MIGRATION.format(step))


@tagged("post_install", "-at_install")
class TestMigrationProjectStakeholder(HrRelationshipCase):
    """The links of 18.0.1.0.0 (the many2many table between stakeholders and
    projects) become positions. The table is rebuilt here the way the
    previous version created it, then both migration steps run on it."""

    def _old_links(self, links):
        self.env.cr.execute(
            """
            CREATE TABLE hr_stakeholder_project_rel (
                stakeholder_id INTEGER NOT NULL
                    REFERENCES hr_stakeholder(id) ON DELETE CASCADE,
                project_id INTEGER NOT NULL
                    REFERENCES project_project(id) ON DELETE CASCADE,
                PRIMARY KEY (stakeholder_id, project_id)
            )
            """
        )
        for stakeholder, project in links:
            self.env.cr.execute(
                "INSERT INTO hr_stakeholder_project_rel VALUES (%s, %s)",
                [stakeholder.id, project.id],
            )

    def test_every_link_becomes_a_position(self):
        Project = self.env["project.project"]
        pilot = Project.create({"name": "HRR Pilot", "company_id": self.company.id})
        rollout = Project.create({"name": "HRR Rollout", "company_id": self.company.id})
        self.sh_anna.attitude = "champion"
        self.sh_erik.write({"attitude": "blocker", "influence": 5, "interest": 3})
        links = [
            (self.sh_anna, pilot),
            (self.sh_erik, pilot),
            (self.sh_bob, pilot),
            (self.sh_erik, rollout),
        ]
        # One link already a position (a rerun) must not be doubled.
        self.env["hr.project.stakeholder"].create(
            {"stakeholder_id": self.sh_bob.id, "project_id": pilot.id}
        )
        self.env.flush_all()
        self._old_links(links)

        load_migration("pre").migrate(self.env.cr, "18.0.1.0.0")
        self.assertFalse(table_exists(self.env.cr, "hr_stakeholder_project_rel"))
        self.assertTrue(table_exists(self.env.cr, "hr_stakeholder_project_rel_legacy"))
        load_migration("post").migrate(self.env.cr, "18.0.1.0.0")
        self.assertFalse(table_exists(self.env.cr, "hr_stakeholder_project_rel_legacy"))

        self.env.invalidate_all()
        positions = self.env["hr.project.stakeholder"].search(
            [("project_id", "in", (pilot | rollout).ids)]
        )
        self.assertEqual(
            {(p.stakeholder_id, p.project_id) for p in positions}, set(links)
        )
        erik_pilot = positions.filtered(
            lambda p: p.stakeholder_id == self.sh_erik and p.project_id == pilot
        )
        self.assertRecordValues(
            erik_pilot,
            [
                {
                    "attitude": "blocker",
                    "initial_attitude": "blocker",
                    "influence": 5,
                    "interest": 3,
                    "company_id": self.company.id,
                }
            ],
        )
        self.assertEqual(self.sh_erik.project_ids, pilot | rollout)
        self.assertEqual(
            pilot.hr_stakeholder_ids, self.sh_anna | self.sh_erik | self.sh_bob
        )
        # The support index and this month's history are there at once:
        # anna champion (4), erik blocker (5), bob neutral (2).
        self.assertAlmostEqual(pilot.hr_support_index, round(100 * (4 - 5) / 11, 1))
        self.assertEqual(rollout.hr_support_index, -100.0)
        self.assertEqual(
            self.env["hr.project.support.snapshot"].search_count(
                [("project_id", "in", (pilot | rollout).ids)]
            ),
            2,
        )

    def test_fresh_install_is_left_alone(self):
        # Without a previous version, or without the old table, nothing runs.
        load_migration("pre").migrate(self.env.cr, None)
        load_migration("post").migrate(self.env.cr, "18.0.1.0.0")
        self.assertFalse(table_exists(self.env.cr, "hr_stakeholder_project_rel_legacy"))
