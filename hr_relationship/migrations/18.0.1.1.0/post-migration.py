# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Turn every stakeholder-project link of 18.0.1.0.0 into a position.

A position starts where the stakeholder stood: their attitude (also as the
initial attitude), influence and interest. Then the support index and this
month's history of the projects concerned are computed, and the old table
goes."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import table_exists

LEGACY_TABLE = "hr_stakeholder_project_rel_legacy"


def migrate(cr, version):
    if not version or not table_exists(cr, LEGACY_TABLE):
        return
    cr.execute(
        SQL(
            """
            INSERT INTO hr_project_stakeholder (
                project_id, stakeholder_id, company_id, attitude,
                initial_attitude, influence, interest, is_below_target,
                create_uid, create_date, write_uid, write_date)
            SELECT DISTINCT link.project_id, link.stakeholder_id,
                   stakeholder.company_id,
                   COALESCE(stakeholder.attitude, 'neutral'),
                   COALESCE(stakeholder.attitude, 'neutral'),
                   COALESCE(stakeholder.influence, 2),
                   COALESCE(stakeholder.interest, 2),
                   FALSE,
                   %(uid)s, NOW() AT TIME ZONE 'UTC',
                   %(uid)s, NOW() AT TIME ZONE 'UTC'
              FROM %(legacy)s link
              JOIN hr_stakeholder stakeholder ON stakeholder.id = link.stakeholder_id
              JOIN project_project project ON project.id = link.project_id
            ON CONFLICT (project_id, stakeholder_id) DO NOTHING
            RETURNING project_id
            """,
            uid=SUPERUSER_ID,
            legacy=SQL.identifier(LEGACY_TABLE),
        )
    )
    project_ids = sorted({row[0] for row in cr.fetchall()})
    cr.execute(SQL("DROP TABLE %s", SQL.identifier(LEGACY_TABLE)))
    if project_ids:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["hr.project.stakeholder"].invalidate_model()
        env["hr.project.support.snapshot"]._cron_refresh_project_support(project_ids)
