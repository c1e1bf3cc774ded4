# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests import test_malformed_input as malformed
from odoo.addons.hr_relationship.tests.common import (
    MANAGER_GROUP,
    USER_GROUP,
    HrRelationshipCase,
)

# The scope of the keys the Outlook and Gmail add-ins get (mail_plugin's
# /mail_plugin/auth/access_token) and that its "outlook" auth accepts.
PLUGIN_SCOPE = "odoo.plugin.outlook"
# Erik's relationship profile: none of it may reach the add-in.
SECRETS = {
    "approach_notes": "MAIL-PLUGIN-SECRET-APPROACH",
    "personal_interests": "MAIL-PLUGIN-SECRET-INTERESTS",
    "motivators": "MAIL-PLUGIN-SECRET-MOTIVATORS",
}
LOG_ROUTE = "/mail_plugin/hr_stakeholder/log_interaction"
MODULE = "hr_relationship_mail_plugin"


@tagged("post_install", "-at_install")
class TestMailPlugin(HttpCase, HrRelationshipCase):
    """The routes as the Outlook and Gmail add-ins call them: JSON-RPC posts
    with the user's API key of the add-ins' scope, nothing mocked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The day of the user the plugin's calls run as (the superuser's
        # demo time zone is a day ahead in the hour before midnight UTC).
        cls.today = fields.Date.context_today(cls.user.with_user(cls.user))
        cls.env["res.lang"]._activate_lang("nl_NL")
        # The labels of the core's choices are stored translations.
        cls.env["ir.module.module"]._load_module_terms(
            ["hr_relationship", "hr_relationship_mail_plugin"], ["nl_NL"]
        )
        cls.dutch_user = cls._new_user("hrr_dutch", USER_GROUP)
        cls.dutch_user.lang = "nl_NL"
        # Erik is a blocker last spoken to 45 days ago, on a 30-day cadence:
        # his health has two warning signs the card must carry.
        cls.sh_erik.write({"attitude": "blocker", **SECRETS})
        cls.erik_contact = cls._interaction(
            cls.sh_erik, date=cls.today - timedelta(days=45), user_id=cls.user.id
        )
        Concern = cls.env["hr.relationship.concern"]
        cls.open_concern, cls.resolved_concern = Concern.create(
            [
                {
                    "name": "Invoices paid late",
                    "stakeholder_id": cls.sh_erik.id,
                    "company_id": cls.company.id,
                    "deadline": cls.today + timedelta(days=7),
                },
                {
                    "name": "Badge access",
                    "stakeholder_id": cls.sh_erik.id,
                    "company_id": cls.company.id,
                    "state": "resolved",
                    "resolution": "<p>New badge issued.</p>",
                },
            ]
        )
        # A person known to both companies' contacts, a stakeholder of the
        # second company only: its record rules keep them from the first's.
        cls.company_b = cls.env["res.company"].create({"name": "HRR Company B"})
        cls.partner_shared = cls.env["res.partner"].create(
            {"name": "Sanne Gedeeld", "email": "sanne@shared.example.com"}
        )
        cls.sh_sanne = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.partner_shared.id,
                "company_id": cls.company_b.id,
                "owner_id": cls.manager.id,
                "relation_type": "freelancer",
            }
        )
        cls.user_both = cls._new_user(
            "hrr_both", MANAGER_GROUP, companies=cls.company | cls.company_b
        )
        cls.env.invalidate_all()

    def setUp(self):
        super().setUp()
        # Each test's keys go with its transaction.
        self.keys = {}

    def _call(self, user, route, params):
        """Post ``params`` to ``route`` as the add-in of ``user`` does: the
        raw text of the answer (what left Odoo) and its result."""
        if user not in self.keys:
            self.keys[user] = (
                self.env["res.users.apikeys"]
                .with_user(user)
                ._generate(PLUGIN_SCOPE, "Outlook", datetime.now() + timedelta(days=1))
            )
        response = self.url_open(
            route,
            data=json.dumps(
                {"id": 0, "jsonrpc": "2.0", "method": "call", "params": params}
            ).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.keys[user]}",
            },
        )
        response.raise_for_status()
        answer = response.json()
        self.assertNotIn("error", answer, "The call failed on the server.")
        return response.text, answer["result"]

    def _contact(self, user, name, email):
        """What the add-in receives when ``user`` opens a mail from ``email``."""
        return self._call(
            user, "/mail_plugin/partner/get", {"name": name, "email": email}
        )

    def _log(self, user, **params):
        return self._call(user, LOG_ROUTE, params)[1]

    def _interactions(self):
        Interaction = self.env["hr.relationship.interaction"]
        return Interaction.with_context(active_test=False).search([])

    # ------------------------------------------------------------
    # The relationship card
    # ------------------------------------------------------------

    def test_card_for_a_relationship_user(self):
        _text, result = self._contact(
            self.user, "Erik Extern", "erik@supplier.example.com"
        )
        self.assertEqual(result["partner"]["id"], self.partner_ext.id)
        self.assertEqual(len(result["hr_stakeholders"]), 1)
        card = result["hr_stakeholders"][0]
        last_contact = self.today - timedelta(days=45)
        self.assertEqual(
            {key: card[key] for key in card if key not in ("health", "open_concerns")},
            {
                "id": self.sh_erik.id,
                "name": "Erik Extern",
                "relation_type": "supplier",
                "relation_type_label": "Supplier",
                "owner": {"id": self.other_user.id, "name": self.other_user.name},
                "last_contact": fields.Date.to_string(last_contact),
                "next_contact": fields.Date.to_string(
                    last_contact + timedelta(days=30)
                ),
                "is_contact_overdue": True,
                "internal_clients": [{"id": self.client_sales.id, "name": "HRR Sales"}],
            },
        )
        self.assertEqual(
            card["open_concerns"],
            [
                {
                    "id": self.open_concern.id,
                    "name": "Invoices paid late",
                    "state": "new",
                    "state_label": "New",
                    "deadline": fields.Date.to_string(self.today + timedelta(days=7)),
                    "is_overdue": False,
                }
            ],
            "Only the open concern: the resolved one is history.",
        )
        health = card["health"]
        self.assertNotEqual(health["state"], "not_scored")
        self.assertEqual(health["state"], self.sh_erik.health_state)
        self.assertEqual(health["score"], self.sh_erik.health_score)
        self.assertIn("Blocker", health["reasons"])
        self.assertIn("Contact 15 days overdue", health["reasons"])
        self.assertNotIn("commitments", card, "The addon has no commitments yet.")

    def test_card_of_an_employee_by_work_address(self):
        _text, result = self._contact(
            self.user, "Anna Jansen", "anna.jansen@hrr.example.com"
        )
        cards = result["hr_stakeholders"]
        self.assertEqual([card["id"] for card in cards], [self.sh_anna.id])
        self.assertEqual(cards[0]["relation_type_label"], "Manager")
        # Nothing known of her relationship yet: no score rather than 0.
        self.assertEqual(cards[0]["health"]["state"], "not_scored")
        self.assertIs(cards[0]["health"]["score"], False)

    def test_card_in_the_users_language(self):
        _text, result = self._contact(
            self.dutch_user, "Erik Extern", "erik@supplier.example.com"
        )
        card = result["hr_stakeholders"][0]
        self.assertEqual(card["relation_type_label"], "Leverancier")
        self.assertIn("Tegenstander", card["health"]["reasons"])

    def test_no_card_for_an_internal_user_without_the_group(self):
        text, result = self._contact(
            self.internal_user, "Erik Extern", "erik@supplier.example.com"
        )
        # The contact is the plugin's own, and theirs to see.
        self.assertEqual(result["partner"]["id"], self.partner_ext.id)
        self.assertNotIn("hr_stakeholders", result)
        for shown in ("Invoices paid late", "HRR Sales", "Blocker"):
            self.assertNotIn(shown, text)

    def test_no_card_where_the_record_rules_exclude_the_stakeholder(self):
        """Sanne is a stakeholder of company B: the relationship user of
        company A sees her contact, and nothing tells them she is more."""
        text, result = self._contact(
            self.user, "Sanne Gedeeld", "sanne@shared.example.com"
        )
        self.assertEqual(result["partner"]["id"], self.partner_shared.id)
        self.assertEqual(result["hr_stakeholders"], [])
        self.assertNotIn("Freelancer", text)
        # Who may read her gets her card: the rules, not the route, decide.
        _text, result = self._contact(
            self.user_both, "Sanne Gedeeld", "sanne@shared.example.com"
        )
        self.assertEqual(
            [card["id"] for card in result["hr_stakeholders"]], [self.sh_sanne.id]
        )

    def test_private_notes_never_leave_odoo(self):
        # The profile is there, and its owner and an administrator may read it.
        for user in (self.other_user, self.manager):
            stakeholder = self.sh_erik.with_user(user)
            self.assertEqual(stakeholder.approach_notes, SECRETS["approach_notes"])
            with self.subTest(user=user.login):
                text, result = self._contact(
                    user, "Erik Extern", "erik@supplier.example.com"
                )
                self.assertEqual(len(result["hr_stakeholders"]), 1)
                for secret in SECRETS.values():
                    self.assertNotIn(secret, text)

    # ------------------------------------------------------------
    # Logging the mail as an interaction
    # ------------------------------------------------------------

    def test_log_creates_one_interaction(self):
        before = self._interactions()
        mail_day = self.today - timedelta(days=2)
        result = self._log(
            self.user,
            stakeholder_id=self.sh_erik.id,
            email_subject="Re: the new contract",
            email_body="<p>Thank you, the contract suits us.</p>",
            email_date=fields.Date.to_string(mail_day),
        )
        new = self._interactions() - before
        self.assertEqual(len(new), 1)
        self.assertEqual(result, {"interaction_id": new.id, "name": new.name})
        self.assertRecordValues(
            new,
            [
                {
                    "name": "Re: the new contract",
                    "source": "mailbox",
                    "interaction_type": "email",
                    "date": mail_day,
                    "stakeholder_ids": self.sh_erik.ids,
                    "internal_client_id": self.client_sales.id,
                    "user_id": self.user.id,
                    "company_id": self.company.id,
                }
            ],
        )
        self.assertIn("Thank you, the contract suits us.", new.summary)
        # It counts as the last contact at once.
        self.assertEqual(self.sh_erik.last_interaction_date, mail_day)

    def test_log_without_date_or_subject(self):
        before = self._interactions()
        self._log(
            self.user, stakeholder_id=self.sh_anna.id, email_body="<p>See you.</p>"
        )
        new = self._interactions() - before
        self.assertEqual(len(new), 1)
        self.assertEqual(new.date, fields.Date.context_today(new.with_user(self.user)))
        self.assertEqual(new.name, "Email with Anna Jansen")
        self.assertEqual(new.stakeholder_ids, self.sh_anna)

    def test_log_refuses_bad_input_and_writes_nothing(self):
        unknown = self.env["hr.stakeholder"].search([], order="id desc", limit=1).id + 1
        body = "<p>Hello</p>"
        cases = {
            "unknown stakeholder": (self.user, {"stakeholder_id": unknown}),
            "stakeholder of another company": (
                self.user,
                {"stakeholder_id": self.sh_sanne.id},
            ),
            "no stakeholder": (self.user, {}),
            "stakeholder as text": (
                self.user,
                {"stakeholder_id": str(self.sh_erik.id)},
            ),
            "user without the group": (
                self.internal_user,
                {"stakeholder_id": self.sh_erik.id},
            ),
        }
        not_found = "This stakeholder does not exist or you may not see them."
        for case, (user, params) in cases.items():
            with self.subTest(case=case):
                self._assert_refused(user, {"email_body": body, **params}, not_found)
        erik = {"stakeholder_id": self.sh_erik.id}
        for case, params, message in (
            ("no body", {}, "The mail has no text to log."),
            ("empty body", {"email_body": ""}, "The mail has no text to log."),
            ("blank body", {"email_body": "<p> </p>"}, "The mail has no text to log."),
            (
                "malformed date",
                {"email_body": body, "email_date": "06/12/2026"},
                "The date of the mail must be a day written as YYYY-MM-DD, "
                "not 06/12/2026.",
            ),
            (
                "date after today",
                {"email_body": body, "email_date": "2999-01-01"},
                "The mail is dated 2999-01-01, after today: only a mail that has "
                "been written can be logged.",
            ),
            (
                # Refused by the interaction's own check, once its row is
                # inserted: the route must undo the insert.
                "date before the earliest",
                {"email_body": body, "email_date": "1899-12-31"},
                "Interaction Email with Erik Extern is dated 1899-12-31: an "
                "interaction happens from 1900-01-01 on and can be planned up to "
                f"{self.today + relativedelta(years=5)}.",
            ),
        ):
            with self.subTest(case=case):
                self._assert_refused(self.user, {**erik, **params}, message)

    def _assert_refused(self, user, params, message):
        before = self._interactions()
        last_contact = self.sh_erik.last_interaction_date
        result = self._log(user, **params)
        self.assertEqual(result, {"error": message})
        self.assertEqual(self._interactions(), before)
        self.env.invalidate_all()
        self.assertEqual(self.sh_erik.last_interaction_date, last_contact)

    def test_log_refusal_in_the_users_language(self):
        result = self._log(
            self.dutch_user, stakeholder_id=self.sh_erik.id, email_body="<p></p>"
        )
        self.assertEqual(
            result, {"error": "De e-mail bevat geen tekst om vast te leggen."}
        )

    def test_no_model_method_to_call_over_rpc(self):
        """The route is the module's one way in: it adds no public model
        method, which RPC could call past the route's checks (the core's
        malformed-input test leaves a bridge's methods to the bridge)."""
        self.assertEqual(malformed._public_methods(self.env.registry, MODULE), set())

    # ------------------------------------------------------------
    # The add-in's own text
    # ------------------------------------------------------------

    def test_add_in_text_in_dutch_for_relationship_users(self):
        _text, translations = self._call(
            self.dutch_user, "/mail_plugin/get_translations", {}
        )
        self.assertEqual(
            translations.get("Log Email as Interaction"),
            "E-mail vastleggen als interactie",
        )
        self.dutch_user.group_ids = [Command.set(self.env.ref("base.group_user").ids)]
        _text, translations = self._call(
            self.dutch_user, "/mail_plugin/get_translations", {}
        )
        self.assertNotIn("Log Email as Interaction", translations)
