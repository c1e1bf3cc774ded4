# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo.tests import tagged

from .test_capture_mailbox import MAILBOX_LOGGER, MailboxCase

SPOOFED = [
    "Authentication-Results: mx.hrr.example.com; spf=fail "
    "smtp.mailfrom=evil.example.net; dkim=fail header.d=evil.example.net; "
    "dmarc=fail header.from=hrr.example.com",
    "Return-Path: <attacker@evil.example.net>",
]
AUTOMATIC = [
    "Auto-Submitted: auto-replied",
    "Auto-Submitted: auto-generated",
    "X-Autoreply: yes",
    "X-Autorespond: Out of office",
    "Precedence: auto_reply",
    "Precedence: bulk",
    "Precedence: junk",
    "Precedence: list",
]
STRANGER = "Stranger <stranger@elsewhere.example.com>"


@tagged("post_install", "-at_install")
class TestCaptureTrust(MailboxCase):
    """Who a captured mail is attributed to: only a sender whose mail did not
    fail its authentication, and never an auto-reply."""

    def _with_headers(self, raw, headers):
        head, body = raw.split("\r\n\r\n", 1)
        return "\r\n".join([head, *headers]) + "\r\n\r\n" + body

    def _assert_bounced(self, raw, reason):
        """The mailbox refuses the mail with ``reason``: it logs the refusal
        and answers the sender with it."""
        with self.assertLogs(MAILBOX_LOGGER, "WARNING") as logs:
            self._process(raw)
        self.assertIn(f"refused: {reason}", "\n".join(logs.output))

    def test_spoofed_sender_is_bounced_not_logged(self):
        self._assert_bounced(
            self._with_headers(self._forwarded_inline(), SPOOFED),
            "the mail failed its sender authentication",
        )
        self.assertFalse(self._mailbox_interactions())
        body = self.alias._get_alias_bounced_body_fallback(
            {"hr_relationship_bounce_reason": "the mail failed its sender"}
        )
        self.assertIn("the mail failed its sender", body)
        # The same mail, authenticated, is theirs.
        self._process(
            self._with_headers(
                self._forwarded_inline(),
                [
                    "Authentication-Results: mx.hrr.example.com; spf=pass; "
                    "dkim=pass; dmarc=pass"
                ],
            )
        )
        self.assertEqual(self._mailbox_interactions().user_id, self.user)

    def test_auto_replies_are_ignored_and_never_bounced(self):
        # One outside sender's 25 auto-replies get no answer at all, and
        # a relationship user's auto-reply naming a stakeholder is no contact.
        mails = [
            self._mail(f"Away {number}", sender=STRANGER, headers=[header])
            for number, header in enumerate(AUTOMATIC * 4)
        ][:25] + [
            self._with_headers(self._forwarded_inline(), [header])
            for header in AUTOMATIC
        ]
        # No refusal: the mailbox answers a refused mail with a bounce.
        with self.assertNoLogs(MAILBOX_LOGGER, "WARNING"):
            for raw in mails:
                self._process(raw)
        self.assertFalse(self._mailbox_interactions())
        # A person's mail (Auto-Submitted: no) is refused or logged as before.
        self._assert_bounced(
            self._mail("By hand", sender=STRANGER, headers=["Auto-Submitted: no"]),
            "only relationship users may write",
        )
        self._process(
            self._with_headers(self._forwarded_inline(), ["Auto-Submitted: no"])
        )
        self.assertEqual(len(self._mailbox_interactions()), 1)

    def test_thread_capture_trusts_neither(self):
        """Mail on a stakeholder's thread: a reply From a relationship user
        that failed its authentication, and a stakeholder's auto-reply, stay
        on the thread but log no interaction."""
        sent = (
            self.client_sales.with_user(self.user)
            .with_context(mail_post_autofollow=False)
            .message_post(
                body=Markup("<p>Agenda for Monday</p>"),
                subject="Agenda",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.other_user.partner_id.ids,
            )
        )

        def reply(number, sender, headers):
            return "\r\n".join(
                [
                    f"From: {sender}",
                    f"To: {self.other_user.email}",
                    f"Cc: Erik Extern <{self.partner_ext.email}>",
                    "Subject: Re: Agenda",
                    f"In-Reply-To: {sent.message_id}",
                    f"References: {sent.message_id}",
                    f"Message-ID: <hrr-trust-{number}@hrr.example.com>",
                    "Date: Mon, 23 Nov 2026 09:00:00 +0000",
                    "Content-Type: text/plain; charset=utf-8",
                    *headers,
                ]
            ) + ("\r\n\r\nReply %s\r\n" % number)

        def captured():
            return self.Interaction.search(
                [
                    ("source", "=", "email"),
                    ("origin_model", "=", "hr.internal.client"),
                    ("origin_res_id", "=", self.client_sales.id),
                ]
            )

        self._process(reply(1, f"Hanna HR <{self.user.email}>", SPOOFED))
        self._process(
            reply(
                2,
                f"Erik Extern <{self.partner_ext.email}>",
                ["Auto-Submitted: auto-replied"],
            )
        )
        posted = self.env["mail.message"].search(
            [
                ("model", "=", "hr.internal.client"),
                ("res_id", "=", self.client_sales.id),
            ]
        )
        self.assertEqual(len(posted.filtered(lambda m: m.subject == "Re: Agenda")), 2)
        self.assertFalse(captured())
        # Authenticated, the same reply is a contact of Hanna with Erik.
        self._process(reply(3, f"Hanna HR <{self.user.email}>", []))
        self.assertEqual(captured().user_id, self.user)
        self.assertEqual(captured().stakeholder_ids, self.sh_erik)
