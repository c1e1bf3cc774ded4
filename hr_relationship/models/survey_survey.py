# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools.record_check import checked_records


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    def copy(self, default=None):
        # The questions' guarded values (metric role, HR service) that the
        # user may not read are left out of the copied questions; written
        # here on the new questions, which copy creates in the order of the
        # original ids.
        checked_records(self)
        copies = super().copy(default)
        if default and "question_and_page_ids" in default:
            return copies
        for survey, survey_copy in zip(self, copies, strict=True):
            survey.question_and_page_ids.sorted("id")._hr_copy_hidden_values(
                survey_copy.question_and_page_ids.sorted("id")
            )
        return copies
