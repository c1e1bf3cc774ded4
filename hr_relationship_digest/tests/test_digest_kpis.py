# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from lxml import html

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import (
    MANAGER_GROUP,
    USER_GROUP,
    HrRelationshipCase,
    SatisfactionSurveyMixin,
)

KPIS = (
    "kpi_hr_relationship_overdue",
    "kpi_hr_relationship_at_risk",
    "kpi_hr_relationship_concern",
    "kpi_hr_relationship_csat",
    "kpi_hr_relationship_nps",
    "kpi_hr_relationship_commitment",
    "kpi_hr_relationship_drifting",
)
TODAY = fields.Date.today()


@tagged("post_install", "-at_install")
class TestDigestKpis(SatisfactionSurveyMixin, HrRelationshipCase):
    """The relationship KPIs of one company over the digest's periods: the
    last day, week and month, as the e-mail shows them (columns 1 to 3).

    Overdue contacts fell due 1 day ago (Operations), 2 and 3 days ago (the
    Sales client, Anna) and 20 days ago (Bob); Erik's is due today, so not
    overdue; an archived stakeholder's and another company's were 3 days ago.
    Anna and Bob are at risk (overdue and blockers). Two concerns were raised
    today, one 10 days ago. The customer-value campaign closed today scores
    CSAT and NPS 66.7, one yesterday 80 and -20, one 10 days ago 20 and 30."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        # Dates here and in the digest's period are UTC days, also for the
        # engine's runs as the superuser (whose demo time zone is a day
        # ahead in the hour before midnight UTC).
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        (cls.user | cls.other_user | cls.manager | cls.internal_user).tz = "UTC"
        cls.company_2 = cls.env["res.company"].create({"name": "HRR Digest Company 2"})
        cls.manager_both = cls._new_user(
            "hrr_digest_both", MANAGER_GROUP, companies=cls.company | cls.company_2
        )
        cls.user_2 = cls._new_user("hrr_digest_c2", USER_GROUP, company=cls.company_2)
        (cls.manager_both | cls.user_2).tz = "UTC"

        cls.sh_archived = cls._partner_stakeholder("Arie Archived", cls.company)
        cls.sh_company_2 = cls._partner_stakeholder("Cora Company 2", cls.company_2)
        cls.client_company_2 = cls.env["hr.internal.client"].create(
            {"name": "HRR C2 Sales", "company_id": cls.company_2.id}
        )
        for stakeholders, client, days in (
            (cls.sh_anna, None, 33),
            (cls.sh_bob, None, 50),
            (cls.sh_erik, None, 30),
            (None, cls.client_sales, 32),
            (None, cls.client_ops, 31),
            (cls.sh_archived, None, 33),
        ):
            cls._interaction(stakeholders, client, date=TODAY - timedelta(days=days))
        cls._interaction(
            cls.sh_company_2,
            cls.client_company_2,
            date=TODAY - timedelta(days=33),
            company_id=cls.company_2.id,
        )
        blockers = cls.sh_anna | cls.sh_bob | cls.sh_archived | cls.sh_company_2
        blockers.attitude = "blocker"
        everyone = blockers | cls.sh_erik
        everyone._refresh_health()
        cls.sh_archived.active = False
        # Drift is the daily job's, for every relationship.
        cls.env["hr.stakeholder"]._drift_run()
        cls.env["hr.internal.client"]._drift_run()

        Concern = cls.env["hr.relationship.concern"]
        concerns = Concern.create(
            [
                {"name": name, "company_id": company.id, link: record.id}
                for name, company, link, record in (
                    ("Onboarding is slow", cls.company, "stakeholder_id", cls.sh_anna),
                    (
                        "Vacancies stay open",
                        cls.company,
                        "internal_client_id",
                        cls.client_ops,
                    ),
                    (
                        "Training budget",
                        cls.company,
                        "internal_client_id",
                        cls.client_sales,
                    ),
                    (
                        "Another company's",
                        cls.company_2,
                        "stakeholder_id",
                        cls.sh_company_2,
                    ),
                )
            ]
        )
        concerns.flush_recordset()
        # Raised 10 days ago: only the ORM's creation date says so.
        cls.env.cr.execute(
            "UPDATE hr_relationship_concern SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=10), concerns[2].id),
        )
        Concern.invalidate_model(["create_date"])

        # Promises to Operations due today, 3, 10 and 40 days ago and
        # tomorrow; one cancelled, one of the other company.
        Commitment = cls.env["hr.relationship.commitment"]
        commitments = Commitment.create(
            [
                {
                    "name": f"HRR promise {days}",
                    "internal_client_id": client.id,
                    "company_id": client.company_id.id,
                    "date_due": TODAY - timedelta(days=days),
                }
                for days, client in (
                    (0, cls.client_ops),
                    (3, cls.client_ops),
                    (10, cls.client_ops),
                    (40, cls.client_ops),
                    (-1, cls.client_ops),
                    (2, cls.client_ops),
                    (2, cls.client_company_2),
                )
            ]
        )
        commitments[1].action_keep()
        commitments[5].action_cancel()

        cls._setup_results()
        cls.digest = cls.env["digest.digest"].create(
            {
                "name": "HRR Digest",
                "company_id": cls.company.id,
                "periodicity": "weekly",
                "kpi_mail_message_total": True,
                **dict.fromkeys(KPIS, True),
            }
        )
        cls.digest_company_2 = cls.digest.copy({"company_id": cls.company_2.id})
        cls.env.invalidate_all()

    @classmethod
    def _partner_stakeholder(cls, name, company):
        partner = cls.env["res.partner"].create({"name": name})
        return cls.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "consent": True,
                "contact_cadence_days": 30,
                "company_id": company.id,
                "owner_id": cls.manager_both.id,
            }
        )

    @classmethod
    def _setup_results(cls):
        """A campaign answered and closed today through the survey, then
        results as an administrator keeps them: closed yesterday and 10
        days ago, in another company, and a withheld one that someone gave
        figures by hand."""
        campaign = (
            cls.env["hr.satisfaction.survey"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Value check",
                    "company_id": cls.company.id,
                    "internal_client_ids": [
                        Command.set((cls.client_sales | cls.client_ops).ids)
                    ],
                }
            )
        )
        campaign.action_send()
        # Answered through survey's own saving API, as its controller does.
        for stakeholder, satisfaction, recommendation in (
            (cls.sh_anna, "5", "10"),
            (cls.sh_erik, "4", "9"),
            (cls.sh_bob, "2", "7"),
        ):
            answer = campaign.sudo().user_input_ids.filtered(
                lambda a, s=stakeholder: a.hr_stakeholder_id == s
            )
            answer._save_lines(cls.q_sat, satisfaction)
            answer._save_lines(cls.q_rec, recommendation)
            answer._mark_done()
        campaign.action_close()
        cls.closed_today = campaign
        Campaign = cls.env["hr.satisfaction.survey"]
        earlier = Campaign.create(
            {"name": "Earlier value check", "company_id": cls.company.id}
        )
        elsewhere = Campaign.create(
            {"name": "Value check elsewhere", "company_id": cls.company_2.id}
        )
        cls.env["hr.satisfaction.result"].create(
            [
                cls._result_values(earlier, 1, csat=80, nps=-20),
                cls._result_values(earlier, 10, csat=20, nps=30),
                cls._result_values(elsewhere, 1, csat=0, nps=-100),
                cls._result_values(
                    earlier, 0, csat=0, nps=-100, withheld="small_group"
                ),
            ]
        )

    @staticmethod
    def _result_values(campaign, days_ago, **values):
        return {
            "campaign_id": campaign.id,
            "company_id": campaign.company_id.id,
            "date": TODAY - timedelta(days=days_ago),
            "scope": "campaign",
            "invited_count": 10,
            "responded_count": 5,
            "satisfaction_count": 5,
            "recommendation_count": 5,
            **values,
        }

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _value(self, kpi, user, days=7, digest=None, company=None):
        """The KPI of the digest as ``user`` computes it over the last
        ``days`` days, the way digest reads each column."""
        now = fields.Datetime.now()
        digest = (
            (digest or self.digest)
            .with_context(start_datetime=now - timedelta(days=days), end_datetime=now)
            .with_user(user)
            .with_company(company or user.company_id)
        )
        digest.invalidate_model([f"{kpi}_value"])
        return digest[f"{kpi}_value"]

    def _columns(self, kpi, user, days=(1, 7, 30)):
        return [self._value(kpi, user, days=period) for period in days]

    def _sent_mail(self, user):
        """The digest e-mail ``user`` gets, rendered by digest itself."""
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([], order="id desc", limit=1).id or 0
        self.digest._action_send_to_user(user, consume_tips=False)
        mail = Mail.search([("id", ">", before)])
        self.assertEqual(len(mail), 1)
        return html.fromstring(mail.body_html)

    # ------------------------------------------------------------
    # Values
    # ------------------------------------------------------------

    def test_preconditions(self):
        self.assertEqual(
            (self.sh_anna | self.sh_bob | self.sh_erik).mapped("next_contact_date"),
            [TODAY - timedelta(days=days) for days in (3, 20, 0)],
        )
        self.assertEqual(
            (self.sh_anna | self.sh_bob).mapped("health_state"), ["at_risk"] * 2
        )
        self.assertNotEqual(self.sh_erik.health_state, "at_risk")
        self.assertEqual(self.sh_company_2.health_state, "at_risk")
        whole = self._result(self.closed_today, "campaign")
        self.assertEqual((whole.date, whole.csat, whole.nps), (TODAY, 66.7, 66.7))

    def test_overdue_contacts_fell_due_in_the_period(self):
        # A day: Operations. A week: the Sales client and Anna too. A month:
        # Bob too. Never Erik (due today), the archived or the other company.
        self.assertEqual(
            self._columns("kpi_hr_relationship_overdue", self.manager), [1, 3, 4]
        )

    def test_overdue_contacts_are_health_warning_signs(self):
        """The KPI and the record's health factors say the same: the one
        definition of the core."""
        self.assertIn("Contact 1 day overdue", self.client_ops.health_reasons)
        self.assertIn("Contact 2 days overdue", self.client_sales.health_reasons)
        self.assertNotIn("overdue", self.sh_erik.health_reasons or "")
        Stakeholder = self.env["hr.stakeholder"]
        self.assertEqual(
            Stakeholder.search(Stakeholder._contact_overdue_domain()),
            Stakeholder.search([("is_contact_overdue", "=", True)]),
        )

    def test_stakeholders_at_risk_now(self):
        # Health keeps no date of becoming at risk: every column counts now.
        self.assertEqual(
            self._columns("kpi_hr_relationship_at_risk", self.manager), [2, 2, 2]
        )
        self.sh_bob.attitude = "supporter"
        self.assertNotEqual(self.sh_bob.health_state, "at_risk")
        self.assertEqual(self._value("kpi_hr_relationship_at_risk", self.manager), 1)

    def test_drifting_relationships_now(self):
        # Anna, Bob and both internal clients are behind their rhythm; Erik
        # is due today, the archived stakeholder and the other company's
        # count nowhere. Drift keeps no date: every column counts now.
        self.assertEqual(
            (self.sh_anna | self.sh_bob | self.sh_erik).mapped("drift_state"),
            ["drifting", "drifting", "steady"],
        )
        self.assertEqual(
            self._columns("kpi_hr_relationship_drifting", self.manager), [4, 4, 4]
        )
        self._interaction(self.sh_anna, None, date=TODAY)
        self.env["hr.stakeholder"]._drift_run()
        self.assertEqual(self._value("kpi_hr_relationship_drifting", self.manager), 3)

    def test_new_concerns_raised_in_the_period(self):
        self.assertEqual(
            self._columns("kpi_hr_relationship_concern", self.manager), [2, 2, 3]
        )

    def test_commitments_that_came_due_in_the_period(self):
        # Kept or not; never the cancelled one, tomorrow's or the other
        # company's.
        self.assertEqual(
            self._columns("kpi_hr_relationship_commitment", self.manager), [1, 2, 3]
        )

    def test_csat_and_nps_of_campaigns_closed_in_the_period(self):
        # Whole campaigns only: the per-client results of today's campaign
        # (100 and 0) would make a day's CSAT 55.6.
        for kpi, expected in (
            ("kpi_hr_relationship_csat", [66.7, (66.7 + 80) / 2, (66.7 + 80 + 20) / 3]),
            ("kpi_hr_relationship_nps", [66.7, (66.7 - 20) / 2, (66.7 - 20 + 30) / 3]),
        ):
            for value, wanted in zip(
                self._columns(kpi, self.manager), expected, strict=True
            ):
                self.assertAlmostEqual(value, wanted, places=2, msg=kpi)

    def test_withheld_results_are_never_counted(self):
        withheld = self.env["hr.satisfaction.result"].search(
            [("withheld", "!=", False)]
        )
        self.assertEqual((withheld.csat, withheld.nps), (0.0, -100.0))
        self.assertAlmostEqual(
            self._value("kpi_hr_relationship_csat", self.manager, days=1), 66.7
        )
        withheld.withheld = False
        self.assertAlmostEqual(
            self._value("kpi_hr_relationship_csat", self.manager, days=1), 66.7 / 2
        )

    def test_no_campaign_closed_is_zero(self):
        self.env["hr.satisfaction.result"].search(
            [("company_id", "=", self.company.id)]
        ).unlink()
        self.assertEqual(self._value("kpi_hr_relationship_csat", self.manager), 0.0)
        self.assertEqual(self._value("kpi_hr_relationship_nps", self.manager), 0.0)

    def test_other_company_digest_has_its_own_figures(self):
        digests = self.digest | self.digest_company_2
        now = fields.Datetime.now()
        digests = digests.with_user(self.manager_both).with_context(
            start_datetime=now - timedelta(days=7),
            end_datetime=now,
            allowed_company_ids=(self.company | self.company_2).ids,
        )
        # The other company's stakeholder and client both fell due 3 days ago.
        self.assertEqual(digests.mapped("kpi_hr_relationship_overdue_value"), [3, 2])
        self.assertEqual(digests.mapped("kpi_hr_relationship_at_risk_value"), [2, 1])
        self.assertEqual(digests.mapped("kpi_hr_relationship_concern_value"), [2, 1])
        nps = digests.mapped("kpi_hr_relationship_nps_value")
        self.assertAlmostEqual(nps[0], (66.7 - 20) / 2, places=2)
        self.assertEqual(nps[1], -100)

    def test_digest_without_company_reports_the_current_one(self):
        digest = self.digest.copy({"company_id": False})
        for kpi in KPIS:
            self.assertEqual(
                self._value(kpi, self.manager, digest=digest),
                self._value(kpi, self.manager),
                kpi,
            )

    # ------------------------------------------------------------
    # Who gets which figures
    # ------------------------------------------------------------

    def test_relationship_user_gets_the_figures(self):
        for kpi in KPIS:
            self.assertEqual(
                self._columns(kpi, self.user), self._columns(kpi, self.manager), kpi
            )

    def test_user_without_relationship_role_gets_none(self):
        for kpi in KPIS:
            with self.assertRaises(AccessError, msg=kpi):
                self._value(kpi, self.internal_user)
        names = [
            kpi["kpi_name"]
            for kpi in self.digest._compute_kpis(self.company, self.internal_user)
        ]
        self.assertFalse(set(KPIS) & set(names))

    def test_user_of_another_company_counts_nothing_of_this_one(self):
        """The companies' record rules decide: a relationship user of the
        other company only, sent this company's digest, counts none of its
        records."""
        for kpi in KPIS:
            self.assertEqual(self._columns(kpi, self.user_2), [0, 0, 0], kpi)

    # ------------------------------------------------------------
    # The digest itself
    # ------------------------------------------------------------

    def test_digest_mail_shows_the_kpis(self):
        body = self._sent_mail(self.user)

        def column_values(kpi):
            return [
                text.strip()
                for text in body.xpath(
                    f'//table[@data-field="{kpi}"]//*[hasclass("kpi_value")]/text()'
                )
            ]

        self.assertEqual(column_values("kpi_hr_relationship_overdue"), ["1", "3", "4"])
        self.assertEqual(column_values("kpi_hr_relationship_at_risk"), ["2", "2", "2"])
        self.assertEqual(column_values("kpi_hr_relationship_concern"), ["2", "2", "3"])
        self.assertEqual(
            column_values("kpi_hr_relationship_csat"), ["66.70", "73.35", "55.57"]
        )
        links = body.xpath(
            '//table[@data-field="kpi_hr_relationship_concern"]//a/@href'
        )
        self.assertEqual(len(links), 1)
        self.assertIn("hr_relationship.hr_relationship_concern_action", links[0])

    def test_digest_mail_leaves_them_out_without_the_role(self):
        body = self._sent_mail(self.internal_user)
        self.assertTrue(body.xpath('//table[@data-field="kpi_mail_message_total"]'))
        for kpi in KPIS:
            self.assertFalse(body.xpath(f'//table[@data-field="{kpi}"]'), kpi)

    def test_default_digest_has_the_kpis(self):
        default = self.env.ref("digest.digest_digest_default")
        self.assertTrue(set(KPIS) <= set(default._get_kpi_fields()))

    def test_form_offers_the_kpis_to_relationship_users(self):
        Digest = self.env["digest.digest"]
        arch = Digest.with_user(self.user).get_view(view_type="form")["arch"]
        for kpi in KPIS:
            self.assertIn(f'name="{kpi}"', arch)
        arch = Digest.with_user(self.internal_user).get_view(view_type="form")["arch"]
        self.assertNotIn("kpi_hr_relationship", arch)
