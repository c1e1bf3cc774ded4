# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from lxml import html

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged

from .common import HrRelationshipCase, SatisfactionSurveyMixin


class ValueCycleMixin(SatisfactionSurveyMixin):
    @classmethod
    def _setup_cycle(cls):
        cls._setup_survey_refs()
        cls.pulse_survey = cls.env.ref("hr_relationship.survey_pulse")
        cls.pulse_q_sat = cls.env.ref("hr_relationship.survey_pulse_q_satisfaction")

    def _set_param(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(
            "hr_relationship." + key, value
        )

    def _closed_campaign(self, answers=None, clients=None, **values):
        """A closed campaign where Sales rates recruitment important but
        poorly performed and is unhappy, and Operations is happy."""
        if answers is None:
            answers = {
                self.sh_anna: {
                    self.q_sat: "2",
                    self.q_rec: "3",
                    self.q_recr_imp: "5",
                    self.q_recr_perf: "2",
                    self.q_learn_imp: "3",
                    self.q_learn_perf: "4",
                },
                self.sh_erik: {
                    self.q_sat: "3",
                    self.q_rec: "5",
                    self.q_recr_imp: "5",
                    self.q_recr_perf: "1",
                    self.q_learn_imp: "5",
                    self.q_learn_perf: "5",
                },
                self.sh_bob: {
                    self.q_sat: "5",
                    self.q_rec: "10",
                    self.q_recr_imp: "4",
                    self.q_recr_perf: "4",
                },
            }
        campaign = self._campaign(clients, **values)
        campaign.action_send()
        for stakeholder, answer in answers.items():
            self._answer(campaign, stakeholder, answer)
        campaign.with_user(self.manager).action_close()
        return campaign

    def _plan(self, campaign, user=None):
        action = campaign.with_user(user or self.manager).action_plan_improvements()
        return (
            self.env[action["res_model"]]
            .with_user(user or self.manager)
            .browse(action["res_id"])
        )

    def _actions(self, campaign):
        return self.env["project.task"].search([("hr_campaign_id", "=", campaign.id)])


@tagged("post_install", "-at_install")
class TestImprovementActions(ValueCycleMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cycle()

    def test_plan_proposes_quadrant_services_and_unhappy_clients(self):
        # Actions of projects shared between companies count for everyone.
        recruitment = self.recruitment.with_user(self.manager)
        shared = (
            recruitment.improvement_open_count,
            recruitment.improvement_done_count,
        )
        recruitment.invalidate_recordset()
        campaign = self._closed_campaign()
        wizard = self._plan(campaign)
        lines = wizard.line_ids
        self.assertEqual(len(lines), 2, lines.mapped("name"))
        service_line = lines.filtered(lambda line: line.kind == "service")
        # Recruitment: importance 4.67, performance 2.33; learning is fine.
        self.assertEqual(service_line.service_id, self.recruitment)
        # Only Sales rates recruitment in the quadrant.
        self.assertEqual(service_line.internal_client_ids, self.client_sales)
        self.assertIn("4.7", service_line.reason)
        client_line = lines.filtered(lambda line: line.kind == "client")
        self.assertEqual(client_line.internal_client_ids, self.client_sales)
        self.assertEqual(client_line.user_id, self.client_sales.hr_partner_id)
        self.assertIn("CSAT 0%", client_line.reason)
        self.assertTrue(all(lines.mapped("date_deadline")))

        action = wizard.action_confirm()
        self.assertEqual(action["res_model"], "project.task")
        tasks = self._actions(campaign)
        self.assertEqual(len(tasks), 2)
        project = self.company.hr_improvement_project_id
        self.assertTrue(project)
        self.assertEqual(tasks.project_id, project)
        self.assertEqual(project.privacy_visibility, "employees")
        service_task = tasks.filtered("hr_service_id")
        self.assertEqual(service_task.hr_service_id, self.recruitment)
        self.assertEqual(service_task.hr_internal_client_ids, self.client_sales)
        self.assertEqual(service_task.user_ids, self.manager)
        self.assertTrue(service_task.date_deadline)

        self.assertEqual(
            (campaign.improvement_open_count, campaign.improvement_done_count), (2, 0)
        )
        self.assertEqual(self.client_sales.improvement_open_count, 2)
        self.assertEqual(self.client_ops.improvement_open_count, 0)
        # In the user's companies only (the demo data has actions too).
        self.assertEqual(recruitment.improvement_open_count, shared[0] + 1)
        service_task.state = "1_done"
        campaign.invalidate_recordset()
        recruitment.invalidate_recordset()
        self.assertEqual(
            (campaign.improvement_open_count, campaign.improvement_done_count), (1, 1)
        )
        self.assertEqual(
            (recruitment.improvement_open_count, recruitment.improvement_done_count),
            (shared[0], shared[1] + 1),
        )

        # The project is made once per company, and planned actions are not
        # proposed again.
        again = self._plan(campaign)
        self.assertFalse(again.line_ids)
        self.assertIn("already planned", again.empty_reason)
        self.assertFalse(wizard.empty_reason)
        self.assertEqual(self.company.hr_improvement_project_id, project)

    def test_thresholds_come_from_the_settings(self):
        self._set_param("improvement_performance_max", "2.0")
        self._set_param("improvement_csat_min", "0")
        self._set_param("improvement_nps_min", "-100")
        campaign = self._closed_campaign()
        wizard = self._plan(campaign)
        self.assertFalse(wizard.line_ids)
        # The wizard says why it proposes nothing.
        self.assertIn("No HR service is rated important", wizard.empty_reason)
        self.assertIn("2.0 or less", wizard.empty_reason)

    def test_plan_says_why_nothing_without_answers(self):
        wizard = self._plan(self._closed_campaign(answers={}))
        self.assertFalse(wizard.line_ids)
        self.assertIn("Nobody answered", wizard.empty_reason)

    def test_action_added_by_hand_gets_the_default_deadline(self):
        """A line added by hand has the deadline the proposed ones get."""
        self._set_param("improvement_deadline_days", "45")
        wizard = self._plan(self._closed_campaign())
        expected = fields.Date.context_today(wizard) + timedelta(days=45)
        self.assertEqual(set(wizard.line_ids.mapped("date_deadline")), {expected})
        with Form(wizard) as form, form.line_ids.new() as line:
            line.name = "Coffee with the works council"
            self.assertEqual(line.date_deadline, expected)
        self.assertEqual(
            wizard.line_ids.filtered(
                lambda ln: ln.name.startswith("Coffee")
            ).date_deadline,
            expected,
        )

    def test_plan_needs_a_closed_campaign_and_write_access(self):
        campaign = self._campaign()
        campaign.action_send()
        with self.assertRaisesRegex(UserError, "not closed yet"):
            campaign.with_user(self.manager).action_plan_improvements()
        campaign.with_user(self.manager).action_close()
        # Sales and Operations have two HR partners: neither runs it alone.
        with self.assertRaises(AccessError):
            campaign.with_user(self.user).action_plan_improvements()

    def test_confirm_without_selection(self):
        wizard = self._plan(self._closed_campaign())
        wizard.line_ids.selected = False
        with self.assertRaisesRegex(UserError, "at least one"):
            wizard.action_confirm()
        self.assertFalse(self._actions(wizard.campaign_id))

    def test_task_links_hidden_without_a_relationship_role(self):
        wizard = self._plan(self._closed_campaign())
        wizard.action_confirm()
        task = self._actions(wizard.campaign_id)[0]
        # The improvement project is open to all employees...
        self.assertTrue(task.with_user(self.internal_user).read(["name"]))
        # ...but its links to the relationship data are not.
        with self.assertRaises(AccessError):
            task.with_user(self.internal_user).read(["hr_campaign_id"])
        with self.assertRaises(AccessError):
            self.env["project.task"].with_user(self.internal_user).search(
                [("hr_internal_client_ids", "in", self.client_sales.ids)]
            )

    def test_next_campaign_shows_before_and_after(self):
        first = self._closed_campaign()
        second = self._closed_campaign(
            {
                self.sh_anna: {self.q_recr_imp: "5", self.q_recr_perf: "4"},
                self.sh_erik: {self.q_recr_imp: "5", self.q_recr_perf: "4"},
            }
        )
        line = second.service_result_ids.filtered(
            lambda ln: ln.service_id == self.recruitment
        )
        self.assertEqual(line.previous_campaign_id, first)
        self.assertAlmostEqual(line.previous_performance_mean, 7 / 3, places=2)
        self.assertAlmostEqual(line.performance_delta, 4 - 7 / 3, places=2)
        # Per client too: Sales went from 1.5 to 4.
        sales = second.result_ids.service_result_ids.filtered(
            lambda ln: ln.internal_client_id == self.client_sales
        )
        self.assertAlmostEqual(sales.performance_delta, 2.5, places=2)
        # The first campaign has nothing before it.
        first_line = first.service_result_ids.filtered(
            lambda ln: ln.service_id == self.recruitment
        )
        self.assertFalse(first_line.previous_campaign_id)
        self.assertFalse(first_line.performance_delta)


@tagged("post_install", "-at_install")
class TestYouSaidWeDid(ValueCycleMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cycle()

    def _composer(self, campaign):
        action = campaign.with_user(self.manager).action_you_said_we_did()
        self.assertEqual(action["res_model"], "mail.compose.message")
        return (
            self.env["mail.compose.message"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({})
        )

    def _planned(self, answers=None, **values):
        campaign = self._closed_campaign(answers, **values)
        self._plan(campaign).action_confirm()
        return campaign

    def test_message_shows_results_and_actions_to_participants(self):
        campaign = self._planned()
        composer = self._composer(campaign)
        self.assertIn("You said, we did", composer.subject)
        body = str(composer.body)
        # Satisfaction 2, 3 and 5: CSAT 33%; recommendation 3, 5 and 10: one
        # promoter and two detractors, NPS -33.
        self.assertIn("3 of 3 people answered", body)
        self.assertIn("33% are satisfied", body)
        self.assertIn("Net Promoter Score is -33", body)
        self.assertIn("Recruitment and selection", body)
        self.assertIn("Improve Recruitment and selection", body)
        self.assertIn("Win back HRR Sales", body)
        self.assertNotIn("Fewer than", body)
        self.assertEqual(
            composer.partner_ids,
            self.emp_anna.work_contact_id
            | self.partner_ext
            | self.emp_bob.work_contact_id,
        )
        composer._action_send_mail()
        message = campaign.message_ids.filtered(
            lambda m: "You said, we did" in (m.subject or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, composer.partner_ids)
        # Mailed to each of them (sent at once, so the mails are gone).
        emailed = message.sudo().notification_ids.filtered(
            lambda n: n.notification_type == "email"
        )
        self.assertEqual(emailed.res_partner_id, composer.partner_ids)

    def _sections(self, body):
        """Each heading of the message and the action names listed under it."""
        tree = html.fromstring(str(body))
        return {
            heading.text_content(): [
                name.text_content().strip() for name in heading.getnext().iter("strong")
            ]
            for heading in tree.iter("h3")
            if heading.getnext() is not None and heading.getnext().tag == "ul"
        }

    def _done_and_open(self):
        campaign = self._planned()
        done = self._actions(campaign).filtered(
            lambda task: task.name == "Win back HRR Sales"
        )
        done.state = "1_done"
        return campaign

    def test_we_did_lists_only_done_actions(self):
        campaign = self._done_and_open()
        sections = self._sections(self._composer(campaign).body)
        self.assertEqual(sections["We did"], ["Win back HRR Sales"])
        self.assertEqual(
            sections["We are working on"], ["Improve Recruitment and selection"]
        )
        # Nothing done yet: no "we did" at all.
        self._actions(campaign).state = "01_in_progress"
        sections = self._sections(self._composer(campaign).body)
        self.assertNotIn("We did", sections)
        self.assertEqual(len(sections["We are working on"]), 2)

    def test_numbers_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        campaign = self._done_and_open()
        campaign._hr_you_said_we_did_partners().sudo().lang = "nl_NL"
        composer = self._composer(campaign)
        self.assertEqual(composer.lang, "nl_NL")
        body = str(composer.body)
        # Recruitment's importance: 5, 5 and 4, a mean of 4.67.
        self.assertIn(">4,7<", body)
        self.assertNotIn(">4.7<", body)
        self.assertIn("Win back HRR Sales", body)

    def test_anonymous_campaign_below_minimum_group_withholds_figures(self):
        campaign = self._closed_campaign(anonymous=True)
        wizard = self._plan(campaign)
        # Withheld figures propose nothing; HR still plans an action by hand.
        self.assertFalse(wizard.line_ids)
        wizard.line_ids = [
            Command.create(
                {
                    "name": "Improve Recruitment and selection",
                    "service_id": self.recruitment.id,
                }
            )
        ]
        wizard.action_confirm()
        values = campaign._hr_you_said_we_did_values()
        self.assertTrue(values["withheld"])
        self.assertEqual(values["min_group"], 5)
        self.assertIsNone(values["csat"])
        self.assertFalse(values["services"])
        body = str(self._composer(campaign).body)
        self.assertIn("Fewer than", body)
        self.assertNotIn("CSAT", body)
        self.assertNotIn("Importance (1-5)", body)
        # The actions are still told.
        self.assertIn("Improve Recruitment and selection", body)

        # With a minimum of 3 when the campaign closes, three answers are
        # enough (lowering it later cannot bring back what was not stored).
        self._set_param("anonymity_min_group", "3")
        values = self._closed_campaign(anonymous=True)._hr_you_said_we_did_values()
        self.assertFalse(values["withheld"])
        self.assertIsNotNone(values["csat"])
        self.assertTrue(values["services"])

    def test_needs_closed_campaign_with_actions(self):
        campaign = self._closed_campaign()
        with self.assertRaisesRegex(UserError, "no improvement actions"):
            campaign.with_user(self.manager).action_you_said_we_did()
        running = self._campaign()
        running.action_send()
        with self.assertRaisesRegex(UserError, "not closed yet"):
            running.with_user(self.manager).action_you_said_we_did()

    def test_client_stakeholders_as_audience(self):
        campaign = self._planned(
            clients=self.client_sales,
            answers={
                self.sh_anna: {self.q_sat: "2", self.q_rec: "3"},
                self.sh_erik: {self.q_sat: "3", self.q_rec: "5"},
            },
        )
        extra = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Late Lisa", "email": "lisa@hrr.example.com"})
                .id,
                "company_id": self.company.id,
                "consent": True,
                "internal_client_ids": [Command.link(self.client_sales.id)],
            }
        )
        partners = campaign._hr_you_said_we_did_partners("stakeholders")
        self.assertIn(extra.partner_id, partners)
        self.assertNotIn(
            extra.partner_id, campaign._hr_you_said_we_did_partners("participants")
        )


@tagged("post_install", "-at_install")
class TestPulseSurvey(ValueCycleMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cycle()

    def _project(self, client, name="HRR Onboarding"):
        return self.env["project.project"].create(
            {
                "name": name,
                "company_id": self.company.id,
                "internal_client_id": client.id,
            }
        )

    def _pulses(self):
        return self.env["hr.satisfaction.survey"].search(
            [("kind", "=", "pulse"), ("company_id", "=", self.company.id)]
        )

    def test_closing_a_project_sends_a_pulse_to_the_client_stakeholders(self):
        project = self._project(self.client_sales)
        project.name = "HRR Onboarding 2"
        self.assertFalse(self._pulses(), "a write that does not close sends nothing")
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([])
        project.last_update_status = "done"
        pulse = self._pulses()
        self.assertEqual(len(pulse), 1)
        self.assertEqual(pulse.state, "running")
        self.assertEqual(pulse.survey_id, self.pulse_survey)
        self.assertEqual(pulse.pulse_project_id, project)
        self.assertEqual(pulse.internal_client_ids, self.client_sales)
        self.assertEqual(pulse.participant_ids, self.sh_anna | self.sh_erik)
        self.assertEqual(len(pulse.sudo().user_input_ids), 2)
        self.assertEqual(
            (Mail.search([]) - before).recipient_ids,
            self.emp_anna.work_contact_id | self.partner_ext,
        )
        self.assertGreater(pulse.deadline, fields.Datetime.now())

    def test_folded_stage_closes_a_project(self):
        stage = self.env["project.project.stage"].create(
            {"name": "HRR Done", "fold": True}
        )
        project = self._project(self.client_ops)
        project.stage_id = stage
        self.assertEqual(self._pulses().participant_ids, self.sh_bob)

    def test_rate_limit_per_person(self):
        self._project(self.client_sales, "First").last_update_status = "done"
        first = self._pulses()
        # Erik also works with Operations now: he got a pulse, Bob did not.
        self.sh_erik.internal_client_ids = [Command.link(self.client_ops.id)]
        self._project(self.client_sales, "Second").last_update_status = "done"
        self.assertEqual(self._pulses(), first, "everybody was pulsed lately")
        self._project(self.client_ops, "Third").last_update_status = "done"
        third = self._pulses() - first
        self.assertEqual(third.participant_ids, self.sh_bob)
        # A month later the limit is over.
        first.sent_date = fields.Datetime.now() - timedelta(days=31)
        self._project(self.client_sales, "Fourth").last_update_status = "done"
        fourth = self._pulses() - first - third
        self.assertEqual(fourth.participant_ids, self.sh_anna | self.sh_erik)

    def test_rate_limit_is_a_setting(self):
        self._set_param("pulse_rate_limit_days", "0")
        self._project(self.client_sales, "First").last_update_status = "done"
        self._project(self.client_sales, "Second").last_update_status = "done"
        self.assertEqual(len(self._pulses()), 2)

    def test_pulse_after_chosen_interaction_types(self):
        self._interaction(self.sh_bob, interaction_type="coaching")
        self.assertFalse(self._pulses(), "no interaction type chosen by default")
        self._set_param("pulse_after_coaching", "True")
        self._interaction(self.sh_bob, interaction_type="meeting")
        self.assertFalse(self._pulses())
        interaction = self._interaction(self.sh_bob, interaction_type="coaching")
        pulse = self._pulses()
        self.assertEqual(pulse.pulse_interaction_id, interaction)
        self.assertEqual(pulse.participant_ids, self.sh_bob)
        self.assertEqual(pulse.internal_client_ids, self.client_ops)

    def test_no_pulse_after_a_planned_contact(self):
        self._set_param("pulse_after_meeting", "True")
        next_week = fields.Date.today() + timedelta(days=7)
        self._interaction(self.sh_bob, interaction_type="meeting", date=next_week)
        self.assertFalse(self._pulses(), "the meeting has not taken place yet")
        self._interaction(self.sh_bob, interaction_type="meeting")
        self.assertEqual(self._pulses().participant_ids, self.sh_bob)

    def test_pulse_results_flow_into_client_figures(self):
        self._project(self.client_sales).last_update_status = "done"
        pulse = self._pulses()
        self._answer(pulse, self.sh_anna, {self.pulse_q_sat: "5"})
        self._answer(pulse, self.sh_erik, {self.pulse_q_sat: "2"})
        self.env["hr.satisfaction.survey"]._cron_close_pulses()
        self.assertEqual(pulse.state, "running", "still open until its deadline")
        pulse.deadline = fields.Datetime.now() - timedelta(minutes=1)
        self.env["hr.satisfaction.survey"]._cron_close_pulses()
        self.assertEqual(pulse.state, "closed")
        client = self._result(pulse, "internal_client", self.client_sales)
        self.assertEqual(client.responded_count, 2)
        self.assertAlmostEqual(client.csat, 50.0)
        self.client_sales.invalidate_recordset()
        self.assertAlmostEqual(self.client_sales.latest_csat, 50.0)
        self.assertAlmostEqual(
            self._result(pulse, "stakeholder", self.sh_anna).satisfaction_index, 100.0
        )

    def test_pulse_keeps_the_latest_nps_it_does_not_ask(self):
        campaign = self._campaign(self.client_sales)
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "4", self.q_rec: "9"})
        campaign.action_close()
        self._project(self.client_sales).last_update_status = "done"
        pulse = self._pulses()
        self._answer(pulse, self.sh_anna, {self.pulse_q_sat: "2"})
        pulse.action_close()
        self.env.invalidate_all()
        # Satisfaction comes from the pulse, the NPS still from the campaign.
        self.assertAlmostEqual(self.sh_anna.latest_satisfaction_index, 25.0)
        self.assertAlmostEqual(self.sh_anna.latest_nps, 100.0)
        self.assertAlmostEqual(self.client_sales.latest_csat, 0.0)
        self.assertAlmostEqual(self.client_sales.latest_nps, 100.0)

    def test_template_is_short_and_measures_satisfaction(self):
        questions = self.pulse_survey.question_ids
        self.assertEqual(len(questions), 2)
        self.assertEqual(
            questions.filtered("hr_metric_role").hr_metric_role, "satisfaction"
        )
        self.assertEqual(
            questions.filtered(lambda q: q.question_type == "text_box").mapped(
                "constr_mandatory"
            ),
            [False],
        )


@tagged("post_install", "-at_install")
class TestValueCycleTour(ValueCycleMixin, HttpCase, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_cycle()

    def test_tour_plans_improvements_from_a_closed_campaign(self):
        campaign = self._closed_campaign(name="HRR tour value check")
        self.start_tour(
            f"/odoo/action-hr_relationship.action_hr_satisfaction_survey/{campaign.id}",
            "hr_value_cycle_tour",
            login=self.manager.login,
        )
        tasks = self._actions(campaign)
        self.assertEqual(
            sorted(tasks.mapped("name")),
            ["Improve Recruitment and selection", "Win back HRR Sales"],
        )

    def test_tour_plan_says_why_it_proposes_nothing(self):
        campaign = self._closed_campaign(answers={}, name="HRR tour nobody answered")
        self.start_tour(
            f"/odoo/action-hr_relationship.action_hr_satisfaction_survey/{campaign.id}",
            "hr_relationship_plan_empty_tour",
            login=self.manager.login,
        )
        task = self._actions(campaign)
        self.assertEqual(task.name, "Coffee with the works council")
        self.assertTrue(task.date_deadline)

    def test_tour_no_earlier_figure_is_blank(self):
        campaign = self._closed_campaign(name="HRR first value check")
        self.start_tour(
            f"/odoo/action-hr_relationship.action_hr_satisfaction_survey/{campaign.id}",
            "hr_service_previous_tour",
            login=self.manager.login,
        )
