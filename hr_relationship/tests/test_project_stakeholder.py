# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestProjectStakeholder(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["project.project"].create(
            {
                "name": "HRR Hybrid Work",
                "company_id": cls.company.id,
                "user_id": cls.manager.id,
            }
        )
        cls.Position = cls.env["hr.project.stakeholder"]

    def _position(self, stakeholder, **values):
        return self.Position.create(
            {"project_id": self.project.id, "stakeholder_id": stakeholder.id, **values}
        )

    def test_defaults_from_stakeholder_and_fixed_initial(self):
        self.sh_anna.attitude = "sceptic"
        position = self._position(self.sh_anna)
        self.assertRecordValues(
            position,
            [
                {
                    "attitude": "sceptic",
                    "initial_attitude": "sceptic",
                    "influence": 4,
                    "interest": 4,
                    "company_id": self.company.id,
                }
            ],
        )
        position.attitude = "supporter"
        # The stakeholder's general attitude moving later changes nothing here.
        self.sh_anna.attitude = "blocker"
        self.assertEqual(position.initial_attitude, "sceptic")
        self.assertEqual(position.attitude, "supporter")
        with self.assertRaises(UserError):
            position.write({"initial_attitude": "champion"})
        given = self._position(self.sh_bob, attitude="champion", influence=5)
        self.assertEqual(given.initial_attitude, "champion")
        self.assertEqual(given.influence, 5)

    def test_many2many_access_still_works(self):
        self.project.hr_stakeholder_ids = [Command.link(self.sh_anna.id)]
        position = self.project.hr_project_stakeholder_ids
        self.assertEqual(position.stakeholder_id, self.sh_anna)
        self.assertEqual(self.sh_anna.project_ids, self.project)
        self.sh_bob.project_ids = [Command.link(self.project.id)]
        self.assertEqual(self.project.hr_stakeholder_ids, self.sh_anna | self.sh_bob)
        Project = self.env["project.project"]
        self.assertIn(
            self.project, Project.search([("hr_stakeholder_ids", "!=", False)])
        )
        self.assertNotIn(
            self.project, Project.search([("hr_stakeholder_ids", "=", False)])
        )
        self.assertEqual(
            self.env["hr.stakeholder"].search([("project_ids", "=", self.project.id)]),
            self.sh_anna | self.sh_bob,
        )
        self.project.hr_stakeholder_ids = [Command.unlink(self.sh_anna.id)]
        self.assertFalse(position.exists())
        self.assertEqual(self.project.hr_stakeholder_ids, self.sh_bob)

    def test_bad_position_values(self):
        count = self.Position.search_count([])
        for values in (
            {"influence": 0},
            {"influence": 6},
            {"interest": -1},
            {"attitude": "enthusiast"},
            {"target_attitude": "fan"},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self._position(self.sh_anna, **values)
        self.assertEqual(self.Position.search_count([]), count)
        position = self._position(self.sh_anna)
        with self.assertRaises(ValidationError):
            position.write({"interest": 9})
        with self.assertRaises(ValidationError):
            position.write({"attitude": "enthusiast"})
        self.assertEqual(position.interest, 4)
        # One position per stakeholder and project.
        with (
            self.assertRaises(psycopg2.errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._position(self.sh_anna)

    def test_support_index_and_below_target(self):
        self._position(self.sh_anna, attitude="champion", influence=4)
        self._position(self.sh_bob, attitude="supporter", influence=2)
        sceptic = self._position(
            self.sh_erik, attitude="sceptic", influence=3, target_attitude="neutral"
        )
        # (4 + 2 - 3) / (4 + 2 + 3) = 33.3 %
        self.assertAlmostEqual(self.project.hr_support_index, 33.3)
        self.assertEqual(self.project.hr_below_target_count, 1)
        below = self.Position.search(
            [("project_id", "=", self.project.id), ("is_below_target", "=", True)]
        )
        self.assertEqual(below, sceptic)
        sceptic.attitude = "blocker"
        self.assertAlmostEqual(self.project.hr_support_index, 33.3)
        sceptic.write({"attitude": "neutral", "influence": 1})
        # (4 + 2) / 7
        self.assertAlmostEqual(self.project.hr_support_index, 85.7)
        self.assertEqual(self.project.hr_below_target_count, 0)
        self.assertFalse(sceptic.is_below_target)

    def test_daily_job_and_orm_agree_on_the_support_index(self):
        """The index is computed by the ORM on each edit and in SQL by the
        daily job: both must give the same figure on the same positions."""
        self._position(self.sh_anna, attitude="champion", influence=5)
        self._position(self.sh_bob, attitude="neutral", influence=2)
        self._position(self.sh_erik, attitude="blocker", influence=1)
        by_orm = self.project.hr_support_index
        self.assertAlmostEqual(by_orm, 50.0)
        self.env.cr.execute(
            "UPDATE project_project SET hr_support_index = NULL WHERE id = %s",
            [self.project.id],
        )
        self.env.invalidate_all()
        self.env["hr.project.support.snapshot"]._cron_refresh_project_support()
        self.assertEqual(self.project.hr_support_index, by_orm)

    def test_monthly_history_and_trend(self):
        Snapshot = self.env["hr.project.support.snapshot"]
        anna = self._position(self.sh_anna, attitude="champion", influence=4)
        self._position(self.sh_bob, attitude="blocker", influence=4)
        month = fields.Date.context_today(Snapshot).replace(day=1)
        Snapshot.create(
            {
                "project_id": self.project.id,
                "month": month - relativedelta(months=1),
                "support_index": -50.0,
                "company_id": self.company.id,
            }
        )
        # A stale stored value is what the daily job repairs.
        self.env.cr.execute(
            "UPDATE project_project SET hr_support_index = 99 WHERE id = %s",
            [self.project.id],
        )
        self.env.invalidate_all()
        Snapshot._cron_refresh_project_support()
        Snapshot._cron_refresh_project_support()  # idempotent within a month
        self.assertEqual(self.project.hr_support_index, 0.0)
        self.assertEqual(self.project.hr_support_trend, 50.0)
        current = Snapshot.search(
            [("project_id", "=", self.project.id), ("month", "=", month)]
        )
        self.assertRecordValues(
            current, [{"support_index": 0.0, "stakeholder_count": 2}]
        )
        history = self.env["hr.project.stakeholder.snapshot"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(history), 2)
        self.assertEqual(
            history.filtered(lambda s: s.stakeholder_id == self.sh_anna).support, 1
        )
        anna.attitude = "sceptic"
        Snapshot._cron_refresh_project_support()
        history.invalidate_recordset()
        self.assertEqual(len(history.exists()), 2)
        self.assertEqual(
            history.filtered(lambda s: s.stakeholder_id == self.sh_anna).attitude,
            "sceptic",
        )
        self.assertEqual(self.project.hr_support_index, -100.0)

    def test_refresh_query_count_is_constant(self):
        Snapshot = self.env["hr.project.support.snapshot"]
        self._position(self.sh_anna)
        Snapshot._cron_refresh_project_support()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Snapshot._cron_refresh_project_support()
        count = self.env.cr.sql_log_count - before
        for n in range(5):
            project = self.env["project.project"].create(
                {"name": f"HRR project {n}", "company_id": self.company.id}
            )
            project.hr_stakeholder_ids = self.sh_anna | self.sh_bob | self.sh_erik
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            Snapshot._cron_refresh_project_support()
        self.assertEqual(
            self.env["hr.project.stakeholder.snapshot"].search_count(
                [("stakeholder_id", "=", self.sh_bob.id)]
            ),
            5,
        )

    def test_next_step_is_an_activity(self):
        position = self._position(self.sh_anna)
        position.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Walk through the pilot",
            user_id=self.user.id,
        )
        self.assertEqual(position.activity_user_id, self.user)
        self.assertEqual(position.activity_summary, "Walk through the pilot")

    def test_access(self):
        Position = self.Position.with_user(self.user)
        # The owner of a stakeholder places them on a project.
        position = Position.create(
            {"project_id": self.project.id, "stakeholder_id": self.sh_anna.id}
        )
        position.attitude = "supporter"
        # Not somebody else's stakeholder on somebody else's project.
        with self.assertRaises(AccessError):
            Position.create(
                {"project_id": self.project.id, "stakeholder_id": self.sh_bob.id}
            )
        theirs = self._position(self.sh_bob)
        self.assertIn(theirs, Position.search([]))
        with self.assertRaises(AccessError):
            theirs.with_user(self.user).write({"attitude": "champion"})
        # The project manager may place anybody on their own project.
        own_project = self.env["project.project"].create(
            {"name": "HRR own", "company_id": self.company.id, "user_id": self.user.id}
        )
        on_own = Position.create(
            {"project_id": own_project.id, "stakeholder_id": self.sh_bob.id}
        )
        on_own.attitude = "champion"
        self.assertEqual(on_own.attitude, "champion")
        with self.assertRaises(AccessError):
            self.Position.with_user(self.internal_user).search([])
        snapshots = self.env["hr.project.support.snapshot"].with_user(
            self.internal_user
        )
        with self.assertRaises(AccessError):
            snapshots.search([])
