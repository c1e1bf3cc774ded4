# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import text_analysis
from ..tools.groups import RELATIONSHIP_USER

# One call analyses at most this many texts of at most this many characters:
# enough for a page of interaction notes, not a way to occupy a worker.
MAX_TEXTS = 1000
MAX_TEXT_LENGTH = 20000
# Due dates are computed by adding days and months to the reference date.
MIN_YEAR, MAX_YEAR = 1900, 2999


class HrRelationshipTextAnalysis(models.AbstractModel):
    """What people's words say: the language, sentiment (with the words
    behind it), topics and commitments of interaction notes and survey
    answers, computed locally by tools/text_analysis.py. Stores nothing."""

    _name = "hr.relationship.text.analysis"
    _description = "HR Relationship Text Analysis"

    @api.readonly
    @api.model
    def analyse(self, texts, lang=None, date=None):
        """For each of ``texts`` (a list of strings) a dict: ``language``
        ("nl" or "en", detected unless ``lang`` says), ``sentiment`` (-1..1),
        ``label`` (positive, neutral or negative), ``evidence`` ([{text,
        score}]: the words that decided it, negations and intensifiers
        included), ``topics`` (key phrases) and ``commitments`` ([{text,
        due_date}], due_date "YYYY-MM-DD" or False, counted from ``date``,
        today by default)."""
        if not self.env.user.has_group(RELATIONSHIP_USER):
            raise AccessError(
                self.env._("The text analysis is for relationship users.")
            )
        reference = self._check_analysis_input(texts, lang, date)
        return [text_analysis.analyse(text, lang or None, reference) for text in texts]

    @api.model
    def _check_analysis_input(self, texts, lang, reference):
        """The reference date once the arguments are known to be sound."""
        if not isinstance(texts, list | tuple) or not all(
            isinstance(text, str) for text in texts
        ):
            raise UserError(self.env._("The texts to analyse are a list of strings."))
        if len(texts) > MAX_TEXTS:
            raise UserError(
                self.env._(
                    "One call analyses at most %(max)s texts, not %(count)s.",
                    max=MAX_TEXTS,
                    count=len(texts),
                )
            )
        if any(len(text) > MAX_TEXT_LENGTH for text in texts):
            raise UserError(
                self.env._(
                    "A text to analyse has at most %(max)s characters.",
                    max=MAX_TEXT_LENGTH,
                )
            )
        if lang not in (None, False, *text_analysis.LANGUAGES):
            raise UserError(
                self.env._(
                    "The text analysis reads Dutch (nl) or English (en), not %(lang)r.",
                    lang=lang,
                )
            )
        if reference in (None, False):
            return fields.Date.context_today(self)
        try:
            day = fields.Date.to_date(reference)
        except (TypeError, ValueError):
            day = None
        if not isinstance(day, date) or not MIN_YEAR <= day.year <= MAX_YEAR:
            raise UserError(
                self.env._(
                    "The reference date is a date (YYYY-MM-DD) between the years "
                    "%(first)s and %(last)s, not %(date)r.",
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                    date=reference,
                )
            )
        return day
