# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tests import HttpCase, freeze_time, tagged

from .common import BUSINESS_PARTNER_GROUP, HrRelationshipCase, SatisfactionSurveyMixin

TODAY = date(2026, 3, 16)


def days_ago(days):
    return TODAY - timedelta(days=days)


@tagged("post_install", "-at_install", "is_query_count")
class TestRelationshipHealth(SatisfactionSurveyMixin, HrRelationshipCase):
    """Health scores, states, activities and snapshots, checked against
    values worked out by hand in each test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        cls.Snapshot = cls.env["hr.relationship.health.snapshot"]
        cls.campaign = cls.env["hr.satisfaction.survey"].create(
            {"name": "HRR health campaign", "company_id": cls.company.id}
        )
        cls.type_stakeholder = cls.env.ref(
            "hr_relationship.mail_activity_type_health_stakeholder"
        )
        cls.type_client = cls.env.ref(
            "hr_relationship.mail_activity_type_health_client"
        )

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _survey_result(self, target, satisfaction=None, nps=None, on=TODAY):
        """A stored campaign result, the source of the latest_* figures; a
        None figure is a question nobody answered."""
        is_stakeholder = target._name == "hr.stakeholder"
        return self.env["hr.satisfaction.result"].create(
            {
                "campaign_id": self.campaign.id,
                "company_id": self.company.id,
                "date": on,
                "scope": "stakeholder" if is_stakeholder else "internal_client",
                "stakeholder_id": target.id if is_stakeholder else False,
                "internal_client_id": False if is_stakeholder else target.id,
                "invited_count": 1,
                "responded_count": 1,
                "satisfaction_count": int(satisfaction is not None),
                "satisfaction_index" if is_stakeholder else "csat": satisfaction or 0,
                "recommendation_count": int(nps is not None),
                "nps": nps or 0,
            }
        )

    def _contact(self, name, **values):
        partner = self.env["res.partner"].create({"name": name})
        return self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "owner_id": self.user.id,
                **values,
            }
        )

    def _refresh(self, records):
        """The administrator's button: contact dates, then health."""
        return records.with_user(self.manager).action_refresh_health()

    def _stored_score(self, record):
        self.env.flush_all()
        self.cr.execute(
            f"SELECT health_score FROM {record._table} WHERE id = %s", [record.id]
        )
        return self.cr.fetchone()[0]

    def _activities(self, records, activity_type):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def _snapshots(self, record):
        field = (
            "stakeholder_id"
            if record._name == "hr.stakeholder"
            else "internal_client_id"
        )
        return self.Snapshot.search([(field, "=", record.id)], order="month")

    def _settings(self, **values):
        self.env["res.config.settings"].create(values).execute()

    # ------------------------------------------------------------
    # Scores and states
    # ------------------------------------------------------------

    @freeze_time(TODAY)
    def test_stakeholder_components_by_hand(self):
        # Anna: satisfaction 80, NPS -20 -> 40, last contact 45 days ago on a
        # 30-day cadence -> 15 days overdue of the 90 that bring it to 0 ->
        # 100 - 100 * 15 / 90 = 83.33, sentiment mean(+1, -1) = 0 -> 50; the
        # contact of 105 days ago is outside the 90-day window.
        self._survey_result(self.sh_anna, satisfaction=80, nps=-20)
        self._interaction(self.sh_anna, date=days_ago(45), sentiment="positive")
        self._interaction(self.sh_anna, date=days_ago(60), sentiment="negative")
        self._interaction(self.sh_anna, date=days_ago(105), sentiment="very_positive")
        # Erik: no survey, contact exactly one cadence ago (100), neutral (50).
        self._interaction(self.sh_erik, date=days_ago(30), sentiment="neutral")
        # Bob: no survey, contact three cadences overdue (0), none in 90 days.
        self._interaction(self.sh_bob, date=days_ago(120), sentiment="very_positive")
        stakeholders = self.sh_anna | self.sh_erik | self.sh_bob
        self._refresh(stakeholders)

        expected_anna = (30 * 80 + 20 * 40 + 30 * (100 - 100 * 15 / 90) + 20 * 50) / 100
        self.assertAlmostEqual(expected_anna, 67.0)
        self.assertAlmostEqual(self.sh_anna.health_score, 67.0)
        self.assertEqual(self.sh_anna.health_state, "attention")
        self.assertAlmostEqual(self.sh_erik.health_score, (30 * 100 + 20 * 50) / 50)
        self.assertEqual(self.sh_erik.health_state, "healthy")
        self.assertEqual(self._stored_score(self.sh_bob), 0)
        self.assertEqual(self.sh_bob.health_state, "at_risk")

    @freeze_time(TODAY)
    def test_recency_falls_linearly(self):
        # 14-day cadence: 35 days since contact is 21 days overdue of the 42
        # that bring recency to 0 -> 50; never contacted -> 0.
        halfway = self._contact("HRR Halfway", contact_cadence_days=14)
        never = self._contact("HRR Never")
        self._interaction(halfway, date=days_ago(35), sentiment="neutral")
        self._refresh(halfway | never)
        self.assertAlmostEqual(halfway.health_score, (30 * 50 + 20 * 50) / 50)
        self.assertEqual(self._stored_score(never), 0)
        self.assertEqual(never.health_state, "at_risk")

    @freeze_time(TODAY)
    def test_missing_components_are_left_out(self):
        # A skipped recommendation question is stored as NPS 0, which must
        # not count as a passive: (30 * 60 + 30 * 100 + 20 * 100) / 80 = 85.
        skipped_nps = self._contact("HRR Skipped NPS")
        self._survey_result(skipped_nps, satisfaction=60)
        self._interaction(skipped_nps, date=TODAY, sentiment="very_positive")
        # No cadence, no survey, no interaction: nothing to score.
        unknown = self._contact("HRR Unknown", contact_cadence_days=0)
        self._refresh(skipped_nps | unknown)
        self.assertAlmostEqual(skipped_nps.health_score, 85.0)
        self.assertEqual(skipped_nps.health_state, "healthy")
        self.assertIsNone(self._stored_score(unknown))
        self.assertEqual(unknown.health_state, "not_scored")

    def test_a_new_relationship_is_not_scored(self):
        # Before the first refresh nothing is known, which is not a judgement.
        fresh = self._contact("HRR Brand New")
        self.assertEqual(fresh.health_state, "not_scored")
        self.assertFalse(fresh.health_score)

    @freeze_time(TODAY)
    def test_internal_client_components_by_hand(self):
        # Sales: CSAT 50, NPS 10 -> 55, contact 10 days ago (100), very
        # negative (0): (30 * 50 + 20 * 55 + 30 * 100 + 20 * 0) / 100 = 56.
        self._survey_result(self.client_sales, satisfaction=50, nps=10)
        self._interaction(
            client=self.client_sales, date=days_ago(10), sentiment="very_negative"
        )
        # Operations plans no contacts and has neither survey nor interaction.
        self.client_ops.contact_cadence_days = 0
        self._refresh(self.client_sales | self.client_ops)
        self.assertAlmostEqual(self.client_sales.health_score, 56.0)
        self.assertEqual(self.client_sales.health_state, "attention")
        self.assertIsNone(self._stored_score(self.client_ops))
        self.assertEqual(self.client_ops.health_state, "not_scored")

    @freeze_time(TODAY)
    def test_settings_change_weights_and_thresholds(self):
        self._survey_result(self.sh_anna, satisfaction=80, nps=-20)
        self._interaction(self.sh_anna, date=days_ago(45), sentiment="neutral")
        self._refresh(self.sh_anna)
        # Defaults: (30 * 80 + 20 * 40 + 30 * 83.33 + 20 * 50) / 100 = 67.
        self.assertAlmostEqual(self.sh_anna.health_score, 67.0)

        # Recency only: 83.33, shown to one decimal; a healthy score, but her
        # contact is 15 days overdue, a warning sign that keeps it from
        # healthy.
        self._settings(
            hr_health_weight_satisfaction=0,
            hr_health_weight_nps=0,
            hr_health_weight_recency=100,
            hr_health_weight_sentiment=0,
            hr_health_weight_attitude=0,
        )
        get_param = self.env["ir.config_parameter"].sudo().get_param
        self.assertEqual(get_param("hr_relationship.health_weight_nps"), "0")
        self._refresh(self.sh_anna)
        self.assertAlmostEqual(self.sh_anna.health_score, 83.3)
        self.assertEqual(self.sh_anna.health_state, "attention")
        self.assertEqual(self.sh_anna.health_reasons, "Contact 15 days overdue")

        self._settings(
            hr_health_weight_satisfaction=0,
            hr_health_weight_nps=0,
            hr_health_weight_sentiment=0,
            hr_health_healthy_min=90,
            hr_health_at_risk_below=85,
        )
        self._refresh(self.sh_anna)
        self.assertEqual(self.sh_anna.health_state, "at_risk")

        with self.assertRaises(ValidationError):
            self._settings(hr_health_healthy_min=30, hr_health_at_risk_below=50)
        with self.assertRaises(ValidationError):
            self._settings(
                hr_health_weight_satisfaction=0,
                hr_health_weight_nps=0,
                hr_health_weight_recency=0,
                hr_health_weight_sentiment=0,
                hr_health_weight_attitude=0,
            )
        with self.assertRaises(ValidationError):
            self._settings(hr_health_weight_nps=-5)

    @freeze_time(TODAY)
    def test_health_from_real_survey_answers(self):
        # Anna answers 4 of 5 (index 75) and skips the recommendation; she
        # was never contacted: (30 * 75 + 30 * 0) / 60 = 37.5, at risk.
        # Her client Sales: CSAT 100 (one answer of 4), no NPS, never
        # contacted: (30 * 100 + 30 * 0) / 60 = 50, needs attention.
        campaign = self._campaign(self.client_sales)
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "4"})
        campaign.action_close()
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        self.assertAlmostEqual(self.sh_anna.health_score, 37.5)
        self.assertEqual(self.sh_anna.health_state, "at_risk")
        self.assertAlmostEqual(self.client_sales.health_score, 50.0)
        self.assertEqual(self.client_sales.health_state, "attention")
        note = self._activities(self.sh_anna, self.type_stakeholder).note
        self.assertIn("contact recency 0", note)
        self.assertNotIn("satisfaction", note)

    # ------------------------------------------------------------
    # Attitude, warning signs and the factors shown
    # ------------------------------------------------------------

    @freeze_time(TODAY)
    def test_blocker_two_weeks_overdue_is_at_risk(self):
        # The case: a works council member who blocks, last spoken
        # 44 days ago on a 30-day cadence (14 days overdue), neutral
        # interaction. Score: recency 100 - 100 * 14 / 90 = 84.44, sentiment
        # 50, attitude 0: (30 * 84.44 + 20 * 50 + 20 * 0) / 70 = 50.5. Two
        # warning signs (blocker, overdue contact) make it at risk, whatever
        # the score; before, it read "Healthy 70.7" (no attitude, no signs).
        blocker = self._contact(
            "HRR Works Council Blocker",
            relation_type="employee_representative",
            attitude="blocker",
            contact_cadence_days=30,
            internal_client_ids=[Command.link(self.client_ops.id)],
        )
        self._interaction(blocker, date=days_ago(44), sentiment="neutral")
        self.assertEqual(blocker.next_contact_date, days_ago(14))
        # Scored as the interaction was logged: nobody pressed refresh.
        self.assertAlmostEqual(blocker.health_score, 50.5)
        self.assertEqual(blocker.health_state, "at_risk")
        self.assertEqual(
            blocker.health_reasons.splitlines(),
            ["Blocker", "Contact 14 days overdue"],
        )
        # The owner's overview counts it among the stakeholders at risk.
        cards = {
            card["key"]: card
            for card in self.env["hr.relationship.overview"]
            .with_user(self.user)
            .get_overview()["cards"]
        }
        at_risk = cards["stakeholders_at_risk"]
        self.assertEqual(at_risk["count"], 1)
        self.assertEqual([row["id"] for row in at_risk["rows"]], blocker.ids)
        # Its client weighs its stakeholders' attitudes (the blocker's 0,
        # Bob's neutral left out) and shows the blocker among its factors.
        self.assertIn(
            "Blockers among its stakeholders: 1",
            self.client_ops.health_reasons.splitlines(),
        )
        self.assertNotEqual(self.client_ops.health_state, "healthy")

    @freeze_time(TODAY)
    def test_overdue_domain_finds_the_warning_sign(self):
        """_contact_overdue_domain, for code beside the engine (the digest
        bridge), finds what the health factors call an overdue contact, on
        each model's due date, within the days asked."""
        self._interaction(client=self.client_sales, date=days_ago(32))
        self._interaction(client=self.client_ops, date=days_ago(30))
        self._interaction(self.sh_anna, date=days_ago(33))
        scope = Domain("company_id", "=", self.company.id)
        Client = self.env["hr.internal.client"]
        self.assertIn("Contact 2 days overdue", self.client_sales.health_reasons)
        # Operations is due today: not overdue yet.
        self.assertNotIn("overdue", self.client_ops.health_reasons or "")
        self.assertEqual(
            Client.search(scope & Client._contact_overdue_domain()), self.client_sales
        )
        self.assertEqual(
            Client.search(
                scope
                & Client._contact_overdue_domain(
                    due_from=days_ago(2), due_before=days_ago(1)
                )
            ),
            self.client_sales,
        )
        self.assertFalse(
            Client.search(scope & Client._contact_overdue_domain(due_from=days_ago(1)))
        )
        self.assertFalse(
            Client.search(
                scope & Client._contact_overdue_domain(due_before=days_ago(2))
            )
        )
        Stakeholder = self.env["hr.stakeholder"]
        self.assertEqual(
            Stakeholder.search(scope & Stakeholder._contact_overdue_domain()),
            self.sh_anna,
        )
        self.assertEqual(
            Stakeholder.search(scope & Domain("is_contact_overdue", "=", True)),
            self.sh_anna,
        )

    @freeze_time(TODAY)
    def test_one_warning_sign_keeps_from_healthy(self):
        # Contact 5 days overdue, everything else fine: a healthy score
        # (30 * 94.44 + 20 * 100) / 50 = 96.7, but not healthy.
        late = self._contact("HRR Late Contact", contact_cadence_days=30)
        self._interaction(late, date=days_ago(35), sentiment="very_positive")
        self.assertAlmostEqual(late.health_score, 96.7)
        self.assertEqual(late.health_state, "attention")
        self.assertEqual(late.health_reasons, "Contact 5 days overdue")
        # A blocker met yesterday, in a good mood: one sign, attitude 0:
        # (30 * 100 + 20 * 100 + 20 * 0) / 70 = 71.4, needs attention.
        blocker = self._contact(
            "HRR Friendly Blocker", attitude="blocker", contact_cadence_days=30
        )
        self._interaction(blocker, date=days_ago(1), sentiment="very_positive")
        self.assertAlmostEqual(blocker.health_score, 71.4)
        self.assertEqual(blocker.health_state, "attention")
        self.assertEqual(blocker.health_reasons, "Blocker")

    @freeze_time(TODAY)
    def test_attitude_weighs_in_the_score(self):
        # Met yesterday, neutral mood: recency 100, sentiment 50; champion
        # 100, supporter 75, sceptic 25; neutral is left out.
        scores = {}
        for attitude in ("champion", "supporter", "neutral", "sceptic"):
            stakeholder = self._contact(
                f"HRR {attitude}", attitude=attitude, contact_cadence_days=30
            )
            self._interaction(stakeholder, date=days_ago(1), sentiment="neutral")
            scores[attitude] = stakeholder.health_score
        self.assertEqual(
            scores,
            {
                "champion": round((30 * 100 + 20 * 50 + 20 * 100) / 70, 1),
                "supporter": round((30 * 100 + 20 * 50 + 20 * 75) / 70, 1),
                "neutral": (30 * 100 + 20 * 50) / 50,
                "sceptic": round((30 * 100 + 20 * 50 + 20 * 25) / 70, 1),
            },
        )

    @freeze_time(TODAY)
    def test_health_follows_what_just_happened(self):
        # Logged, moved and deleted by a plain user, who may neither write
        # health nor refresh it: the health follows each time.
        fresh = self._contact("HRR Just Met", contact_cadence_days=30)
        self.assertEqual(fresh.health_state, "not_scored")
        interaction = (
            self.env["hr.relationship.interaction"]
            .with_user(self.user)
            .create(
                {
                    "name": "HRR first meeting",
                    "company_id": self.company.id,
                    "stakeholder_ids": [Command.set(fresh.ids)],
                    "date": TODAY,
                    "sentiment": "positive",
                }
            )
        )
        # (30 * 100 + 20 * 75) / 50 = 90.
        self.assertAlmostEqual(fresh.health_score, 90.0)
        self.assertEqual(fresh.health_state, "healthy")
        interaction.write({"date": days_ago(60)})
        self.assertEqual(fresh.health_state, "attention")
        self.assertEqual(fresh.health_reasons, "Contact 30 days overdue")
        # A new attitude counts at once too.
        fresh.with_user(self.user).attitude = "blocker"
        self.assertEqual(fresh.health_state, "at_risk")
        interaction.unlink()
        # Never contacted (recency 0) and a blocker: 0.
        self.assertEqual(self._stored_score(fresh), 0)
        self.assertIn("Never contacted", fresh.health_reasons.splitlines())

    def test_logging_costs_a_fixed_number_of_queries(self):
        """The refresh after a logged interaction is set-based: logging one
        interaction with many stakeholders costs what logging it with a few
        does."""
        Interaction = self.env["hr.relationship.interaction"]
        partners = self.env["res.partner"].create(
            [{"name": f"HRR Crowd {index}"} for index in range(24)]
        )
        crowd = self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "contact_cadence_days": 30,
                    "internal_client_ids": [Command.link(self.client_sales.id)],
                }
                for partner in partners
            ]
        )

        def log(stakeholders):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Interaction.create(
                {
                    "name": "HRR town hall",
                    "company_id": self.company.id,
                    "stakeholder_ids": [Command.set(stakeholders.ids)],
                }
            )
            self.env.flush_all()
            return self.cr.sql_log_count - before

        log(crowd[:1])
        few = log(crowd[:3])
        self.assertEqual(log(crowd[3:]), few)

    # ------------------------------------------------------------
    # Activities
    # ------------------------------------------------------------

    @freeze_time(TODAY)
    def test_at_risk_schedules_one_activity(self):
        cron = self.env["hr.relationship.health.snapshot"]._cron_refresh_health
        self._interaction(self.sh_bob, date=days_ago(120), sentiment="negative")
        cron()
        self.assertEqual(self.sh_bob.health_state, "at_risk")
        activity = self._activities(self.sh_bob, self.type_stakeholder)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.other_user)
        self.assertEqual(activity.date_deadline, TODAY)
        self.assertIn("contact recency 0", activity.note)
        # Operations, never contacted, goes to its HR business partner.
        client_activity = self._activities(self.client_ops, self.type_client)
        self.assertEqual(len(client_activity), 1)
        self.assertEqual(client_activity.user_id, self.other_user)

        cron()
        self.assertEqual(self._activities(self.sh_bob, self.type_stakeholder), activity)
        self.assertEqual(len(self._activities(self.client_ops, self.type_client)), 1)

        # Back to healthy, then at risk again while the to-do is still open.
        self._interaction(self.sh_bob, date=TODAY, sentiment="very_positive")
        cron()
        self.assertEqual(self.sh_bob.health_state, "healthy")
        with freeze_time(TODAY + timedelta(days=200)):
            cron()
            self.assertEqual(self.sh_bob.health_state, "at_risk")
        self.assertEqual(self._activities(self.sh_bob, self.type_stakeholder), activity)

        # Done, but still at risk: nothing new became at risk.
        activity.action_feedback("Called Bob")
        with freeze_time(TODAY + timedelta(days=201)):
            cron()
        self.assertFalse(self._activities(self.sh_bob, self.type_stakeholder))

    @freeze_time(TODAY)
    def test_at_risk_activity_speaks_its_recipients_language(self):
        """The nightly job runs in no one's language: each to-do is written
        in the language of the person who gets it, figures included."""
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["hr_relationship"], ["nl_NL"])
        self.other_user.lang = "nl_NL"
        self._interaction(self.sh_bob, date=days_ago(120), sentiment="negative")
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        activity = self._activities(self.sh_bob, self.type_stakeholder)
        self.assertEqual(activity.user_id, self.other_user)
        score = f"{self.sh_bob.health_score:.1f}".replace(".", ",")
        self.assertIn(f"De relatiescore is gedaald naar {score} van 100", activity.note)
        self.assertNotIn("Relationship health", activity.note)

    @freeze_time(TODAY)
    def test_already_at_risk_gets_no_activity(self):
        self.env.flush_all()
        self.cr.execute(
            "UPDATE hr_stakeholder SET health_state = 'at_risk' WHERE id = %s",
            [self.sh_bob.id],
        )
        self.sh_bob.invalidate_recordset()
        self._refresh(self.sh_bob | self.sh_erik)
        self.assertEqual(self.sh_bob.health_state, "at_risk")
        self.assertFalse(self._activities(self.sh_bob, self.type_stakeholder))
        # Erik was not at risk before, so he does get one.
        self.assertEqual(len(self._activities(self.sh_erik, self.type_stakeholder)), 1)

    # ------------------------------------------------------------
    # Snapshots
    # ------------------------------------------------------------

    def test_snapshot_upsert_per_month(self):
        cron = self.env["hr.relationship.health.snapshot"]._cron_refresh_health
        with freeze_time(TODAY):
            self._interaction(self.sh_anna, date=days_ago(60), sentiment="neutral")
            self._survey_result(self.sh_anna, satisfaction=40, nps=-100)
            cron()
        march = self._snapshots(self.sh_anna)
        self.assertEqual(len(march), 1)
        self.assertEqual(march.month, date(2026, 3, 1))
        self.assertEqual(march.company_id, self.company)
        # (30 * 40 + 20 * 0 + 30 * 66.67 + 20 * 50) / 100 = 42.
        self.assertAlmostEqual(march.health_score, 42.0)
        self.assertEqual(march.health_state, "attention")
        self.assertAlmostEqual(march.latest_satisfaction_index, 40.0)
        self.assertAlmostEqual(march.latest_nps, -100.0)
        self.assertEqual(len(self._snapshots(self.client_sales)), 1)

        # Later the same month: the same row, updated. Contact today gives
        # recency 100 and sentiment mean(0, +2) = 1 -> 75:
        # (30 * 40 + 20 * 0 + 30 * 100 + 20 * 75) / 100 = 57.
        with freeze_time(TODAY + timedelta(days=4)):
            self._interaction(
                self.sh_anna, date=TODAY + timedelta(days=4), sentiment="very_positive"
            )
            cron()
        self.assertEqual(self._snapshots(self.sh_anna), march)
        self.assertAlmostEqual(march.health_score, 57.0)

        with freeze_time(date(2026, 4, 2)):
            cron()
        months = self._snapshots(self.sh_anna)
        self.assertEqual(months.mapped("month"), [date(2026, 3, 1), date(2026, 4, 1)])
        self.assertAlmostEqual(months[0].health_score, 57.0)
        self.assertEqual(len(self._snapshots(self.client_sales)), 2)

    @freeze_time(TODAY)
    def test_snapshots_are_isolated_per_company(self):
        company_b = self.env["res.company"].create({"name": "HRR Company B"})
        user_b = self._new_user(
            "hrr_user_b",
            BUSINESS_PARTNER_GROUP,
            company=company_b,
        )
        partner_b = self.env["res.partner"].create({"name": "HRR B contact"})
        stakeholder_b = self.env["hr.stakeholder"].create(
            {
                "partner_id": partner_b.id,
                "company_id": company_b.id,
                "owner_id": user_b.id,
            }
        )
        client_b = self.env["hr.internal.client"].create(
            {
                "name": "HRR B client",
                "company_id": company_b.id,
                "hr_partner_id": user_b.id,
                "stakeholder_ids": [Command.link(stakeholder_b.id)],
            }
        )
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        self.assertEqual(self._snapshots(stakeholder_b).company_id, company_b)
        self.assertEqual(self._snapshots(client_b).company_id, company_b)

        seen_by_a = self.Snapshot.with_user(self.user).search([])
        self.assertTrue(seen_by_a)
        self.assertEqual(seen_by_a.company_id, self.company)
        seen_by_b = self.Snapshot.with_user(user_b).search([])
        self.assertEqual(seen_by_b.stakeholder_id, stakeholder_b)
        self.assertEqual(seen_by_b.internal_client_id, client_b)
        with self.assertRaises(AccessError):
            self._snapshots(stakeholder_b).with_user(self.user).read(["health_score"])

    # ------------------------------------------------------------
    # Access
    # ------------------------------------------------------------

    @freeze_time(TODAY)
    def test_access(self):
        self._refresh(self.sh_anna)
        self._refresh(self.client_sales)
        self.assertTrue(
            self._snapshots(self.client_sales).with_user(self.user).health_state
        )
        snapshot = self._snapshots(self.sh_anna)
        # A stakeholder's snapshot holds their answers: it is read like their
        # per-stakeholder results, which plain users never see.
        with self.assertRaises(AccessError):
            snapshot.with_user(self.user).read(["health_state"])
        with self.assertRaises(AccessError):
            snapshot.with_user(self.user).write({"health_score": 100})
        with self.assertRaises(AccessError):
            self.Snapshot.with_user(self.user).create(
                {
                    "stakeholder_id": self.sh_erik.id,
                    "month": TODAY.replace(day=1),
                    "company_id": self.company.id,
                }
            )
        snapshot.with_user(self.manager).write({"health_score": 100})
        with self.assertRaises(AccessError):
            self.sh_anna.with_user(self.user).action_refresh_health()
        with self.assertRaises(AccessError):
            self.client_sales.with_user(self.user).action_refresh_health()

    # ------------------------------------------------------------
    # Query count
    # ------------------------------------------------------------

    def _book(self, count, prefix):
        """``count`` stakeholders and clients, half of them at risk."""
        partners = self.env["res.partner"].create(
            [{"name": f"{prefix} {index}"} for index in range(count)]
        )
        stakeholders = self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "owner_id": self.user.id,
                }
                for partner in partners
            ]
        )
        clients = self.env["hr.internal.client"].create(
            [
                {"name": f"{prefix} client {index}", "company_id": self.company.id}
                for index in range(count)
            ]
        )
        healthy = stakeholders[: count // 2]
        self._interaction(healthy, date=days_ago(1), sentiment="positive")
        for stakeholder in healthy:
            self._survey_result(stakeholder, satisfaction=90, nps=50)
        self._interaction(client=clients[0], date=days_ago(3), sentiment="neutral")
        return stakeholders, clients

    def _count_cron_queries(self):
        """Count as assertQueryCount does, precommit hooks (the owners' bus
        notifications) included."""
        self.env.flush_all()
        self.env.invalidate_all()
        _login = self.env.user.login
        self.env.cr.flush()
        start = self.cr.sql_log_count
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    @freeze_time(TODAY)
    def test_refresh_query_count_does_not_grow(self):
        # Warm the caches (parameters, xml ids, models) once.
        self._count_cron_queries()
        small, _clients = self._book(6, "HRR small")
        expected = self._count_cron_queries()
        large, _clients = self._book(12, "HRR large")
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
            self.env.flush_all()
        # Both runs really scored and put the never-contacted half at risk.
        self.assertEqual(set(large.mapped("health_state")), {"healthy", "at_risk"})
        self.assertEqual(
            len(self._activities(small | large, self.type_stakeholder)), 3 + 6
        )


@tagged("post_install", "-at_install")
class TestHealthTour(HttpCase):
    """An HR partner logs a contact with a works council member who blocks,
    from the stakeholder's form: the form shows the new health and why,
    without anyone pressing Refresh Health."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stakeholder = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.env["res.partner"]
                .create({"name": "Bea Tourblocker"})
                .id,
                "relation_type": "employee_representative",
                "attitude": "blocker",
                "contact_cadence_days": 30,
                "owner_id": cls.env.ref("base.user_admin").id,
            }
        )

    def test_logged_interaction_scores_health(self):
        self.assertEqual(self.stakeholder.health_state, "not_scored")
        self.start_tour(
            f"/odoo/action-hr_relationship.hr_stakeholder_action/{self.stakeholder.id}",
            "hr_relationship_health_tour",
            login="admin",
        )
        # Met today in a negative mood, a blocker: (30 * 100 + 20 * 25 +
        # 20 * 0) / 70 = 50, and one warning sign.
        self.assertEqual(len(self.stakeholder.interaction_ids), 1)
        self.assertAlmostEqual(self.stakeholder.health_score, 50.0)
        self.assertEqual(self.stakeholder.health_state, "attention")
