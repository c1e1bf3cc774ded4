# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import SatisfactionSurveyMixin

from .common import RecruitmentCase


@tagged("post_install", "-at_install")
class TestRecruitmentPulse(RecruitmentCase):
    """When a candidate's process ends, an optional pulse asks about their
    experience; it rates the HR service Recruitment and selection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stakeholder = cls._keep_as_superuser(cls.applicant)
        cls.survey = cls.env.ref("hr_relationship_recruitment.survey_candidate_pulse")
        cls.service = cls.env.ref("hr_relationship.service_recruitment")

    @classmethod
    def _keep_as_superuser(cls, applicant):
        wizard = cls.env["hr.applicant.stakeholder.wizard"].create(
            {"applicant_id": applicant.id}
        )
        return cls.env["hr.stakeholder"].browse(wizard.action_confirm()["res_id"])

    def _pulses(self):
        return self.env["hr.satisfaction.survey"].search(
            [("kind", "=", "pulse"), ("company_id", "=", self.company.id)]
        )

    def _enable(self):
        self.env["res.config.settings"].create({"hr_candidate_pulse": True}).execute()

    def test_off_by_default(self):
        self.applicant.write({"stage_id": self.stage_hired.id})
        self.assertFalse(self._pulses())

    def test_setting(self):
        self._enable()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "hr_relationship.candidate_pulse"
            ),
            "True",
        )
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.hr_candidate_pulse)
        view = self.env.ref(
            "hr_relationship_recruitment.res_config_settings_view_form_recruitment"
        )
        self.assertIn("hr_candidate_pulse", view.arch)

    def test_hire_sends_the_pulse(self):
        self._enable()
        self.applicant.with_user(self.recruiter).write(
            {"stage_id": self.stage_interview.id}
        )
        self.assertFalse(self._pulses(), "the process goes on")
        self.applicant.with_user(self.recruiter).write(
            {"stage_id": self.stage_hired.id}
        )
        pulse = self._pulses()
        self.assertRecordValues(
            pulse,
            [
                {
                    "kind": "pulse",
                    "state": "running",
                    "survey_id": self.survey.id,
                    "pulse_applicant_id": self.applicant.id,
                    "user_id": self.recruiter.id,
                }
            ],
        )
        self.assertEqual(pulse.participant_ids, self.stakeholder)
        self.assertEqual(pulse.user_input_ids.hr_stakeholder_id, self.stakeholder)

    def test_refusal_sends_the_pulse(self):
        self._enable()
        self.applicant.write(
            {"refuse_reason_id": self.refuse_reason.id, "active": False}
        )
        self.assertEqual(self._pulses().pulse_applicant_id, self.applicant)

    def test_no_pulse_without_a_relationship(self):
        self._enable()
        applicant = self._applicant("Kim Onbekend", "kim@example.com")
        applicant.write({"stage_id": self.stage_hired.id})
        self.assertFalse(self._pulses())

    def test_answers_rate_recruitment_and_selection(self):
        self._enable()
        self.applicant.write({"stage_id": self.stage_hired.id})
        pulse = self._pulses()
        answer = pulse.sudo().user_input_ids
        questions = self.survey.question_ids
        by_role = {q.hr_metric_role: q for q in questions if q.hr_metric_role}
        answer._save_lines(by_role["satisfaction"], "4")
        answer._save_lines(by_role["service_performance"], "2")
        answer._mark_done()
        pulse.action_close()
        self.assertEqual(pulse.state, "closed")
        campaign_result = pulse.result_ids.filtered(lambda r: r.scope == "campaign")
        self.assertEqual(len(campaign_result), 1)
        self.assertAlmostEqual(campaign_result.csat, 100.0)
        line = campaign_result.service_result_ids
        self.assertEqual(line.service_id, self.service)
        self.assertEqual(line.performance_count, 1)
        self.assertAlmostEqual(line.performance_mean, 2.0)
        self.assertEqual(
            self.service.name, "Recruitment and selection", "the shipped service"
        )


@tagged("post_install", "-at_install")
class TestCandidatePulseApart(SatisfactionSurveyMixin, RecruitmentCase):
    """A candidate's view of recruitment is no internal client's: candidate
    pulses stay out of the customer-value trend, and a campaign compares
    its services only with an earlier one of its own kind and audience."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        cls.env["hr.applicant.stakeholder.wizard"].create(
            {"applicant_id": cls.applicant.id}
        ).action_confirm()
        cls.env["ir.config_parameter"].set_param(
            "hr_relationship.candidate_pulse", "True"
        )

    def _value_campaign(self, performance):
        campaign = self._campaign(self.client_sales, name=f"HRR value {performance}")
        campaign.action_send()
        self._answer(
            campaign,
            self.sh_anna,
            {self.q_sat: "4", self.q_recr_imp: "5", self.q_recr_perf: performance},
        )
        campaign.action_close()
        return campaign

    def _candidate_pulse(self):
        self.applicant.write({"stage_id": self.stage_hired.id})
        pulse = self.env["hr.satisfaction.survey"].search(
            [("kind", "=", "pulse"), ("company_id", "=", self.company.id)]
        )
        answer = pulse.sudo().user_input_ids
        roles = {q.hr_metric_role: q for q in pulse.survey_id.question_ids}
        answer._save_lines(roles["satisfaction"], "1")
        answer._save_lines(roles["service_performance"], "5")
        answer._mark_done()
        pulse.action_close()
        return pulse

    def _recruitment_line(self, campaign):
        return campaign.service_result_ids.filtered(
            lambda line: line.service_id == self.recruitment
        )

    def test_previous_campaign_is_of_the_same_kind(self):
        first = self._value_campaign("2")
        pulse = self._candidate_pulse()
        second = self._value_campaign("4")
        self.assertEqual(
            (first | pulse | second).mapped("audience"),
            ["internal_clients", "candidates", "internal_clients"],
        )
        line = self._recruitment_line(second)
        self.assertEqual(line.previous_campaign_id, first)
        self.assertAlmostEqual(line.previous_performance_mean, 2.0)
        self.assertAlmostEqual(line.performance_delta, 2.0)
        # Nothing to compare the candidates' figure with: blank, not 0.00.
        self.assertFalse(self._recruitment_line(pulse).previous_campaign_id)

    def test_customer_value_trend_leaves_candidates_out(self):
        first = self._value_campaign("2")
        pulse = self._candidate_pulse()
        self.assertTrue(pulse.result_ids)
        trend = (
            self.env["hr.relationship.overview"]
            .with_user(self.manager)
            ._customer_value_trend()
        )
        self.assertEqual([row["campaign"] for row in trend], [first.name])
