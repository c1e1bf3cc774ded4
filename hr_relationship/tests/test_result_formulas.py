# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import HrRelationshipCase, SatisfactionSurveyMixin

# Every figure of a result made from one person's answers.
FIGURES = (
    "invited_count",
    "responded_count",
    "response_rate",
    "satisfaction_count",
    "mean_satisfaction",
    "satisfaction_index",
    "csat",
    "recommendation_count",
    "promoter_count",
    "passive_count",
    "detractor_count",
    "nps",
)


@tagged("post_install", "-at_install")
class TestSurveyResultFormulas(SatisfactionSurveyMixin, HrRelationshipCase):
    """Survey results are computed twice, for speed: in Python for a
    campaign and its internal clients (_result_values) and in SQL for each
    stakeholder (_replace_stakeholder_results). On a campaign answered by
    one person both read the same answers, so they must give the same
    figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    def _figures(self, result):
        return {fname: result[fname] for fname in FIGURES}

    def test_python_and_sql_results_agree(self):
        cases = {
            "promoter, satisfied": ({self.q_sat: "5", self.q_rec: "10"}, True),
            "passive, neutral": ({self.q_sat: "3", self.q_rec: "7"}, True),
            "detractor, dissatisfied": ({self.q_sat: "1", self.q_rec: "0"}, True),
            "edges of the bands": ({self.q_sat: "4", self.q_rec: "6"}, True),
            "promoter band edge": ({self.q_sat: "2", self.q_rec: "9"}, True),
            "no recommendation": ({self.q_sat: "4", self.q_rec: ""}, True),
            "no satisfaction": ({self.q_sat: "", self.q_rec: "8"}, True),
            "not submitted": ({self.q_sat: "5", self.q_rec: "10"}, False),
        }
        for label, (answers, done) in cases.items():
            with self.subTest(case=label):
                campaign = self._campaign(
                    clients=self.client_sales,
                    participant_ids=[Command.set(self.sh_anna.ids)],
                )
                campaign.action_send()
                self._answer(campaign, self.sh_anna, answers, done=done)
                campaign.action_close()
                by_python = self._result(campaign, "campaign")
                by_sql = self._result(campaign, "stakeholder", self.sh_anna)
                self.assertEqual(self._figures(by_sql), self._figures(by_python))
                if done:
                    # Not two equal blanks: there is something to agree on.
                    self.assertEqual(by_sql.responded_count, 1)
