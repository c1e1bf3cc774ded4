# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestHealthAtInstall(TransactionCase):
    """A fresh demo database shows true health before the daily job's first
    run: the demo data ends by computing it."""

    def test_demo_opens_with_true_health(self):
        if not self.env.ref(
            "hr_relationship.stakeholder_mitchell_admin", raise_if_not_found=False
        ):
            self.skipTest("The demo data is not installed.")
        relationships = [
            self.env["hr.stakeholder"].search([]),
            self.env["hr.internal.client"].search([]),
        ]
        for records in relationships:
            with self.subTest(model=records._name):
                self.assertTrue(records)
                # Only the refresh writes snapshots.
                self.assertFalse(records.filtered(lambda r: not r.health_snapshot_ids))
                # Before any refresh every score is empty ("Needs Attention").
                self.assertTrue(any(records.mapped("health_score")))
        stored = [
            records.read(["health_score", "health_state"]) for records in relationships
        ]
        # What is stored is what the daily job computes today.
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        self.assertEqual(
            [
                records.read(["health_score", "health_state"])
                for records in relationships
            ],
            stored,
        )
