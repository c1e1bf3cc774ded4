# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from xmlrpc.client import Fault

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import RPC_ACCESS_ERROR, USER_GROUP, HrRelationshipCase, RpcCase

# The search filter of the Say-Do Ratio report, as its view writes it.
DUE_FILTER = "hr_relationship.hr_relationship_commitment_view_search"


class CommitmentMixin:
    @classmethod
    def _setup_commitments(cls):
        cls.Commitment = cls.env["hr.relationship.commitment"]
        cls.today = fields.Date.context_today(cls.Commitment)
        cls.reminder_type = cls.env.ref(
            "hr_relationship.mail_activity_type_commitment_due"
        )

    def _commitment(self, **values):
        return self.Commitment.create(
            {
                "name": "HRR send the shortlist",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "internal_client_id": self.client_sales.id,
                "user_id": self.user.id,
                **values,
            }
        )

    def _days(self, days):
        return self.today + timedelta(days=days)


@tagged("post_install", "-at_install")
class TestCommitment(CommitmentMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_commitments()

    def _reminders(self, commitment):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", commitment._name),
                ("res_id", "=", commitment.id),
                ("activity_type_id", "=", self.reminder_type.id),
            ]
        )

    def test_a_new_commitment_reminds_its_owner_on_the_due_date(self):
        commitment = self._commitment(date_due=self._days(10))
        reminder = self._reminders(commitment)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.user)
        self.assertEqual(reminder.date_deadline, self._days(10))
        # The reminder follows a new owner and a new due date.
        commitment.write({"user_id": self.other_user.id, "date_due": self._days(12)})
        self.assertEqual(reminder.user_id, self.other_user)
        self.assertEqual(reminder.date_deadline, self._days(12))
        # A commitment recorded as kept needs no reminder.
        kept = self._commitment(state="kept")
        self.assertFalse(self._reminders(kept))
        self.assertEqual(kept.date_done, self.today)

    def test_kept_on_time_or_late(self):
        on_time = self._commitment(date_due=self.today)
        late = self._commitment(date_due=self._days(-3))
        self.assertEqual(on_time.kept_on_time, 0, "open: not kept yet")
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue, "due today is not overdue yet")
        (on_time | late).with_user(self.user).action_keep()
        self.assertEqual(on_time.state, "kept")
        # Kept on the day where the person who kept it is.
        self.assertEqual(
            on_time.date_done,
            fields.Date.context_today(on_time.with_user(self.user)),
        )
        self.assertEqual(on_time.kept_on_time, 100)
        self.assertEqual(late.kept_on_time, 0)
        self.assertFalse(late.is_overdue)
        # Keeping closes the reminder as done, with a note in the chatter.
        self.assertFalse(self._reminders(on_time))
        self.assertIn(
            "Commitment kept.",
            "".join(on_time.message_ids.mapped(lambda m: str(m.body))),
        )
        # A due date moved back after the fact turns it into a late one.
        on_time.date_due = self._days(-10)
        self.assertEqual(on_time.kept_on_time, 0, "the promise moved: kept late")

    def test_cancel_and_reopen(self):
        commitment = self._commitment(date_due=self._days(-1))
        commitment.with_user(self.user).action_cancel()
        self.assertEqual(commitment.state, "cancelled")
        self.assertFalse(commitment.is_overdue)
        self.assertFalse(self._reminders(commitment), "cancelling drops the to-do")
        self.assertFalse(
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [("res_model", "=", commitment._name), ("res_id", "=", commitment.id)]
            ),
            "a cancelled to-do is deleted, not done",
        )
        commitment.with_user(self.user).action_reopen()
        self.assertEqual(commitment.state, "open")
        self.assertTrue(commitment.is_overdue)
        self.assertEqual(len(self._reminders(commitment)), 1)
        commitment.with_user(self.user).action_keep()
        commitment.with_user(self.user).action_reopen()
        self.assertFalse(commitment.date_done)
        self.assertEqual(commitment.kept_on_time, 0)
        # Reopening an open commitment schedules no second reminder.
        commitment.write({"state": "open"})
        self.assertEqual(len(self._reminders(commitment)), 1)

    def test_log_from_an_interaction_opens_a_draft(self):
        interaction = self._interaction(
            self.sh_anna, name="HRR check-in", date=self._days(-2), user_id=self.user.id
        )
        before = self.Commitment.search_count([])
        action = interaction.with_user(self.user).action_log_commitment()
        self.assertNotIn("res_id", action)
        self.assertEqual(self.Commitment.search_count([]), before)
        draft = Form(
            self.Commitment.with_user(self.user).with_context(**action["context"])
        )
        draft.name = "HRR send the shortlist"
        commitment = draft.save()
        self.assertEqual(commitment.stakeholder_id, self.sh_anna)
        self.assertEqual(commitment.internal_client_id, self.client_sales)
        self.assertEqual(commitment.interaction_id, interaction)
        self.assertEqual(commitment.user_id, self.user)
        self.assertEqual(commitment.date_due, self._days(12))
        self.assertEqual(interaction.commitment_ids, commitment)

    def test_logged_from_a_stakeholder_in_their_company(self):
        """A user working in two companies, with another one active, logs a
        promise from the stakeholder: it belongs to the stakeholder's company
        (a promise across companies is refused)."""
        elsewhere = self.env.ref("base.main_company")
        user = self._new_user(
            "hrr_two_companies",
            USER_GROUP,
            company=elsewhere,
            companies=elsewhere | self.company,
        )
        for record in (self.sh_anna, self.client_sales):
            with self.subTest(record=record._name):
                action = record.with_user(user).action_view_commitments()
                draft = Form(
                    self.Commitment.with_user(user).with_context(**action["context"])
                )
                draft.name = "HRR send the shortlist"
                self.assertEqual(draft.save().company_id, self.company)

    def test_promises_from_an_interaction_in_one_batch(self):
        """What the text analysis will suggest: {text, due_date} each."""
        interaction = self._interaction(client=self.client_ops)
        commitments = self.Commitment._create_from_interaction(
            interaction,
            [
                {"text": "HRR call back", "due_date": self._days(2)},
                {"text": "HRR send the policy"},
            ],
        )
        self.assertEqual(
            commitments.mapped("name"), ["HRR call back", "HRR send the policy"]
        )
        self.assertEqual(commitments.internal_client_id, self.client_ops)
        self.assertEqual(commitments.interaction_id, interaction)
        self.assertEqual(
            commitments.mapped("date_due"), [self._days(2), self._days(14)]
        )

    def test_counts_on_client_and_stakeholder(self):
        self._commitment()
        self._commitment(date_due=self._days(-1))
        self._commitment(stakeholder_id=self.sh_erik.id, date_due=self._days(-5))
        self._commitment(state="kept", date_due=self._days(-5))
        self._commitment(state="cancelled", date_due=self._days(-5))
        self.assertEqual(self.client_sales.commitment_open_count, 3)
        self.assertEqual(self.client_sales.commitment_overdue_count, 2)
        self.assertEqual(self.sh_anna.commitment_open_count, 2)
        self.assertEqual(self.sh_anna.commitment_overdue_count, 1)
        self.assertEqual(self.sh_erik.commitment_overdue_count, 1)
        self.assertEqual(self.client_ops.commitment_open_count, 0)
        action = self.client_sales.with_user(self.user).action_view_commitments()
        self.assertEqual(self.Commitment.search_count(action["domain"]), 5)
        self.assertEqual(
            action["context"]["default_internal_client_id"], self.client_sales.id
        )
        in_company = [("company_id", "=", self.company.id)]
        overdue = self.Commitment.search([*in_company, ("is_overdue", "=", True)])
        self.assertEqual(len(overdue), 2)
        self.assertEqual(
            self.Commitment.search([*in_company, ("is_overdue", "=", False)]),
            self.Commitment.search(in_company) - overdue,
        )

    def test_say_do_ratio_per_owner_client_and_month(self):
        """The report averages kept_on_time over its Due filter."""
        due = self._days(-5)
        for values in (
            # The user: kept on time, kept late, still open: 1 of 3.
            {"state": "kept", "date_due": due, "date_done": self._days(-6)},
            {"state": "kept", "date_due": due, "date_done": self._days(-2)},
            {"date_due": due},
            # Not counted: cancelled, or not due yet (even when kept).
            {"state": "cancelled", "date_due": due},
            {"state": "kept", "date_due": self._days(5)},
            # The other user, for another client: 1 of 1.
            {
                "state": "kept",
                "date_due": self.today,
                "user_id": self.other_user.id,
                "stakeholder_id": self.sh_bob.id,
                "internal_client_id": self.client_ops.id,
            },
        ):
            self._commitment(**values)
        search = self.env.ref(DUE_FILTER)
        self.assertIn('name="due"', search.arch)
        domain = [
            ("company_id", "=", self.company.id),
            ("date_due", "<=", self.today),
            ("state", "!=", "cancelled"),
        ]
        Commitment = self.Commitment.with_user(self.user)
        by_owner = dict(
            Commitment._read_group(domain, ["user_id"], ["kept_on_time:avg"])
        )
        self.assertAlmostEqual(by_owner[self.user], 100 / 3)
        self.assertAlmostEqual(by_owner[self.other_user], 100)
        by_client = dict(
            Commitment._read_group(domain, ["internal_client_id"], ["kept_on_time:avg"])
        )
        self.assertAlmostEqual(by_client[self.client_sales], 100 / 3)
        self.assertAlmostEqual(by_client[self.client_ops], 100)
        by_month = Commitment._read_group(domain, ["date_due:month"], ["__count"])
        self.assertEqual(sum(count for _month, count in by_month), 4)
        (total,) = Commitment._read_group(domain, [], ["kept_on_time:avg"])[0]
        self.assertAlmostEqual(total, 50)

    def test_an_overdue_commitment_is_a_warning_sign_of_health(self):
        sh = self.sh_anna
        self._interaction(sh, date=self.today, sentiment="very_positive")
        sh._refresh_health()
        self.assertEqual(sh.health_state, "healthy")
        self.assertFalse(sh.health_reasons)
        # Neither one due today, nor one kept or cancelled, is overdue.
        self._commitment(date_due=self.today)
        self._commitment(state="kept", date_due=self._days(-3))
        self._commitment(state="cancelled", date_due=self._days(-3))
        sh._refresh_health()
        self.assertEqual(sh.health_state, "healthy")
        late = self._commitment(date_due=self._days(-1))
        sh._refresh_health()
        self.assertEqual(sh.health_state, "attention")
        self.assertEqual(sh.health_reasons, "1 commitment overdue")
        self._commitment(date_due=self._days(-9))
        sh._refresh_health()
        self.assertEqual(sh.health_reasons, "2 commitments overdue")
        self.assertIn("2 commitments overdue", self.client_sales.health_reasons)
        self.assertNotIn("commitment", self.client_ops.health_reasons or "")
        late.action_keep()
        sh._refresh_health()
        self.assertEqual(sh.health_reasons, "1 commitment overdue")

    def test_needs_whom_it_was_promised_to(self):
        with self.assertRaisesRegex(ValidationError, "stakeholder or the internal"):
            self._commitment(stakeholder_id=False, internal_client_id=False)
        commitment = self._commitment(stakeholder_id=False)
        with self.assertRaisesRegex(ValidationError, "stakeholder or the internal"):
            commitment.internal_client_id = False
        with self.assertRaisesRegex(UserError, "is not a status of a commitment"):
            commitment.write({"state": "done"})

    def test_the_refusal_reads_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_relationship"], ["nl_NL"], overwrite=True
        )
        self.user.lang = "nl_NL"
        # A request runs in its user's language, as the web client sends it.
        as_user = self.Commitment.with_user(self.user).with_context(lang=self.user.lang)
        with self.assertRaisesRegex(ValidationError, "Bij toezegging HRR"):
            as_user.create({"name": "HRR nobody", "company_id": self.company.id})

    def test_the_owner_changes_it_others_read_it(self):
        commitment = self._commitment()
        other = commitment.with_user(self.other_user)
        self.assertEqual(other.name, "HRR send the shortlist")
        with self.assertRaises(AccessError):
            other.action_keep()
        self.assertEqual(commitment.state, "open")
        commitment.with_user(self.user).action_keep()
        self.assertEqual(commitment.state, "kept")
        with self.assertRaises(AccessError):
            commitment.with_user(self.internal_user).read(["name"])


@tagged("post_install", "-at_install")
class TestCommitmentRpc(CommitmentMixin, RpcCase):
    """Over RPC a user sees commitments only within their companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_commitments()
        foreign = cls.env["res.company"].create({"name": "HRR Elsewhere"})
        far_client = cls.env["hr.internal.client"].create(
            {"name": "HRR Far", "company_id": foreign.id}
        )
        cls.far = cls.env["hr.relationship.commitment"].create(
            {
                "name": "HRR far away promise",
                "company_id": foreign.id,
                "internal_client_id": far_client.id,
            }
        )

    def test_user_reads_only_within_their_companies(self):
        mine = self._commitment()
        found = self._execute(
            self.user,
            "hr.relationship.commitment",
            "search_read",
            [[("name", "like", "HRR")]],
            {"fields": ["name"]},
        )
        self.assertEqual([row["id"] for row in found], mine.ids)
        self._assert_rpc_refused(
            self.user, "hr.relationship.commitment", "read", [self.far.ids, ["name"]]
        )
        self._assert_rpc_refused(
            self.user, "hr.relationship.commitment", "action_keep", [self.far.ids]
        )
        self._assert_rpc_refused(
            self.user,
            "hr.internal.client",
            "action_view_commitments",
            [self.far.internal_client_id.ids],
        )

    def test_plain_employee_sees_none_and_others_change_none(self):
        mine = self._commitment()
        self._assert_rpc_refused(
            self.internal_user,
            "hr.relationship.commitment",
            "search_read",
            [[]],
            {"fields": ["name"]},
        )
        with self.assertRaises(Fault) as caught:
            self._execute(
                self.other_user, "hr.relationship.commitment", "action_keep", [mine.ids]
            )
        self.assertEqual(caught.exception.faultCode, RPC_ACCESS_ERROR)
        self.assertEqual(mine.state, "open")
        self._execute(
            self.user, "hr.relationship.commitment", "action_keep", [mine.ids]
        )
        mine.invalidate_recordset()
        self.assertEqual(mine.state, "kept")
