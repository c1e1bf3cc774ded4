# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import load_script

from .common import CaptureCase

MIGRATION = "hr_relationship_capture/migrations/19.0.1.1.0/post-migration.py"


@tagged("post_install", "-at_install")
class TestCaptureEmail(CaptureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Any record with a chatter: a project, whose thread is no stakeholder's.
        project_user = cls.env.ref("project.group_project_manager")
        (cls.user | cls.internal_user).write(
            {"group_ids": [Command.link(project_user.id)]}
        )
        cls.project = cls.env["project.project"].create(
            {"name": "HRR onboarding", "company_id": cls.company.id}
        )
        cls.other_project = cls.env["project.project"].create(
            {"name": "HRR offboarding", "company_id": cls.company.id}
        )

    def _post(self, record, partners, user=None, **values):
        return (
            record.with_user(user or self.user)
            .with_context(mail_post_autofollow=False)
            .message_post(
                body=Markup("<p>Shall we meet about the onboarding plan?</p>"),
                subject=values.pop("subject", "Onboarding plan"),
                message_type=values.pop("message_type", "comment"),
                subtype_xmlid=values.pop("subtype_xmlid", "mail.mt_comment"),
                partner_ids=partners.ids,
                **values,
            )
        )

    def _captured(self, **domain):
        return self.Interaction.search(
            [("source", "=", "email"), ("company_id", "=", self.company.id)]
            + [(k, "=", v) for k, v in domain.items()]
        )

    def test_mail_to_a_stakeholder_becomes_an_interaction(self):
        message = self._post(self.project, self.anna_partner)
        interaction = self._captured()
        self.assertEqual(len(interaction), 1)
        self.assertRecordValues(
            interaction,
            [
                {
                    "name": "Onboarding plan",
                    "interaction_type": "email",
                    "user_id": self.user.id,
                    "stakeholder_ids": self.sh_anna.ids,
                    "internal_client_id": self.client_sales.id,
                    "mail_message_id": message.id,
                    "origin_model": "project.project",
                    "origin_res_id": self.project.id,
                    "date": message.date.date(),
                    # Subject and link only by default.
                    "summary": False,
                }
            ],
        )
        action = interaction.action_open_capture_origin()
        self.assertEqual(action["res_id"], self.project.id)

    def test_mail_without_subject_is_named_after_its_document(self):
        self._post(self.project, self.anna_partner, subject=False)
        self.assertEqual(self._captured().name, "HRR onboarding")
        # Inside the backfill as well.
        self._captured().unlink()
        self.Interaction._hr_backfill(
            fields.Date.subtract(self.today, days=1), self.company
        )
        self.assertEqual(self._captured().name, "HRR onboarding")

    def test_a_captured_mail_moves_the_figures_at_once(self):
        """A mail is a contact like a logged one: the stakeholder's network
        and health figures follow it in the same transaction."""
        self.sh_anna.invalidate_recordset()
        contacts_before = self.sh_anna.hr_contact_count
        self._post(self.project, self.anna_partner)
        self.assertTrue(self._captured())
        self.sh_anna.invalidate_recordset()
        self.assertEqual(self.sh_anna.hr_contact_count, contacts_before + 1)
        self.assertEqual(self.sh_anna.hr_strongest_contact_id, self.user)

    def test_one_interaction_per_stakeholder_thread_and_day(self):
        self._post(self.project, self.anna_partner | self.partner_ext)
        self._post(self.project, self.anna_partner, subject="Re: Onboarding plan")
        interactions = self._captured()
        self.assertEqual(len(interactions), 2)
        self.assertEqual(interactions.stakeholder_ids, self.sh_anna | self.sh_erik)
        self._post(self.other_project, self.anna_partner)
        self.assertEqual(len(self._captured()), 3)

    def test_mail_received_from_a_stakeholder(self):
        # Erik writes in on the project, to the relationship user.
        self.project.message_post(
            body="<p>Here is our offer.</p>",
            subject="Offer",
            author_id=self.partner_ext.id,
            email_from=self.partner_ext.email,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user.partner_id.ids,
        )
        interaction = self._captured()
        self.assertEqual(interaction.stakeholder_ids, self.sh_erik)
        self.assertEqual(interaction.user_id, self.user)
        # Without a relationship user among the recipients: the owner.
        self.other_project.message_post(
            body="<p>Reminder.</p>",
            author_id=self.partner_ext.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(
            self._captured(origin_res_id=self.other_project.id).user_id,
            self.sh_erik.owner_id,
        )

    def test_internal_notes_are_never_captured(self):
        self._post(
            self.project,
            self.anna_partner,
            subtype_xmlid="mail.mt_note",
        )
        self.assertFalse(self._captured())

    def test_mail_between_other_people_is_not_captured(self):
        self._post(self.project, self.anna_partner, user=self.internal_user)
        self._post(self.project, self.other_user.partner_id)
        self.assertFalse(self._captured())

    def test_switches_opt_out_and_excluded_domains(self):
        self.company.hr_capture_email = False
        self._post(self.project, self.anna_partner)
        self.assertFalse(self._captured())
        self.company.hr_capture_email = True
        self.user.hr_capture_opt_out = True
        self._post(self.project, self.anna_partner)
        self.assertFalse(self._captured())
        self.user.hr_capture_opt_out = False
        self.company.hr_capture_excluded_domains = "supplier.example.com"
        self._post(self.project, self.partner_ext | self.anna_partner)
        self.assertEqual(self._captured().stakeholder_ids, self.sh_anna)

    def test_the_body_is_kept_only_when_asked_and_only_so_long(self):
        self.company.write(
            {"hr_capture_keep_body": True, "hr_capture_body_max_length": 10}
        )
        self._post(self.project, self.anna_partner)
        summary = self._captured().summary
        self.assertIn("Shall we m", summary)
        self.assertNotIn("onboarding", summary)

    def test_a_captured_mail_gets_the_sentiment_its_text_suggests(self):
        """Nobody chose how the mail felt: its subject and the body the
        company keeps say it, live and in the backfill."""
        self.company.hr_capture_keep_body = True
        mails = [
            (
                self.project,
                "Planning vacatures",
                "De manager is niet tevreden over de planning.",
            ),
            # A body without opinion: the subject says it.
            (self.other_project, "Great news on the onboarding", "See the attachment."),
        ]
        for record, subject, body in mails:
            record.with_user(self.user).with_context(
                mail_post_autofollow=False
            ).message_post(
                body=Markup("<p>%s</p>") % body,
                subject=subject,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.anna_partner.ids,
            )
        expected = [
            {
                "name": "Planning vacatures",
                "sentiment_chosen": False,
                "sentiment_suggested": "negative",
                "sentiment_evidence": '"niet tevreden"',
                "sentiment": "negative",
                "sentiment_score": -1,
            },
            {
                "name": "Great news on the onboarding",
                "sentiment_chosen": False,
                "sentiment_suggested": "positive",
                "sentiment_evidence": '"great"',
                "sentiment": "positive",
                "sentiment_score": 1,
            },
        ]
        self.assertRecordValues(self._captured().sorted("origin_res_id"), expected)
        # As stored, not only as cached.
        self.env.invalidate_all()
        self.assertRecordValues(self._captured().sorted("origin_res_id"), expected)

        self._captured().unlink()
        self.Interaction._hr_backfill(
            fields.Date.subtract(self.today, days=1), self.company
        )
        self.env.invalidate_all()
        self.assertRecordValues(self._captured().sorted("origin_res_id"), expected)

    def test_a_batch_of_messages_costs_no_more_queries_than_one(self):
        Message = self.env["mail.message"]

        def queries_for(count, record):
            messages = Message.create(
                [
                    {
                        "model": record._name,
                        "res_id": record.id,
                        "body": f"HRR {i}",
                        "message_type": "comment",
                        "author_id": self.user.partner_id.id,
                        "partner_ids": [Command.set(self.anna_partner.ids)],
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            Message.flush_model()
            before = self.env.cr.sql_log_count
            self.Interaction._hr_capture_emails(messages.ids)
            return self.env.cr.sql_log_count - before

        self.assertEqual(
            queries_for(1, self.project), queries_for(40, self.other_project)
        )
        self.assertEqual(len(self._captured()), 2)

    def test_a_plain_chatter_post_costs_at_most_two_queries(self):
        partners = self.other_user.partner_id
        Project = self.project.with_user(self.user).with_context(
            mail_post_autofollow=False
        )
        values = {
            "body": "<p>Plain</p>",
            "message_type": "comment",
            "subtype_xmlid": "mail.mt_comment",
            "partner_ids": partners.ids,
        }
        Project.message_post(**values)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Project.with_context(hr_relationship_no_capture=True).message_post(**values)
        self.env.flush_all()
        baseline = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(baseline + 2):
            Project.message_post(**values)
            self.env.flush_all()

    def test_mail_through_the_gateway(self):
        """A reply from Erik, by e-mail, to a message on the project."""
        sent = self._post(self.project, self.other_user.partner_id)
        raw = (
            f"From: Erik Extern <{self.partner_ext.email}>\r\n"
            f"To: {self.user.email}\r\n"
            "Subject: Re: Onboarding plan\r\n"
            f"In-Reply-To: {sent.message_id}\r\n"
            f"References: {sent.message_id}\r\n"
            "Message-ID: <hrr-gateway-1@supplier.example.com>\r\n"
            "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "Works for us.\r\n"
        )
        self.env["mail.thread"].message_process(False, raw)
        interaction = self._captured(origin_res_id=self.project.id)
        self.assertEqual(interaction.stakeholder_ids, self.sh_erik)
        self.assertEqual(interaction.user_id, self.user)

    def test_upgrade_lets_the_text_decide_over_the_old_placeholder(self):
        """Up to 19.0.1.0.0 the capture stored "neutral" in what it logged,
        and the core's 19.0.1.2.0 kept it as chosen: the capture's own
        migration gives the untouched ones back to their text."""
        self.company.hr_capture_keep_body = True
        # One thread each: a thread's mail of a day is one interaction.
        for record, subject in (
            (self.project, "Niet tevreden over de planning"),
            (self.other_project, "Great onboarding"),
        ):
            self._post(record, self.anna_partner, subject=subject)
        unhappy, happy = self._captured().sorted("name", reverse=True)
        self.assertEqual(unhappy.name, "Niet tevreden over de planning")
        # As the 19.0.1.2.0 migration of the core left them; the second one
        # was edited by hand since, but not its sentiment.
        happy.name = "Great onboarding, again"
        self.assertTrue(happy.is_capture_edited)
        (unhappy | happy).with_context(hr_relationship_capture=True).write(
            {"sentiment_chosen": "neutral"}
        )
        self.assertEqual(unhappy.sentiment, "neutral")

        load_script(MIGRATION).migrate(self.env.cr, "19.0.1.0.0")

        self.env.invalidate_all()
        self.assertRecordValues(
            unhappy | happy,
            [
                {
                    "sentiment_chosen": False,
                    "sentiment": "negative",
                    "is_capture_edited": False,
                },
                {
                    "sentiment_chosen": "neutral",
                    "sentiment": "neutral",
                    "is_capture_edited": True,
                },
            ],
        )
        # A new database has nothing to give back.
        load_script(MIGRATION).migrate(self.env.cr, None)
