# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.sql import column_exists, rename_column

from .common import HrRelationshipCase, load_script

MIGRATION = "hr_relationship/migrations/18.0.1.2.0/pre-migration.py"
SNAPSHOT = "hr_relationship_health_snapshot"


def load_migration():
    return load_script(MIGRATION)


@tagged("post_install", "-at_install")
class TestMigrationLatestFigures(HrRelationshipCase):
    """18.0.1.1.0 called CSAT and the satisfaction index both
    latest_satisfaction. The columns and registry rows are put back the way
    that version had them, then the migration runs on them: every stored
    figure must survive under its new name."""

    def _field_names(self, model):
        self.env.cr.execute(
            SQL(
                "SELECT name FROM ir_model_fields WHERE model = %s"
                " AND name LIKE %s ORDER BY name",
                model,
                "latest%",
            )
        )
        return [name for (name,) in self.env.cr.fetchall()]

    def _to_old_schema(self, model, new):
        """The field called latest_satisfaction again, column and all."""
        table = model.replace(".", "_")
        if column_exists(self.env.cr, table, new):
            rename_column(self.env.cr, table, new, "latest_satisfaction")
        prefix = f"field_{table}__"
        self.env.cr.execute(
            SQL(
                "UPDATE ir_model_fields SET name = 'latest_satisfaction'"
                " WHERE model = %s AND name = %s",
                model,
                new,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE ir_model_data SET name = %s WHERE module = 'hr_relationship'"
                " AND model = 'ir.model.fields' AND name = %s",
                prefix + "latest_satisfaction",
                prefix + new,
            )
        )

    def test_stored_figures_survive_under_their_new_names(self):
        Snapshot = self.env["hr.relationship.health.snapshot"]
        common = {"company_id": self.company.id, "month": "2020-01-01"}
        person = Snapshot.create({**common, "stakeholder_id": self.sh_anna.id})
        client = Snapshot.create({**common, "internal_client_id": self.client_sales.id})
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                "UPDATE hr_internal_client SET latest_csat = 62.5 WHERE id = %s",
                self.client_sales.id,
            )
        )
        table = SQL.identifier(SNAPSHOT)
        for row, index, csat in ((person, 40, None), (client, None, 80)):
            cr.execute(
                SQL(
                    "UPDATE %s SET latest_satisfaction_index = %s, latest_csat = %s"
                    " WHERE id = %s",
                    table,
                    index,
                    csat,
                    row.id,
                )
            )
        # 18.0.1.1.0's snapshot: one column for both kinds of row.
        cr.execute(
            SQL(
                "UPDATE %s SET latest_satisfaction_index = latest_csat"
                " WHERE internal_client_id IS NOT NULL",
                table,
            )
        )
        cr.execute(SQL("ALTER TABLE %s DROP COLUMN latest_csat", table))
        for model, new in load_migration().RENAMES:
            self._to_old_schema(model, new)
        self.assertEqual(
            self._field_names("hr.internal.client"),
            ["latest_nps", "latest_satisfaction", "latest_survey_date"],
        )
        self.assertFalse(column_exists(cr, "hr_internal_client", "latest_csat"))

        load_migration().migrate(cr, "18.0.1.1.0")

        self.assertEqual(
            self._field_names("hr.internal.client"),
            ["latest_csat", "latest_nps", "latest_survey_date"],
        )
        self.assertEqual(
            self._field_names("hr.stakeholder"),
            ["latest_nps", "latest_satisfaction_index", "latest_survey_date"],
        )
        self.assertFalse(column_exists(cr, SNAPSHOT, "latest_satisfaction"))
        self.assertEqual(
            self.env["ir.model.data"]._xmlid_to_res_model_res_id(
                "hr_relationship.field_hr_internal_client__latest_csat"
            )[0],
            "ir.model.fields",
        )
        self.env.invalidate_all()
        self.assertEqual(self.client_sales.latest_csat, 62.5)
        self.assertEqual(
            (person.latest_satisfaction_index, person.latest_csat), (40.0, 0.0)
        )
        self.assertEqual(
            (client.latest_satisfaction_index, client.latest_csat), (0.0, 80.0)
        )
        # A second run changes nothing.
        load_migration().migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(client.latest_csat, 80.0)
