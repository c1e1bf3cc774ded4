# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Keep the stakeholder-project links of 18.0.1.0.0 for the post step.

The plain many2many became positions (hr.project.stakeholder): moving its
table aside keeps the ORM from dropping it with the old field before the
post step has turned every link into a position."""

from odoo.tools import SQL
from odoo.tools.sql import table_exists

OLD_TABLE = "hr_stakeholder_project_rel"
LEGACY_TABLE = "hr_stakeholder_project_rel_legacy"


def migrate(cr, version):
    if not version or not table_exists(cr, OLD_TABLE):
        return
    cr.execute(
        SQL(
            "ALTER TABLE %s RENAME TO %s",
            SQL.identifier(OLD_TABLE),
            SQL.identifier(LEGACY_TABLE),
        )
    )
