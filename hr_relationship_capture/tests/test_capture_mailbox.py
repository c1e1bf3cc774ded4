# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import subprocess
import sys
from datetime import date

from odoo.tests import HttpCase, get_db_name, tagged
from odoo.tools import file_path

from .common import CaptureCase

MAILBOX_LOGGER = (
    "odoo.addons.hr_relationship_capture.models.hr_relationship_interaction"
)


class MailboxCase(CaptureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias = cls.env.ref("hr_relationship_capture.mail_alias_relationships")
        domain = cls.env["mail.alias.domain"].create({"name": "hrr.example.com"})
        cls.company.alias_domain_id = domain
        cls.alias.alias_domain_id = domain
        cls.mailbox = cls.alias.alias_full_name

    def _mail(self, body, sender=None, headers=None, content_type=None):
        sender = sender if sender is not None else f"Hanna HR <{self.user.email}>"
        lines = [f"From: {sender}"] if sender else []
        lines += [
            f"To: {self.mailbox}",
            "Subject: Fwd: Contract renewal",
            f"Message-ID: <hrr-{abs(hash(body))}@hrr.example.com>",
            "Date: Mon, 23 Nov 2026 09:00:00 +0000",
            "MIME-Version: 1.0",
        ]
        for header in headers or []:
            name = header.split(":")[0] + ":"
            lines = [line for line in lines if not line.startswith(name)] + [header]
        lines.append(content_type or "Content-Type: text/plain; charset=utf-8")
        return "\r\n".join(lines) + "\r\n\r\n" + body

    def _process(self, raw):
        return self.env["mail.thread"].message_process(False, raw)

    def _mailbox_interactions(self):
        return self.Interaction.search(
            [("source", "=", "mailbox"), ("company_id", "=", self.company.id)]
        )

    def _forwarded_inline(self):
        return self._mail(
            "FYI, see below.\r\n\r\n"
            "---------- Forwarded message ---------\r\n"
            f"From: Erik Extern <{self.partner_ext.email}>\r\n"
            "Date: Fri, 30 Oct 2026 14:00:00 +0000\r\n"
            "Subject: Contract renewal\r\n"
            f"To: Hanna HR <{self.user.email}>\r\n"
            "Cc: Anna Jansen <anna.jansen@hrr.example.com>, "
            "Nina New <nina@newco.example.com>\r\n\r\n"
            "Can we renew the contract?\r\n"
        )


@tagged("post_install", "-at_install")
class TestCaptureMailbox(MailboxCase):
    def test_forwarded_mail_becomes_an_interaction(self):
        self._process(self._forwarded_inline())
        interaction = self._mailbox_interactions()
        self.assertEqual(len(interaction), 1)
        self.assertRecordValues(
            interaction,
            [
                {
                    "name": "Contract renewal",
                    "interaction_type": "email",
                    "user_id": self.user.id,
                    "stakeholder_ids": (self.sh_anna | self.sh_erik).ids,
                    "internal_client_id": self.client_sales.id,
                    # The date of the forwarded message, not of the forward.
                    "date": date(2026, 10, 30),
                    "suggested_emails": "nina@newco.example.com",
                    "company_id": self.company.id,
                }
            ],
        )
        # The mail itself is on the interaction, and is its origin.
        self.assertEqual(interaction.mail_message_id.model, interaction._name)
        self.assertEqual(interaction.mail_message_id.res_id, interaction.id)
        self.assertEqual(interaction.origin_model, "mail.message")
        # Nobody became a stakeholder.
        self.assertFalse(
            self.env["hr.stakeholder"].search(
                [("person_partner_id.email", "=", "nina@newco.example.com")]
            )
        )
        # The same mail again adds nothing.
        self._process(self._forwarded_inline())
        self.assertEqual(self._mailbox_interactions(), interaction)

    def test_mail_forwarded_as_attachment(self):
        raw = self._mail(
            "--XX\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Notes from the works council, below.\r\n"
            "--XX\r\n"
            "Content-Type: message/rfc822\r\n\r\n"
            "From: Bob de Vries <bob.devries@hrr.example.com>\r\n"
            f"To: {self.user.email}\r\n"
            "Subject: Works council agenda\r\n"
            "Date: Tue, 10 Nov 2026 08:00:00 +0000\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "The agenda.\r\n"
            "--XX--\r\n",
            content_type='Content-Type: multipart/mixed; boundary="XX"',
        )
        self._process(raw)
        interaction = self._mailbox_interactions()
        self.assertEqual(interaction.stakeholder_ids, self.sh_bob)
        self.assertEqual(interaction.internal_client_id, self.client_ops)
        self.assertEqual(interaction.date, date(2026, 11, 10))

    def test_bcc_to_the_mailbox(self):
        """Sent to Erik with the mailbox in BCC: the mailbox is only in the
        envelope (Delivered-To), not in the headers the recipients see."""
        raw = self._mail(
            "Dear Erik, here is the signed contract.\r\n",
            headers=[
                f"To: Erik Extern <{self.partner_ext.email}>",
                f"Delivered-To: {self.mailbox}",
                "Subject: Signed contract",
            ],
        )
        self._process(raw)
        interaction = self._mailbox_interactions()
        self.assertEqual(interaction.stakeholder_ids, self.sh_erik)
        self.assertEqual(interaction.name, "Signed contract")
        self.assertEqual(interaction.date, date(2026, 11, 23))
        self.assertFalse(interaction.suggested_emails)

    def test_keeps_the_body_only_when_asked(self):
        self.company.write(
            {"hr_capture_keep_body": True, "hr_capture_body_max_length": 6}
        )
        self._process(self._forwarded_inline())
        self.assertIn("FYI, s", self._mailbox_interactions().summary)
        self.assertNotIn("renew", self._mailbox_interactions().summary)

    def _assert_refused(self, raw, reason):
        with self.assertLogs(MAILBOX_LOGGER, "WARNING") as logs:
            self._process(raw)
        self.assertIn(reason, "\n".join(logs.output))
        self.assertFalse(self._mailbox_interactions())

    def test_sender_outside_the_relationship_groups_is_bounced(self):
        self._assert_refused(
            self._forwarded_inline().replace(self.user.email, self.internal_user.email),
            "only relationship users may write",
        )
        self._assert_refused(
            self._mail("Hello", sender="Stranger <stranger@elsewhere.example.com>"),
            "only relationship users may write",
        )
        body = self.alias._get_alias_bounced_body_fallback(
            {"hr_relationship_bounce_reason": "only relationship users may write"}
        )
        self.assertIn("only relationship users may write", body)

    def test_mail_matching_no_stakeholder_is_bounced(self):
        self._assert_refused(
            self._mail("Hi", headers=["Cc: Nina New <nina@newco.example.com>"]),
            "no address in the mail belongs to a stakeholder",
        )

    def test_mailbox_switched_off_or_sender_opted_out(self):
        self.company.hr_capture_mailbox = False
        self._assert_refused(self._forwarded_inline(), "switched off")
        self.company.hr_capture_mailbox = True
        self.user.hr_capture_opt_out = True
        self._assert_refused(self._forwarded_inline(), "switched the capture")

    def test_mail_without_a_sender(self):
        self._assert_refused(
            self._mail("Hi", sender="", headers=[f"Cc: {self.partner_ext.email}"]),
            "the mail has no sender",
        )

    def test_undecodable_parts(self):
        raw = self._mail(
            "--XX\r\n"
            "Content-Type: text/plain; charset=no-such-charset\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            "!!!not base64@@@\r\n"
            "--XX\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "<p>Broken =ZZ escape from=20Erik</p>\r\n"
            "--XX--\r\n",
            headers=[f"Cc: {self.partner_ext.email}"],
            content_type='Content-Type: multipart/alternative; boundary="XX"',
        )
        self._process(raw)
        self.assertEqual(self._mailbox_interactions().stakeholder_ids, self.sh_erik)

    def test_huge_attachment_is_not_kept(self):
        huge = base64.encodebytes(b"\0" * (26 * 1024 * 1024)).decode()
        raw = self._mail(
            "--XX\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "The scan.\r\n"
            "--XX\r\n"
            "Content-Type: application/octet-stream\r\n"
            'Content-Disposition: attachment; filename="scan.bin"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n" + huge + "--XX--\r\n",
            headers=[f"Cc: {self.partner_ext.email}"],
            content_type='Content-Type: multipart/mixed; boundary="XX"',
        )
        with self.assertLogs(MAILBOX_LOGGER, "WARNING") as logs:
            self._process(raw)
        self.assertIn("not kept", "\n".join(logs.output))
        interaction = self._mailbox_interactions()
        self.assertEqual(interaction.stakeholder_ids, self.sh_erik)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", interaction._name), ("res_id", "=", interaction.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestCaptureMailgate(HttpCase, MailboxCase):
    """Odoo's own mailgate script, as a mail server's pipe alias runs it,
    hands a mail to the running test server."""

    def test_mailgate_script_logs_a_forwarded_mail(self):
        script = file_path("mail/static/scripts/odoo-mailgate.py")
        admin = self.env.ref("base.user_admin")
        admin.password = "hrr-mailgate"
        self.env.flush_all()
        # Since 19.0 the test server answers only the requests it is told to
        # expect: the script's carries no cookie of the test.
        with self.allow_requests(all_requests=True):
            result = subprocess.run(
                [
                    sys.executable,
                    script,
                    "--host=127.0.0.1",
                    f"--port={self.http_port()}",
                    f"--database={get_db_name()}",
                    f"--userid={admin.id}",
                    "--password=hrr-mailgate",
                    # A failure tells its traceback on stderr, which the
                    # assertion shows.
                    "--debug",
                ],
                input=self._forwarded_inline(),
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        self.assertEqual(result.returncode, 0, result.stderr)
        interaction = self._mailbox_interactions()
        self.assertEqual(interaction.stakeholder_ids, self.sh_anna | self.sh_erik)
        self.assertEqual(interaction.user_id, self.user)
