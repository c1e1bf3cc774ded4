# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import HrRelationshipCase

TODAY = date(2026, 6, 15)


@tagged("post_install", "-at_install")
class TestRetention(HrRelationshipCase):
    """Candidates and alumni are anonymised when their retention period
    ends, administrators see it coming, and a log keeps no personal data."""

    def _candidate(self, name, created, last_contact=None, consent_date=None):
        partner = self.env["res.partner"].create(
            {"name": name, "email": f"{name.split()[0].lower()}@cv.example.com"}
        )
        values = {
            "partner_id": partner.id,
            "company_id": self.company.id,
            "relation_type": "candidate",
        }
        if consent_date:
            values.update(consent=True, consent_date=consent_date)
        candidate = self.env["hr.stakeholder"].create(values)
        # The ORM stamps the transaction's time, which freeze_time leaves alone.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_stakeholder SET create_date = %s WHERE id = %s",
            (created, candidate.id),
        )
        candidate.invalidate_recordset(["create_date"])
        if last_contact:
            self._interaction(candidate, date=last_contact)
        self.env["hr.stakeholder"]._refresh_retention_dates()
        return candidate

    def _logs(self, stakeholders):
        return self.env["hr.relationship.retention.log"].search(
            [("stakeholder_ref", "in", stakeholders.ids)]
        )

    @freeze_time(TODAY)
    def test_candidates_are_anonymised_when_their_retention_ends(self):
        long_ago = TODAY - relativedelta(months=18)
        gone = self._candidate(
            "Gina Gone", long_ago, last_contact=TODAY - timedelta(weeks=5)
        )
        recent = self._candidate(
            "Rita Recent", long_ago, last_contact=TODAY - timedelta(weeks=3)
        )
        new = self._candidate("Nico New", TODAY - timedelta(days=2))
        kept = self._candidate(
            "Klaas Kept",
            long_ago,
            last_contact=TODAY - relativedelta(months=11),
            consent_date=long_ago,
        )
        expired = self._candidate(
            "Eva Expired",
            long_ago,
            last_contact=TODAY - relativedelta(months=13),
            consent_date=long_ago,
        )
        self.assertEqual(recent.retention_date, TODAY + timedelta(weeks=1))
        self.assertEqual(new.retention_date, TODAY + timedelta(weeks=4, days=-2))
        self.assertEqual(
            kept.retention_date,
            TODAY - relativedelta(months=11) + relativedelta(months=12),
        )
        self.assertFalse(self.sh_anna.retention_date)
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        for stakeholder in gone | expired:
            self.assertTrue(stakeholder.is_anonymised)
            self.assertFalse(stakeholder.partner_id)
            self.assertFalse(stakeholder.retention_date)
        for stakeholder in recent | new | kept | self.sh_anna | self.sh_erik:
            self.assertFalse(stakeholder.is_anonymised)

        logs = self._logs(gone | expired)
        self.assertEqual(
            {(log.stakeholder_ref, log.relation_type, log.reason) for log in logs},
            {
                (gone.id, "candidate", "candidate_no_consent"),
                (expired.id, "candidate", "candidate_consent"),
            },
        )
        self.assertEqual(
            logs.filtered(lambda log: log.stakeholder_ref == gone.id).retention_date,
            TODAY - timedelta(weeks=1),
        )
        # Nothing in the log tells who it was.
        dump = str(logs.read())
        for personal in ("Gina", "Eva", "cv.example.com"):
            self.assertNotIn(personal, dump)
        self.assertFalse(self._logs(recent | new | kept))
        # A second run has nothing left to do.
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertEqual(len(self._logs(gone | expired)), 2)

    @freeze_time(TODAY)
    def test_upcoming_anonymisations_are_listed_30_days_ahead(self):
        long_ago = TODAY - relativedelta(months=6)
        soon = self._candidate(
            "Sara Soon", long_ago, last_contact=TODAY - timedelta(weeks=2)
        )
        later = self._candidate(
            "Lars Later",
            long_ago,
            last_contact=TODAY - relativedelta(months=2),
            consent_date=long_ago,
        )
        action = self.env.ref("hr_relationship.hr_stakeholder_action_retention")
        self.assertEqual(action.context.count("search_default_anonymise_soon"), 1)
        search_view = self.env.ref(
            "hr_relationship.hr_stakeholder_view_search_retention"
        )
        self.assertIn("anonymise_soon", search_view.arch)
        within_30_days = [
            ("retention_date", "<=", TODAY + timedelta(days=30)),
            ("retention_date", "!=", False),
        ]
        found = (
            self.env["hr.stakeholder"]
            .with_user(self.manager)
            .with_context(active_test=False)
            .search(within_30_days)
        )
        self.assertIn(soon, found)
        self.assertNotIn(later, found)
        # Nothing happened yet.
        self.assertFalse(soon.is_anonymised)
        self.assertFalse(self._logs(soon))

    @freeze_time(TODAY)
    def test_retention_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.hr_retention_candidate_weeks, 4)
        self.assertEqual(settings.hr_retention_candidate_consent_months, 12)
        long_ago = TODAY - relativedelta(months=6)
        candidate = self._candidate(
            "Wim Wait", long_ago, last_contact=TODAY - timedelta(weeks=5)
        )
        self.assertEqual(candidate.retention_date, TODAY - timedelta(weeks=1))
        self.env["res.config.settings"].create(
            {"hr_retention_candidate_weeks": 8}
        ).execute()
        self.assertEqual(candidate.retention_date, TODAY + timedelta(weeks=3))
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertFalse(candidate.is_anonymised)
        for fname in (
            "hr_retention_candidate_weeks",
            "hr_retention_candidate_consent_months",
        ):
            for wrong in (0, -1, 10**6):
                with self.subTest(field=fname, value=wrong):
                    with self.assertRaisesRegex(ValidationError, "must be between"):
                        self.env["res.config.settings"].create({fname: wrong})

    @freeze_time(TODAY)
    def test_alumni_follow_their_consent(self):
        self.env["ir.config_parameter"].set_param(
            "hr_relationship.consent_validity_months", "12"
        )
        partner = self.env["res.partner"].create({"name": "Ada Alum"})
        alumnus = self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "relation_type": "alumnus",
                "consent": True,
                "consent_date": TODAY - relativedelta(months=12, days=-10),
            }
        )
        self.assertEqual(alumnus.retention_date, TODAY + timedelta(days=11))
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertFalse(alumnus.is_anonymised)
        with freeze_time(TODAY + timedelta(days=11)):
            self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertTrue(alumnus.is_anonymised)
        [log] = self._logs(alumnus)
        self.assertEqual(log.reason, "consent_expired")
        self.assertEqual(log.relation_type, "alumnus")

    def test_erasure_on_request_is_logged(self):
        self.sh_erik.with_user(self.manager).action_privacy_erase()
        [log] = self._logs(self.sh_erik)
        self.assertEqual((log.reason, log.relation_type), ("request", "supplier"))
        self.assertEqual(log.create_uid, self.manager)
        self.assertFalse(log.retention_date)

    def test_only_administrators_read_the_log(self):
        self.sh_erik.with_user(self.manager).action_privacy_erase()
        Log = self.env["hr.relationship.retention.log"]
        self.assertEqual(len(Log.with_user(self.manager).search([])), 1)
        for user in (self.user, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Log.with_user(user).search([])
        with self.assertRaises(AccessError):
            Log.with_user(self.manager).search([]).unlink()
