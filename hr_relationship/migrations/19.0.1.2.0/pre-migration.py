# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sentiment of an interaction is chosen or suggested from its text.

Up to 19.0.1.1.0 ``sentiment`` was typed (neutral by default); from
19.0.1.2.0 it is the sentiment chosen (``sentiment_chosen``) or else the one
the text analysis suggests. Every sentiment stored is kept as chosen: the
ORM creates the new column empty, and an empty choice would let the text
decide over what a person said."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

TABLE = "hr_relationship_interaction"
COLUMN = "sentiment_chosen"


def migrate(cr, version):
    if not version or column_exists(cr, TABLE, COLUMN):
        return
    create_column(cr, TABLE, COLUMN, "varchar")
    cr.execute(
        SQL(
            "UPDATE %s SET %s = sentiment",
            SQL.identifier(TABLE),
            SQL.identifier(COLUMN),
        )
    )
