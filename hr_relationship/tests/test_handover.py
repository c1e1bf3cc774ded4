# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import USER_GROUP, HrRelationshipCase

DOSSIER = "hr_relationship.action_report_handover_dossier"
PORTFOLIO_DOSSIER = "hr_relationship.action_report_handover_portfolio"


class HandoverCase(HrRelationshipCase):
    """Hanna (``user``) hands over. Anna and the Sales client are hers;
    ``other_user`` met Anna, ``third_user`` met only Erik, who met Carla
    (Hanna's) in the same meeting; nobody knows Dirk (Hanna's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third_user = cls._new_user("hrr_third", USER_GROUP)
        Stakeholder = cls.env["hr.stakeholder"]
        cls.partner_carla = cls.env["res.partner"].create(
            {"name": "Carla Contact", "company_id": cls.company.id}
        )
        cls.partner_dirk = cls.env["res.partner"].create(
            {"name": "Dirk Distant", "company_id": cls.company.id}
        )
        common = {
            "company_id": cls.company.id,
            "owner_id": cls.user.id,
            "relation_type": "supplier",
            "contact_cadence_days": 30,
            "consent": True,
        }
        cls.sh_carla = Stakeholder.create(dict(common, partner_id=cls.partner_carla.id))
        cls.sh_dirk = Stakeholder.create(dict(common, partner_id=cls.partner_dirk.id))
        cls._interaction(
            cls.sh_anna,
            date=date(2026, 11, 20),
            user_id=cls.other_user.id,
            name="HRR-MET Anna about the hiring plan",
            sentiment_chosen="positive",
        )
        cls._interaction(
            cls.sh_carla | cls.sh_erik, date=date(2026, 11, 10), user_id=cls.user.id
        )
        cls._interaction(
            cls.sh_erik, date=date(2026, 11, 12), user_id=cls.third_user.id
        )
        cls.sh_anna.approach_notes = "HRR-APPROACH Anna prefers a call"
        cls.env.invalidate_all()

    def _wizard(self, user=None, leaver=None):
        action = (
            self.env["hr.relationship.handover"]
            .with_user(user or self.user)
            ._open_for(leaver or self.user, self.company)
        )
        return (
            self.env["hr.relationship.handover"]
            .with_user(user or self.user)
            .browse(action["res_id"])
        )

    def _line(self, wizard, record):
        field = (
            "stakeholder_id"
            if record._name == "hr.stakeholder"
            else "internal_client_id"
        )
        return wizard.line_ids.filtered(lambda line: line[field] == record)


@tagged("post_install", "-at_install")
class TestHandover(HandoverCase):
    def test_lists_what_they_carry(self):
        wizard = self._wizard()
        self.assertEqual(
            wizard.line_ids.stakeholder_id, self.sh_anna | self.sh_carla | self.sh_dirk
        )
        self.assertEqual(wizard.line_ids.internal_client_id, self.client_sales)
        self.assertEqual(set(wizard.line_ids.mapped("role")), {"owner"})

    def test_who_knows_them_before_warm_path_before_load(self):
        wizard = self._wizard()
        anna = self._line(wizard, self.sh_anna)
        self.assertEqual((anna.successor_id, anna.basis), (self.other_user, "direct"))
        carla = self._line(wizard, self.sh_carla)
        self.assertEqual((carla.successor_id, carla.basis), (self.third_user, "warm"))
        self.assertEqual(carla.via_stakeholder_id, self.sh_erik)
        # Nobody knows Dirk: the lightest portfolio, the administrator's
        # (none), ahead of Bob's and Erik's owner and the colleague who just
        # got Carla.
        dirk = self._line(wizard, self.sh_dirk)
        self.assertEqual((dirk.successor_id, dirk.basis), (self.manager, "load"))
        # The Sales client: Anna is its stakeholder, so her acquaintance too.
        sales = self._line(wizard, self.client_sales)
        self.assertEqual(sales.basis, "direct")

    def test_equally_strong_ties_go_to_the_lighter_portfolio(self):
        for user in (self.other_user, self.third_user):
            self._interaction(self.sh_dirk, date=date(2026, 11, 25), user_id=user.id)
        dirk = self._line(self._wizard(), self.sh_dirk)
        # other_user owns Erik, Bob and partners Operations; third_user nothing.
        self.assertEqual((dirk.successor_id, dirk.basis), (self.third_user, "direct"))

    def test_hands_over_in_one_step(self):
        wizard = self._wizard()
        successors = {line._record(): line.successor_id for line in wizard.line_ids}
        wizard.action_hand_over()
        self.env.invalidate_all()
        for record, successor in successors.items():
            owner = (
                record.owner_id
                if record._name == "hr.stakeholder"
                else (record.hr_partner_id)
            )
            self.assertEqual(owner, successor, record.display_name)
            introduction = (
                self.env["mail.activity"]
                .search([("res_model", "=", record._name), ("res_id", "=", record.id)])
                .filtered(
                    lambda activity: (
                        activity.activity_type_id
                        == self.env.ref(
                            "hr_relationship.mail_activity_type_handover_introduction"
                        )
                    )
                )
            )
            self.assertEqual(introduction.user_id, successor)
            notes = record.message_ids.filtered(
                lambda message: "Handed over from" in (message.body or "")
            )
            self.assertEqual(len(notes), 1, record.display_name)
            self.assertIn(successor.name, notes.body)
        # Nothing is left without an owner once the leaver is archived.
        self.user.action_archive()
        self.assertFalse(
            self.env["hr.stakeholder"].search(
                [("owner_missing", "=", True), ("company_id", "=", self.company.id)]
            )
        )
        self.assertFalse(
            self.env["hr.internal.client"].search(
                [("owner_missing", "=", True), ("company_id", "=", self.company.id)]
            )
        )

    def test_the_only_hr_contact_introduces_a_successor(self):
        """Of a relationship another colleague owns but only the leaver is in
        contact with, the owner stays; the successor is introduced."""
        self.sh_bob.hr_sole_contact_id = self.user
        wizard = self._wizard()
        bob = self._line(wizard, self.sh_bob)
        self.assertEqual(bob.role, "contact")
        bob.successor_id = self.third_user
        wizard.action_hand_over()
        self.env.invalidate_all()
        self.assertEqual(self.sh_bob.owner_id, self.other_user)
        introduction = self.env["mail.activity"].search(
            [("res_model", "=", "hr.stakeholder"), ("res_id", "=", self.sh_bob.id)]
        )
        self.assertEqual(introduction.user_id, self.third_user)

    def test_refuses_a_relationship_without_successor(self):
        wizard = self._wizard()
        self._line(wizard, self.sh_dirk).successor_id = False
        with self.assertRaisesRegex(UserError, "Dirk Distant"):
            wizard.action_hand_over()
        self.assertEqual(self.sh_dirk.owner_id, self.user)
        self.assertEqual(self.sh_anna.owner_id, self.user, "nothing half-written")

    def test_refuses_the_leaver_as_successor(self):
        wizard = self._wizard()
        self._line(wizard, self.sh_dirk).successor_id = self.user
        with self.assertRaises(UserError):
            wizard.action_hand_over()

    def test_archived_owners_relationships_are_orphans(self):
        """Archiving is not blocked: what the user carried shows as without
        an owner."""
        self.other_user.action_archive()
        Stakeholder = self.env["hr.stakeholder"]
        orphans = Stakeholder.search(
            [("owner_missing", "=", True), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(orphans, self.sh_erik | self.sh_bob)
        self.assertTrue(self.sh_erik.owner_missing)
        self.assertFalse(self.sh_anna.owner_missing)
        self.assertIn(
            self.sh_anna,
            Stakeholder.search(
                [("owner_missing", "=", False), ("company_id", "=", self.company.id)]
            ),
        )
        self.assertEqual(
            self.env["hr.internal.client"].search(
                [("owner_missing", "=", True), ("company_id", "=", self.company.id)]
            ),
            self.client_ops,
        )

    def test_successor_reads_the_profile_once_they_own_it(self):
        Profile = self.env["hr.stakeholder.profile"].with_user(self.third_user)
        profile = self.sh_anna.sudo().profile_ids
        self.assertTrue(profile)
        self.assertFalse(Profile.search([("stakeholder_id", "=", self.sh_anna.id)]))
        with self.assertRaises(AccessError):
            profile.with_user(self.third_user).approach_notes  # noqa: B018
        wizard = self._wizard()
        self._line(wizard, self.sh_anna).successor_id = self.third_user
        wizard.action_hand_over()
        profile.invalidate_recordset()
        self.assertEqual(
            profile.with_user(self.third_user).approach_notes,
            "HRR-APPROACH Anna prefers a call",
        )
        # And the former owner no longer does.
        with self.assertRaises(AccessError):
            profile.with_user(self.user).approach_notes  # noqa: B018

    def test_only_the_colleague_their_coach_or_an_administrator(self):
        portfolio = self.env["hr.relationship.portfolio"].create(
            {
                "user_id": self.user.id,
                "company_id": self.company.id,
                "employee_id": self.emp_hr.id,
            }
        )
        self.assertFalse(portfolio.with_user(self.third_user).can_hand_over)
        self.assertTrue(portfolio.with_user(self.user).can_hand_over)
        with self.assertRaises(AccessError):
            self._wizard(user=self.third_user)
        self.emp_hr.coach_id = self.env["hr.employee"].create(
            {
                "name": "Coach",
                "company_id": self.company.id,
                "user_id": self.third_user.id,
            }
        )
        self.assertTrue(self._wizard(user=self.third_user).line_ids)
        self.assertTrue(self._wizard(user=self.manager).line_ids)

    def test_departure_offers_the_handover(self):
        hr_admin = self._new_user(
            "hrr_hr_admin",
            f"hr.group_hr_manager,base.group_partner_manager,{USER_GROUP}",
        )
        wizard = (
            self.env["hr.departure.wizard"]
            .with_user(hr_admin)
            .with_context(active_ids=self.emp_hr.ids, employee_termination=True)
            .create({"employee_ids": [Command.set(self.emp_hr.ids)]})
        )
        action = wizard.action_register_departure()
        self.assertEqual(action["res_model"], "hr.relationship.handover")
        handover = self.env["hr.relationship.handover"].browse(action["res_id"])
        self.assertEqual(handover.reason, "departure")
        self.assertEqual(handover.user_id, self.user)

    def test_suggestions_do_not_query_per_relationship(self):
        """Known relationships cost the same few queries, 3 or 12."""
        Handover = self.env["hr.relationship.handover"].with_user(self.manager)

        def relationships(count):
            leaver = self._new_user(f"hrr_leaver_{count}", USER_GROUP)
            stakeholders = self.env["hr.stakeholder"].create(
                [
                    {
                        "partner_id": self.env["res.partner"]
                        .create({"name": f"HRR {count} {index}"})
                        .id,
                        "company_id": self.company.id,
                        "owner_id": leaver.id,
                        "relation_type": "supplier",
                        "contact_cadence_days": 30,
                    }
                    for index in range(count)
                ]
            )
            self._interaction(
                stakeholders, date=date(2026, 11, 1), user_id=self.other_user.id
            )
            self.env.flush_all()
            return leaver

        counts = []
        for leaver in (relationships(3), relationships(12)):
            # The registry's caches warm (a new user empties them), the
            # records' cold.
            Handover._line_values(leaver, self.company)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            lines = Handover._line_values(leaver, self.company)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertTrue(all(line["basis"] == "direct" for line in lines))
        self.assertEqual(counts[0], counts[1], counts)


@tagged("post_install", "-at_install")
class TestHandoverDemo(TransactionCase):
    def test_the_demo_shows_a_handover(self):
        """Wouter Kramer left: his relationships have active owners, each a
        note of the handover and an introduction for its successor."""
        leaver = self.env.ref(
            "hr_relationship.user_wouter_kramer", raise_if_not_found=False
        )
        if not leaver:
            self.skipTest("The demo data is not installed.")
        self.assertFalse(leaver.active)
        for xmlid in ("stakeholder_pieter_kok", "stakeholder_linda_bos"):
            stakeholder = self.env.ref(f"hr_relationship.{xmlid}")
            self.assertNotEqual(stakeholder.owner_id, leaver)
            self.assertFalse(stakeholder.owner_missing)
            self.assertTrue(
                stakeholder.message_ids.filtered(
                    lambda message: leaver.name in (message.body or "")
                )
            )
            self.assertEqual(
                stakeholder.activity_ids.filtered(
                    lambda activity: (
                        activity.activity_type_id
                        == self.env.ref(
                            "hr_relationship.mail_activity_type_handover_introduction"
                        )
                    )
                ).user_id,
                stakeholder.owner_id,
            )


@tagged("post_install", "-at_install")
class TestHandoverDossier(HandoverCase):
    def _html(self, user, report, records):
        return str(
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report, records.ids)[0]
        )

    def test_the_dossier_holds_the_relationship(self):
        self.env["hr.relationship.commitment"].create(
            {
                "name": "HRR-PROMISE call back on the plan",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "user_id": self.user.id,
                "date_due": date(2026, 12, 20),
            }
        )
        self.env["hr.relationship.concern"].create(
            {
                "name": "HRR-CONCERN workload in the team",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "user_id": self.user.id,
            }
        )
        html = self._html(self.user, DOSSIER, self.sh_anna)
        for text in (
            "Anna Jansen",
            "HRR-APPROACH Anna prefers a call",
            "HRR-MET Anna about the hiring plan",
            "HRR-PROMISE call back on the plan",
            "HRR-CONCERN workload in the team",
            "Who Else in HR Knows Them",
            self.other_user.name,
            "<svg",
        ):
            self.assertIn(text, html)

    def test_the_profile_only_for_who_may_read_it(self):
        html = self._html(self.third_user, DOSSIER, self.sh_anna)
        self.assertIn("HRR-MET Anna about the hiring plan", html)
        self.assertNotIn("HRR-APPROACH", html)
        self.assertIn("opens to the successor", html)

    def test_the_portfolio_dossier_holds_every_relationship(self):
        portfolio = self.env["hr.relationship.portfolio"].create(
            {"user_id": self.user.id, "company_id": self.company.id}
        )
        html = self._html(self.user, PORTFOLIO_DOSSIER, portfolio)
        for text in ("Anna Jansen", "Carla Contact", "Dirk Distant", "HRR Sales"):
            self.assertIn(text, html)


@tagged("post_install", "-at_install")
class TestHandoverDossierPdf(HttpCase, HandoverCase):
    """wkhtmltopdf fetches the report's styles from the server, which sees
    the test's data only in an HTTP test case."""

    def test_prints_pdfs(self):
        portfolio = self.env["hr.relationship.portfolio"].create(
            {"user_id": self.user.id, "company_id": self.company.id}
        )
        Report = (
            self.env["ir.actions.report"]
            .with_user(self.user)
            .with_context(force_report_rendering=True)
        )
        for report, records in (
            (DOSSIER, self.sh_anna),
            (PORTFOLIO_DOSSIER, portfolio),
        ):
            pdf, kind = Report._render_qweb_pdf(report, records.ids)
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
