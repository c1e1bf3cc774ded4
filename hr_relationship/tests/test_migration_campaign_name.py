# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.sql import table_columns

from .common import HrRelationshipCase, SatisfactionSurveyMixin

TABLE = "hr_satisfaction_survey"


def column_type(cr):
    return table_columns(cr, TABLE)["name"]["udt_name"]


@tagged("post_install", "-at_install")
class TestMigrationCampaignName(SatisfactionSurveyMixin, HrRelationshipCase):
    """Campaign names became translatable: the column goes from varchar to
    jsonb. No migration script does it: Odoo converts the column when the
    module is updated. The column is put back as the previous version had
    it, with a name in it, and updated as Odoo's update does."""

    def test_update_keeps_names_as_english_values(self):
        campaign = self._campaign(name="Value check 2025")
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE %s ALTER COLUMN name TYPE varchar USING name->>'en_US'",
                SQL.identifier(TABLE),
            )
        )
        self.assertEqual(column_type(self.env.cr), "varchar")

        # The step of Odoo's update (_auto_init) that changes the column.
        Campaign = self.env["hr.satisfaction.survey"]
        Campaign._fields["name"].update_db_column(
            Campaign, table_columns(self.env.cr, TABLE)["name"]
        )

        self.assertEqual(column_type(self.env.cr), "jsonb")
        self.env.invalidate_all()
        self.assertEqual(campaign.with_context(lang="en_US").name, "Value check 2025")
        self.env["res.lang"]._activate_lang("nl_NL")
        campaign.with_context(lang="nl_NL").name = "Waardecheck 2025"
        self.assertEqual(campaign.with_context(lang="en_US").name, "Value check 2025")
        self.assertEqual(campaign.with_context(lang="nl_NL").name, "Waardecheck 2025")
