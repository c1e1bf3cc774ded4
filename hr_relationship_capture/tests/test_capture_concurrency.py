# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from markupsafe import Markup

from odoo import Command, api
from odoo.orm.environments import Transaction
from odoo.tests import TransactionCase, tagged

# Seconds a transaction waits for the other one at most.
WAIT = 60


@tagged("post_install", "-at_install")
class TestCaptureConcurrency(TransactionCase):
    """Two people write to a stakeholder on the same thread on the same day,
    in two transactions of their own: both posts stay, and the contact is
    captured once. The capture is a side effect; it never costs anybody the
    message they wrote.

    The test commits, as two real requests would, and removes what it
    committed at the end."""

    def _committed(self, function):
        with self.registry.cursor() as cr:
            return function(api.Environment(cr, self.admin_id, {}))

    def setUp(self):
        super().setUp()
        self.admin_id = self.env.ref("base.user_admin").id
        # The people writing are the administrator (a relationship user),
        # in two transactions: the capture sees the same author twice.
        self.fixture = self._committed(self._setup_committed)
        self.addCleanup(self._committed, self._cleanup)

    def _setup_committed(self, env):
        company = env.user.company_id
        partner = env["res.partner"].create(
            {"name": "HRR Concurrent Carla", "email": "carla@hrr-concurrent.example"}
        )
        stakeholder = env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "relation_type": "supplier",
            }
        )
        client = env["hr.internal.client"].create(
            {
                "name": "HRR Concurrent Client",
                "company_id": company.id,
                "hr_partner_id": env.uid,
                "stakeholder_ids": [Command.link(stakeholder.id)],
            }
        )
        fixture = {
            "company": company.id,
            "capture_email": company.hr_capture_email,
            "partner": partner.id,
            "stakeholder": stakeholder.id,
            "client": client.id,
        }
        company.hr_capture_email = True
        return fixture

    def _cleanup(self, env):
        fixture = self.fixture
        env = env(su=True)
        env["hr.relationship.interaction"].search(
            [("stakeholder_ids", "in", fixture["stakeholder"])]
        ).unlink()
        env["hr.internal.client"].browse(fixture["client"]).unlink()
        env["hr.stakeholder"].browse(fixture["stakeholder"]).unlink()
        env["res.partner"].browse(fixture["partner"]).unlink()
        env["res.company"].browse(fixture["company"]).hr_capture_email = fixture[
            "capture_email"
        ]

    def _post(
        self, name, started, results, wait_for=None, posted=None, linger=0, done=None
    ):
        """One request: its transaction begins, waits for the other one
        (and, when told, for it to post or commit), posts, lingers when told
        so, and commits."""
        try:
            with self.registry.cursor() as cr:
                # The test runs while the server holds the registries' lock:
                # the thread gets the registry itself instead of asking.
                cr.transaction = Transaction(self.registry)
                env = api.Environment(cr, self.admin_id, {})
                # The transaction's snapshot: both begin before either commits.
                cr.execute("SELECT 1")
                started.wait(WAIT)
                if wait_for:
                    wait_for.wait(WAIT)
                client = env["hr.internal.client"].browse(self.fixture["client"])
                # No mail goes out at commit: its sending asks for the registry.
                client = client.with_context(
                    mail_post_autofollow=False, mail_notify_force_send=False
                )
                message = client.message_post(
                    body=Markup("<p>%s</p>") % name,
                    subject="HRR concurrent",
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=[self.fixture["partner"]],
                )
                results[name] = message.id
                if posted:
                    posted.set()
                time.sleep(linger)
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[name] = error
        finally:
            if done:
                done.set()

    def _race(self, first, second):
        started = threading.Barrier(2)
        results = {}
        threads = [
            threading.Thread(
                target=self._post, args=(name, started, results), kwargs=kwargs
            )
            for name, kwargs in (("first", first), ("second", second))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(2 * WAIT)
        for name in ("first", "second"):
            with self.subTest(post=name):
                self.assertIsInstance(results.get(name), int, results.get(name))
        return results

    def test_second_post_after_the_first_committed(self):
        """The second transaction began before the first one committed: it
        cannot see the first one's interaction."""
        first_committed = threading.Event()
        self._assert_both_kept(
            self._race({"done": first_committed}, {"wait_for": first_committed})
        )

    def test_second_post_while_the_first_is_uncommitted(self):
        """The second one's capture waits for the first one's commit."""
        first_posted = threading.Event()
        self._assert_both_kept(
            self._race(
                {"posted": first_posted, "linger": 1}, {"wait_for": first_posted}
            )
        )

    def _assert_both_kept(self, results):
        def committed(env):
            messages = env["mail.message"].search(
                [
                    ("model", "=", "hr.internal.client"),
                    ("res_id", "=", self.fixture["client"]),
                    ("message_type", "=", "comment"),
                ]
            )
            interactions = env["hr.relationship.interaction"].search(
                [("stakeholder_ids", "in", self.fixture["stakeholder"])]
            )
            return set(messages.ids), interactions.mapped("source")

        messages, sources = self._committed(committed)
        self.assertEqual(messages, {results.get("first"), results.get("second")})
        self.assertEqual(sources, ["email"])
