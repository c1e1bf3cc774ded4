# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from .common import HrRelationshipCase, load_script

MIGRATION = "hr_relationship/migrations/19.0.1.2.0/pre-migration.py"
TABLE = "hr_relationship_interaction"


@tagged("post_install", "-at_install")
class TestMigrationSentimentChosen(HrRelationshipCase):
    """Up to 19.0.1.1.0 the sentiment of an interaction was typed (neutral
    by default); from 19.0.1.2.0 it is the one chosen, else the one the text
    suggests. The column of the choice is taken away as that version had
    it, then the migration runs: every stored sentiment must stay, as a
    choice that a later edit of the text does not overturn."""

    def test_every_stored_sentiment_stays_as_chosen(self):
        values = {"name": "Gesprek", "sentiment": "positive"}
        liked = self._interaction(self.sh_anna, **values)
        # The old default, against a text that says otherwise: kept too.
        default = self._interaction(
            self.sh_anna,
            name="Gesprek",
            summary=Markup("<p>Ze is niet tevreden.</p>"),
            sentiment="neutral",
        )
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL("ALTER TABLE %s DROP COLUMN sentiment_chosen", SQL.identifier(TABLE))
        )
        self.assertFalse(column_exists(cr, TABLE, "sentiment_chosen"))

        load_script(MIGRATION).migrate(cr, "19.0.1.1.0")

        self.assertTrue(column_exists(cr, TABLE, "sentiment_chosen"))
        self.env.invalidate_all()
        self.assertRecordValues(
            liked | default,
            [
                {
                    "sentiment_chosen": "positive",
                    "sentiment": "positive",
                    "sentiment_suggested": "neutral",
                },
                {
                    "sentiment_chosen": "neutral",
                    "sentiment": "neutral",
                    "sentiment_suggested": "negative",
                },
            ],
        )
        default.summary = Markup("<p>Ze is nog steeds niet tevreden.</p>")
        self.assertEqual(default.sentiment, "neutral")
        # A second run changes nothing; nor does it on a new database.
        liked.sentiment_chosen = False
        self.env.flush_all()
        load_script(MIGRATION).migrate(cr, "19.0.1.1.0")
        load_script(MIGRATION).migrate(cr, None)
        self.env.invalidate_all()
        self.assertFalse(liked.sentiment_chosen)
