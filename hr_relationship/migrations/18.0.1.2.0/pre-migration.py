# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Give the latest satisfaction figures names that say what they hold.

Up to 18.0.1.1.0 both kinds of relationship called their latest figure
``latest_satisfaction``: CSAT on internal clients, the satisfaction index on
stakeholders, and the health snapshot held either, by the kind of its row.
They are ``latest_csat`` and ``latest_satisfaction_index`` now. Renaming the
columns and the fields' registry rows before the ORM loads the new fields
keeps the stored values (the ORM would drop the old columns with the old
fields and start the new ones empty)."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, rename_column

OLD = "latest_satisfaction"
# (model, new name): the stakeholder's figure is computed, not stored, so
# only its registry row moves.
RENAMES = [
    ("hr.internal.client", "latest_csat"),
    ("hr.stakeholder", "latest_satisfaction_index"),
    ("hr.relationship.health.snapshot", "latest_satisfaction_index"),
]


def _rename_field(cr, model, new):
    """The field's row in ir_model_fields and its XML id, so that the ORM
    sees a field it knows rather than one to delete and one to create."""
    cr.execute(
        SQL(
            "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
            new,
            model,
            OLD,
        )
    )
    prefix = f"field_{model.replace('.', '_')}__"
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data SET name = %s
             WHERE module = 'hr_relationship' AND model = 'ir.model.fields'
               AND name = %s
            """,
            prefix + new,
            prefix + OLD,
        )
    )


def migrate(cr, version):
    if not version:
        return
    for model, new in RENAMES:
        table = model.replace(".", "_")
        if column_exists(cr, table, OLD) and not column_exists(cr, table, new):
            rename_column(cr, table, OLD, new)
        _rename_field(cr, model, new)
    # A snapshot row of an internal client held its CSAT: move it over.
    snapshot = "hr_relationship_health_snapshot"
    if column_exists(cr, snapshot, "latest_satisfaction_index") and not (
        column_exists(cr, snapshot, "latest_csat")
    ):
        create_column(cr, snapshot, "latest_csat", "numeric")
        cr.execute(
            SQL(
                """
                UPDATE %(table)s
                   SET latest_csat = latest_satisfaction_index,
                       latest_satisfaction_index = NULL
                 WHERE internal_client_id IS NOT NULL
                """,
                table=SQL.identifier(snapshot),
            )
        )
