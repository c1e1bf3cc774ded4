# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import HrRelationshipCase, SatisfactionSurveyMixin


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(SatisfactionSurveyMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def test_default_participants_are_client_stakeholders_with_email(self):
        no_email = self.env["hr.stakeholder"].create(
            {
                "employee_id": self.env["hr.employee"]
                .create({"name": "Nina No-Mail", "company_id": self.company.id})
                .id,
                "company_id": self.company.id,
                "internal_client_ids": [Command.link(self.client_sales.id)],
            }
        )
        campaign = self._campaign(self.client_sales)
        self.assertEqual(campaign.survey_id, self.survey)
        self.assertEqual(campaign.participant_ids, self.sh_anna | self.sh_erik)
        self.assertNotIn(no_email, campaign.participant_ids)

    def test_send_creates_one_personal_link_and_mail_per_participant(self):
        campaign = self._campaign()
        campaign.action_send()
        self.assertEqual(campaign.state, "running")
        answers = campaign.sudo().user_input_ids
        self.assertEqual(len(answers), 3)
        self.assertEqual(len(set(answers.mapped("access_token"))), 3)
        self.assertEqual(answers.survey_id, self.survey)
        self.assertEqual(
            self._answer_of(campaign, self.sh_anna).partner_id,
            self.emp_anna.work_contact_id,
        )
        self.assertEqual(
            self._answer_of(campaign, self.sh_erik).partner_id, self.partner_ext
        )
        for answer in answers:
            mail = (
                self.env["mail.mail"]
                .sudo()
                .search([("body_html", "like", answer.access_token)])
            )
            self.assertEqual(len(mail), 1, "one invitation per personal link")
            self.assertEqual(mail.recipient_ids, answer.partner_id)
        self.assertEqual(campaign.invited_count, 3)
        self.assertEqual(campaign.responded_count, 0)

    def test_sender_learns_how_many_went_out_and_of_a_missing_mail_server(self):
        self.env["ir.mail_server"].sudo().search([]).unlink()
        warning = self._campaign(self.client_sales).action_send()["params"]
        self.assertEqual(warning["type"], "warning")
        self.assertIn("Invitations queued: 2.", warning["message"])
        self.env["ir.mail_server"].sudo().create(
            {"name": "Relay", "smtp_host": "127.0.0.1", "smtp_port": 2525}
        )
        sent = self._campaign(self.client_ops).action_send()
        self.assertEqual(sent["params"]["type"], "success")
        self.assertIn("Invitations sent: 1.", sent["params"]["message"])

    def test_sender_learns_who_was_left_out_for_want_of_an_address(self):
        # A zzp'er whose contact has no address: participants are chosen
        # among those with one, and the sender must hear of the others.
        zzp = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Sem Zelfstandig"})
                .id,
                "relation_type": "freelancer",
                "company_id": self.company.id,
                "internal_client_ids": [Command.link(self.client_sales.id)],
            }
        )
        campaign = self._campaign(self.client_sales)
        self.assertNotIn(zzp, campaign.participant_ids)
        params = campaign.action_send()["params"]
        self.assertEqual(params["type"], "warning")
        self.assertTrue(params["sticky"])
        self.assertIn(
            "Left out, for want of an email address: Sem Zelfstandig.",
            params["message"],
        )
        self.assertIn("Sem Zelfstandig", campaign.message_ids[0].body)
        # Once the address is there, the next campaign invites them.
        zzp.partner_email = "sem@zelfstandig.example.nl"
        self.assertEqual(zzp.email, "sem@zelfstandig.example.nl")
        params = self._campaign(self.client_sales).action_send()["params"]
        self.assertNotIn("Left out", params["message"])
        self.assertIn("Invitations", params["message"])

    def test_send_without_participants(self):
        campaign = self._campaign(self.env["hr.internal.client"])
        with self.assertRaisesRegex(UserError, "has no participants"):
            campaign.action_send()

    def test_send_with_participant_without_email_sends_nothing(self):
        nina = self.env["hr.stakeholder"].create(
            {
                "employee_id": self.env["hr.employee"]
                .create({"name": "Nina No-Mail", "company_id": self.company.id})
                .id,
                "company_id": self.company.id,
            }
        )
        campaign = self._campaign()
        campaign.participant_ids = [Command.link(nina.id)]
        mails_before = self.env["mail.mail"].sudo().search_count([])
        with self.assertRaisesRegex(UserError, "Nina No-Mail"):
            campaign.action_send()
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(campaign.sudo().user_input_ids)
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]), mails_before)

    def test_send_survey_without_role_question(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "No metrics",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create({"title": "Anything?", "question_type": "char_box"})
                ],
            }
        )
        campaign = self._campaign(survey_id=survey.id)
        with self.assertRaisesRegex(UserError, "no question with an HR metric role"):
            campaign.action_send()
        self.assertFalse(campaign.sudo().user_input_ids)

    def test_sent_campaign_keeps_its_participants(self):
        campaign = self._campaign()
        campaign.action_send()
        with self.assertRaises(UserError):
            campaign.participant_ids = [Command.unlink(self.sh_bob.id)]
        with self.assertRaises(UserError):
            campaign.action_send()

    def test_reminder_goes_to_those_who_did_not_answer(self):
        campaign = self._campaign()
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "4", self.q_rec: "9"})
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([])
        campaign.action_remind()
        reminders = Mail.search([]) - before
        self.assertEqual(
            reminders.recipient_ids, self.partner_ext | self.emp_bob.work_contact_id
        )

    # ------------------------------------------------------------
    # Closing
    # ------------------------------------------------------------

    def test_close_refuses_later_answers_and_closing_twice(self):
        campaign = self._campaign()
        with self.assertRaisesRegex(UserError, "cannot be closed"):
            campaign.action_close()
        campaign.action_send()
        pending = self._answer_of(campaign, self.sh_bob)
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        # The deadline is what survey's controller checks before every page.
        self.assertLessEqual(pending.deadline, fields.Datetime.now())
        with self.assertRaisesRegex(UserError, "accepts no more answers"):
            pending._save_lines(self.q_sat, "5")
        with self.assertRaisesRegex(UserError, "cannot be closed"):
            campaign.action_close()

    def test_other_user_cannot_close_a_campaign_they_do_not_run(self):
        campaign = self._campaign()
        campaign.action_send()
        with self.assertRaises(AccessError):
            campaign.with_user(self.other_user).action_close()

    # ------------------------------------------------------------
    # Metrics, checked against values worked out by hand
    # ------------------------------------------------------------

    def test_metrics(self):
        campaign = self._campaign()
        campaign.action_send()
        # Anna (Sales): satisfied promoter; skips learning importance.
        self._answer(
            campaign,
            self.sh_anna,
            {
                self.q_sat: "5",
                self.q_rec: "10",
                self.q_recr_imp: "5",
                self.q_recr_perf: "3",
                self.q_learn_imp: "",
                self.q_learn_perf: "4",
                self.q_keep: "The quick answers",
            },
        )
        # Erik (Sales): neutral passive.
        self._answer(
            campaign,
            self.sh_erik,
            {
                self.q_sat: "3",
                self.q_rec: "7",
                self.q_recr_imp: "4",
                self.q_recr_perf: "4",
            },
        )
        # Bob (Operations) starts but never submits: not a response.
        self._answer(
            campaign, self.sh_bob, {self.q_sat: "1", self.q_rec: "0"}, done=False
        )
        self.assertEqual(campaign.responded_count, 2)
        campaign.action_close()

        total = self._result(campaign, "campaign")
        self.assertEqual((total.invited_count, total.responded_count), (3, 2))
        self.assertAlmostEqual(total.response_rate, 200 / 3, places=1)
        self.assertEqual(total.satisfaction_count, 2)
        self.assertAlmostEqual(total.mean_satisfaction, (5 + 3) / 2)
        self.assertAlmostEqual(total.csat, 50.0)  # one of two answered 4 or 5
        self.assertAlmostEqual(total.satisfaction_index, (4 - 1) / 4 * 100)
        self.assertEqual(
            (total.promoter_count, total.passive_count, total.detractor_count),
            (1, 1, 0),
        )
        self.assertAlmostEqual(total.nps, 50.0)  # (1 - 0) / 2
        services = {line.service_id: line for line in total.service_result_ids}
        recruitment = services[self.recruitment]
        self.assertAlmostEqual(recruitment.importance_mean, 4.5)
        self.assertAlmostEqual(recruitment.performance_mean, 3.5)
        self.assertAlmostEqual(recruitment.gap, 1.0)
        learning = services[self.learning]
        # The skipped importance answer is left out, not counted as zero.
        self.assertEqual(learning.importance_count, 0)
        self.assertEqual(learning.performance_count, 1)
        self.assertAlmostEqual(learning.performance_mean, 4.0)
        self.assertFalse(learning.gap)

        sales = self._result(campaign, "internal_client", self.client_sales)
        self.assertEqual((sales.invited_count, sales.responded_count), (2, 2))
        self.assertAlmostEqual(sales.response_rate, 100.0)
        self.assertAlmostEqual(sales.csat, 50.0)
        ops = self._result(campaign, "internal_client", self.client_ops)
        self.assertEqual((ops.invited_count, ops.responded_count), (1, 0))
        self.assertEqual(ops.response_rate, 0.0)
        self.assertEqual((ops.satisfaction_count, ops.recommendation_count), (0, 0))
        self.assertFalse(ops.service_result_ids)

        anna = self._result(campaign, "stakeholder", self.sh_anna)
        self.assertAlmostEqual(anna.satisfaction_index, 100.0)
        self.assertAlmostEqual(anna.nps, 100.0)
        erik = self._result(campaign, "stakeholder", self.sh_erik)
        self.assertAlmostEqual(erik.satisfaction_index, 50.0)
        self.assertAlmostEqual(erik.nps, 0.0)
        self.assertEqual(erik.recommendation_count, 1)
        # A passive's NPS of 0 is a real figure, not an empty one.
        self.assertIsNot(self.sh_erik.latest_nps, False)
        self.assertEqual(self.sh_erik.latest_nps, 0.0)

        # What the health score will read.
        today = fields.Date.context_today(campaign)
        self.assertAlmostEqual(self.sh_anna.latest_satisfaction_index, 100.0)
        self.assertAlmostEqual(self.sh_anna.latest_nps, 100.0)
        self.assertEqual(self.sh_anna.latest_survey_date, today)
        self.assertFalse(self.sh_bob.latest_survey_date)
        self.assertAlmostEqual(self.client_sales.latest_csat, 50.0)
        self.assertAlmostEqual(self.client_sales.latest_nps, 50.0)
        self.assertFalse(self.client_ops.latest_survey_date)

    def test_the_service_to_act_on_first_comes_first(self):
        campaign = self._campaign()
        campaign.action_send()
        self._answer(
            campaign,
            self.sh_anna,
            {
                self.q_recr_imp: "5",
                self.q_recr_perf: "3",
                self.q_learn_imp: "",
                self.q_learn_perf: "4",
            },
        )
        campaign.action_close()
        total = self._result(campaign, "campaign")
        lines = self.env["hr.satisfaction.service.result"].search(
            [("result_id", "=", total.id)]
        )
        # Recruitment has the largest gap; nobody rated the importance of
        # learning, so it has no gap and goes last, not first.
        self.assertEqual(lines[0].service_id, self.recruitment)
        self.assertEqual(lines[-1].service_id, self.learning)
        self.assertEqual(lines[-1].importance_count, 0)
        total.invalidate_recordset(["service_result_ids"])
        self.assertEqual(total.service_result_ids, lines)

    def test_no_answers(self):
        campaign = self._campaign()
        campaign.action_send()
        campaign.action_close()
        total = self._result(campaign, "campaign")
        self.assertEqual((total.invited_count, total.responded_count), (3, 0))
        self.assertEqual(total.response_rate, 0.0)
        self.assertEqual(total.satisfaction_count, 0)
        self.assertFalse(total.csat)
        self.assertFalse(total.nps)
        self.assertFalse(total.service_result_ids)
        self.assertFalse(self.client_sales.latest_survey_date)
        # Unknown, not 0: nothing stored, so that reports average it out.
        self.env.cr.execute(
            "SELECT csat, mean_satisfaction, nps FROM hr_satisfaction_result"
            " WHERE id = %s",
            [total.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, None, None))
        [(csat,)] = self.env["hr.satisfaction.result"]._read_group(
            [("campaign_id", "=", campaign.id)], [], ["csat:avg"]
        )
        self.assertFalse(csat)

    def test_all_detractors(self):
        campaign = self._campaign()
        campaign.action_send()
        for stakeholder, score in (
            (self.sh_anna, "0"),
            (self.sh_erik, "6"),
            (self.sh_bob, "3"),
        ):
            self._answer(campaign, stakeholder, {self.q_sat: "2", self.q_rec: score})
        campaign.action_close()
        total = self._result(campaign, "campaign")
        self.assertEqual(total.detractor_count, 3)
        self.assertAlmostEqual(total.nps, -100.0)
        self.assertAlmostEqual(total.csat, 0.0)
        self.assertEqual(total.satisfaction_count, 3)
        self.assertAlmostEqual(self.sh_bob.latest_nps, -100.0)
        self.assertAlmostEqual(self.sh_bob.latest_satisfaction_index, 25.0)

    def test_latest_comes_from_the_newest_campaign(self):
        first = self._campaign(self.client_sales)
        first.action_send()
        self._answer(first, self.sh_anna, {self.q_sat: "1", self.q_rec: "2"})
        first.action_close()
        first.result_ids.sudo().date = fields.Date.today() - timedelta(days=90)
        second = self._campaign(self.client_sales)
        second.action_send()
        self._answer(second, self.sh_anna, {self.q_sat: "4", self.q_rec: "9"})
        second.action_close()
        self.assertAlmostEqual(self.sh_anna.latest_satisfaction_index, 75.0)
        self.assertAlmostEqual(self.sh_anna.latest_nps, 100.0)
        self.assertAlmostEqual(self.client_sales.latest_csat, 100.0)

    def _count_result_queries(self, campaign):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.env["hr.satisfaction.result"].sudo()._compute_for_campaigns(campaign)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_result_queries_do_not_grow_with_answers(self):
        few = self._campaign()
        few.action_send()
        self._answer(few, self.sh_anna, {self.q_sat: "4"})
        many = self._campaign()
        many.action_send()
        for stakeholder in self.sh_anna | self.sh_erik | self.sh_bob:
            self._answer(many, stakeholder, {self.q_sat: "5", self.q_rec: "8"})
        # Warm-up: both then have results to replace, and caches are filled.
        self._count_result_queries(few)
        self._count_result_queries(many)
        self.assertEqual(
            self._count_result_queries(few), self._count_result_queries(many)
        )
        self.assertEqual(self._result(few, "campaign").satisfaction_count, 1)
        self.assertEqual(self._result(many, "campaign").satisfaction_count, 3)

    def _named_campaign_answered_by(self, count, satisfaction):
        """A running named campaign of a client of its own, answered by
        ``count`` new respondents, made in batches: no mails or survey pages
        are needed to close it."""
        client = self.env["hr.internal.client"].create(
            {"name": f"HRR {count} respondents", "company_id": self.company.id}
        )
        partners = self.env["res.partner"].create(
            [
                {"name": f"Respondent {count}-{n}", "email": f"r{count}-{n}@x.test"}
                for n in range(count)
            ]
        )
        stakeholders = self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "owner_id": self.user.id,
                    "relation_type": "internal_client_contact",
                    "internal_client_ids": [Command.link(client.id)],
                }
                for partner in partners
            ]
        )
        campaign = self._campaign(client)
        campaign.sudo().state = "running"
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .create(
                [
                    {
                        "survey_id": self.survey.id,
                        "partner_id": stakeholder.partner_id.id,
                        "hr_campaign_id": campaign.id,
                        "hr_stakeholder_id": stakeholder.id,
                        "state": "done",
                    }
                    for stakeholder in stakeholders
                ]
            )
        )
        self.env["survey.user_input.line"].sudo().create(
            [
                {
                    "user_input_id": answer.id,
                    "survey_id": self.survey.id,
                    "question_id": question.id,
                    "answer_type": "scale",
                    "value_scale": value,
                }
                for answer in answers
                for question, value in ((self.q_sat, satisfaction), (self.q_rec, 9))
            ]
        )
        return campaign, stakeholders

    def _count_close_queries(self, campaign):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        campaign.action_close()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_named_close_queries_do_not_grow_with_respondents(self):
        # Both sizes pass the hundred rows the ORM inserts or updates per query.
        warm_up, __ = self._named_campaign_answered_by(3, 3)
        few, few_people = self._named_campaign_answered_by(120, 4)
        many, many_people = self._named_campaign_answered_by(240, 5)
        self._count_close_queries(warm_up)
        self.assertEqual(
            self._count_close_queries(few), self._count_close_queries(many)
        )
        # Replacing the results, with a recompute of each person's figures.
        self._count_result_queries(warm_up)
        self.assertEqual(
            self._count_result_queries(few), self._count_result_queries(many)
        )
        for campaign, people, index in (
            (few, few_people, 75.0),
            (many, many_people, 100.0),
        ):
            results = campaign.result_ids.filtered(lambda r: r.scope == "stakeholder")
            self.assertEqual(results.stakeholder_id, people)
            self.assertEqual(set(results.mapped("satisfaction_index")), {index})
            self.assertEqual(set(people.mapped("latest_satisfaction_index")), {index})
            self.assertEqual(set(people.mapped("latest_nps")), {100.0})
            self.assertEqual(
                set(people.mapped("latest_survey_date")), {campaign.closed_date}
            )

    # ------------------------------------------------------------
    # Anonymity
    # ------------------------------------------------------------

    def test_anonymous_campaign(self):
        campaign = self._campaign(anonymous=True)
        campaign.action_send()
        answers = campaign.sudo().user_input_ids
        self.assertEqual(len(answers), 3)
        self.assertFalse(answers.partner_id)
        self.assertFalse(any(answers.mapped("email")))
        # Invitations still reach the people, through the hidden link.
        for answer in answers:
            mail = (
                self.env["mail.mail"]
                .sudo()
                .search([("body_html", "like", answer.access_token)])
            )
            self.assertEqual(len(mail), 1)
            self.assertTrue(mail.recipient_ids)
        self._answer(campaign, self.sh_anna, {self.q_sat: "5", self.q_rec: "10"})
        campaign.action_close()

        self.assertFalse(
            campaign.result_ids.filtered(lambda r: r.scope == "stakeholder")
        )
        # One respondent is below the minimum group size (5): withheld.
        sales = self._result(campaign, "internal_client", self.client_sales)
        self.assertEqual(sales.withheld, "small_group")
        self.assertEqual(sales.csat, 0.0)
        self.assertEqual(sales.withheld_note, "Fewer than 5 answers")
        self.assertFalse(self.sh_anna.latest_survey_date)

        # Nobody may follow an answer back to a person, administrators neither.
        survey_user = self.user
        survey_user.group_ids = [
            Command.link(self.env.ref("survey.group_survey_manager").id)
        ]
        as_user = answers.with_user(survey_user)
        with self.assertRaises(AccessError):
            as_user.read(["hr_stakeholder_id"])
        self.assertEqual(as_user.read(["partner_id", "email"])[0]["partner_id"], False)
        manager = self.manager
        manager.group_ids = [
            Command.link(self.env.ref("survey.group_survey_manager").id)
        ]
        linked = answers.with_user(manager).read(["hr_stakeholder_id"])
        self.assertEqual([r for r in linked if r["hr_stakeholder_id"]], [])

    # ------------------------------------------------------------
    # Question roles
    # ------------------------------------------------------------

    def test_role_requires_matching_scale_and_service(self):
        with self.assertRaisesRegex(ValidationError, "scale from 1 to 5"):
            self.env["survey.question"].create(
                {
                    "survey_id": self.survey.id,
                    "title": "Satisfied?",
                    "question_type": "scale",
                    "scale_min": 0,
                    "scale_max": 10,
                    "hr_metric_role": "satisfaction",
                }
            )
        with self.assertRaisesRegex(ValidationError, "needs an HR service"):
            self.env["survey.question"].create(
                {
                    "survey_id": self.survey.id,
                    "title": "Important?",
                    "question_type": "scale",
                    "scale_min": 1,
                    "scale_max": 5,
                    "hr_metric_role": "service_importance",
                }
            )

    def test_template_is_complete(self):
        questions = self.survey.question_ids
        roles = questions.grouped("hr_metric_role")
        self.assertEqual(len(roles["satisfaction"]), 1)
        self.assertEqual(len(roles["recommendation"]), 1)
        services = self.env["hr.relationship.service"].search([])
        self.assertEqual(len(services), 6)
        self.assertEqual(roles["service_importance"].hr_service_id, services)
        self.assertEqual(roles["service_performance"].hr_service_id, services)
        self.assertEqual(
            len(questions.filtered(lambda q: q.question_type == "text_box")), 2
        )


@tagged("post_install", "-at_install")
class TestSatisfactionSurveyHttp(SatisfactionSurveyMixin, HttpCase, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    def test_public_page_refuses_answers_after_closing(self):
        campaign = self._campaign()
        campaign.action_send()
        answer = self._answer_of(campaign, self.sh_erik)
        url = (
            f"/survey/start/{self.survey.access_token}"
            f"?answer_token={answer.access_token}"
        )
        before = self.url_open(url)
        self.assertIn(self.survey.title, before.text)
        self.assertNotIn("This survey is now closed", before.text)
        campaign.action_close()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("This survey is now closed", response.text)

    def test_tour_answers_the_template_on_the_public_page(self):
        campaign = self._campaign()
        campaign.action_send()
        answer = self._answer_of(campaign, self.sh_erik)
        self.start_tour(
            f"/survey/start/{self.survey.access_token}?answer_token={answer.access_token}",
            "hr_satisfaction_survey_tour",
        )
        self.assertEqual(answer.state, "done")
        campaign.action_close()
        total = self._result(campaign, "campaign")
        self.assertEqual((total.invited_count, total.responded_count), (3, 1))
        self.assertAlmostEqual(total.csat, 100.0)
        self.assertAlmostEqual(total.nps, 100.0)
        recruitment = total.service_result_ids.filtered(
            lambda line: line.service_id == self.recruitment
        )
        self.assertAlmostEqual(recruitment.gap, 3.0)
        # Unanswered optional services leave no line at all.
        self.assertEqual(len(total.service_result_ids), 1)
        keep = answer.user_input_line_ids.filtered(
            lambda line: line.question_id == self.q_keep
        )
        self.assertEqual(keep.value_text_box, "The quick answers")

    def test_logged_in_invitee_can_open_an_anonymous_link(self):
        campaign = self._campaign(anonymous=True)
        campaign.action_send()
        answer = self._answer_of(campaign, self.sh_anna)
        url = (
            f"/survey/start/{self.survey.access_token}"
            f"?answer_token={answer.access_token}"
        )
        self.authenticate(self.internal_user.login, self.internal_user.login)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Start Survey", page.text)
        self.assertNotIn("Survey Access Error", page.text)
        # Survey's own check still guards personal, non-anonymous links.
        named = self._campaign(self.client_ops)
        named.action_send()
        other = self._answer_of(named, self.sh_bob)
        page = self.url_open(
            f"/survey/start/{self.survey.access_token}"
            f"?answer_token={other.access_token}"
        )
        self.assertIn("Survey Access Error", page.text)

    def test_first_page_says_whether_answers_are_named(self):
        for anonymous, expected in (
            (True, "Your answers are anonymous"),
            (False, "Your answers are named"),
        ):
            campaign = self._campaign(self.client_sales, anonymous=anonymous)
            campaign.action_send()
            answer = self._answer_of(campaign, self.sh_erik)
            page = self.url_open(
                f"/survey/{self.survey.access_token}/{answer.access_token}"
            )
            self.assertIn(expected, page.text)
            campaign.action_close()
        # A survey taken outside a campaign says nothing about campaigns.
        plain = self.survey.sudo()._create_answer(email="someone@example.com")
        page = self.url_open(f"/survey/{self.survey.access_token}/{plain.access_token}")
        self.assertNotIn("o_hr_survey_anonymity", page.text)

    def test_an_invitation_cannot_be_answered_twice(self):
        campaign = self._campaign(self.client_sales)
        campaign.action_send()
        answer = self._answer(campaign, self.sh_erik, {self.q_sat: "5"})
        done_page = self.url_open(
            f"/survey/{self.survey.access_token}/{answer.access_token}"
        )
        self.assertNotIn("Take Again", done_page.text)
        answers_before = self.env["survey.user_input"].search_count([])
        self.url_open(f"/survey/retry/{self.survey.access_token}/{answer.access_token}")
        self.assertEqual(self.env["survey.user_input"].search_count([]), answers_before)
