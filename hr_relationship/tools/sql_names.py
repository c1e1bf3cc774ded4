# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL


def m2m_table(env, model_name, field_name):
    """The relation table of a many2many field, from the field's metadata,
    for raw SQL: a table name written out in a query breaks silently when
    the field changes."""
    return SQL.identifier(env[model_name]._fields[field_name].relation)


def is_stored_column(Model, field_name):
    """Whether ``Model`` has ``field_name`` as a column its raw SQL may read:
    a module that adds a stored field may not be installed, and a stored
    field without a column type (a one2many) has no column."""
    field = Model._fields.get(field_name)
    return bool(field and field.store and field.column_type)
