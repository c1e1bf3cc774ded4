# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from ..models.hr_satisfaction_result import FIGURES
from .common import HrRelationshipCase, SatisfactionSurveyMixin


@tagged("post_install", "-at_install")
class TestSurveyResultFormulas(SatisfactionSurveyMixin, HrRelationshipCase):
    """The figures of every result come from one statement
    (hr.satisfaction.result._figures_sql), fed per scope: the whole campaign,
    each internal client, each stakeholder. Checked against figures worked
    out by hand, for every scope, so that neither the formula nor what feeds
    it can drift."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    def _figures(self, result):
        return {fname: result[fname] for fname in FIGURES}

    def _expected(self, invited, responded, rate, sat, rec):
        """Figures from counts worked out by hand: ``sat`` is (count, mean,
        index, csat), ``rec`` (count, promoters, passives, detractors, nps);
        a figure nobody answered for is stored empty and reads 0."""
        return dict(zip(FIGURES, (invited, responded, rate, *sat, *rec), strict=True))

    def test_one_person_by_hand(self):
        """A campaign answered by one person: the campaign, its client and the
        stakeholder all have that person's figures."""
        cases = {
            "promoter, satisfied": (
                {self.q_sat: "5", self.q_rec: "10"},
                True,
                self._expected(
                    1, 1, 100.0, (1, 5.0, 100.0, 100.0), (1, 1, 0, 0, 100.0)
                ),
            ),
            "passive, neutral": (
                {self.q_sat: "3", self.q_rec: "7"},
                True,
                self._expected(1, 1, 100.0, (1, 3.0, 50.0, 0.0), (1, 0, 1, 0, 0.0)),
            ),
            "detractor, dissatisfied": (
                {self.q_sat: "1", self.q_rec: "0"},
                True,
                self._expected(1, 1, 100.0, (1, 1.0, 0.0, 0.0), (1, 0, 0, 1, -100.0)),
            ),
            "edges of the bands": (
                {self.q_sat: "4", self.q_rec: "6"},
                True,
                self._expected(
                    1, 1, 100.0, (1, 4.0, 75.0, 100.0), (1, 0, 0, 1, -100.0)
                ),
            ),
            "promoter band edge": (
                {self.q_sat: "2", self.q_rec: "9"},
                True,
                self._expected(1, 1, 100.0, (1, 2.0, 25.0, 0.0), (1, 1, 0, 0, 100.0)),
            ),
            "no recommendation": (
                {self.q_sat: "4", self.q_rec: ""},
                True,
                self._expected(1, 1, 100.0, (1, 4.0, 75.0, 100.0), (0, 0, 0, 0, 0.0)),
            ),
            "no satisfaction": (
                {self.q_sat: "", self.q_rec: "8"},
                True,
                self._expected(1, 1, 100.0, (0, 0.0, 0.0, 0.0), (1, 0, 1, 0, 0.0)),
            ),
            "not submitted": (
                {self.q_sat: "5", self.q_rec: "10"},
                False,
                self._expected(1, 0, 0.0, (0, 0.0, 0.0, 0.0), (0, 0, 0, 0, 0.0)),
            ),
        }
        for label, (answers, done, expected) in cases.items():
            with self.subTest(case=label):
                campaign = self._campaign(
                    clients=self.client_sales,
                    participant_ids=[Command.set(self.sh_anna.ids)],
                )
                campaign.action_send()
                self._answer(campaign, self.sh_anna, answers, done=done)
                campaign.action_close()
                for scope, target in (
                    ("campaign", None),
                    ("internal_client", self.client_sales),
                    ("stakeholder", self.sh_anna),
                ):
                    result = self._result(campaign, scope, target)
                    self.assertEqual(self._figures(result), expected, scope)

    def test_several_people_by_hand(self):
        """Three invited, two answered (5/10 and 2/6); of the campaign's
        client two invited (Anna, Erik), one answered; a test entry counts
        nowhere."""
        campaign = self._campaign(
            clients=self.client_sales,
            participant_ids=[
                Command.set((self.sh_anna | self.sh_bob | self.sh_erik).ids)
            ],
        )
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "5", self.q_rec: "10"})
        self._answer(campaign, self.sh_bob, {self.q_sat: "2", self.q_rec: "6"})
        test_entry = (
            self.env["survey.user_input"]
            .sudo()
            .create(
                {
                    "survey_id": campaign.survey_id.id,
                    "test_entry": True,
                    "hr_campaign_id": campaign.id,
                }
            )
        )
        test_entry._save_lines(self.q_sat, "1")
        test_entry._mark_done()
        campaign.action_close()
        self.assertEqual(
            self._figures(self._result(campaign, "campaign")),
            self._expected(3, 2, 66.7, (2, 3.5, 62.5, 50.0), (2, 1, 0, 1, 0.0)),
        )
        self.assertEqual(
            self._figures(self._result(campaign, "internal_client", self.client_sales)),
            self._expected(2, 1, 50.0, (1, 5.0, 100.0, 100.0), (1, 1, 0, 0, 100.0)),
        )
        self.assertEqual(
            self._figures(self._result(campaign, "stakeholder", self.sh_bob)),
            self._expected(1, 1, 100.0, (1, 2.0, 25.0, 0.0), (1, 0, 0, 1, -100.0)),
        )
        self.assertEqual(
            self._figures(self._result(campaign, "stakeholder", self.sh_erik)),
            self._expected(1, 0, 0.0, (0, 0.0, 0.0, 0.0), (0, 0, 0, 0, 0.0)),
        )
