# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Health without a score was shown as "Needs Attention"; it is "Not Scored"
now, on the records and in their history."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    for table in (
        "hr_stakeholder",
        "hr_internal_client",
        "hr_relationship_health_snapshot",
    ):
        cr.execute(
            SQL(
                "UPDATE %s SET health_state = 'not_scored' WHERE health_score IS NULL",
                SQL.identifier(table),
            )
        )
