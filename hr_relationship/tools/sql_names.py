# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL


def m2m_table(env, model_name, field_name):
    """The relation table of a many2many field, from the field's metadata,
    for raw SQL: a table name written out in a query breaks silently when
    the field changes."""
    return SQL.identifier(env[model_name]._fields[field_name].relation)
