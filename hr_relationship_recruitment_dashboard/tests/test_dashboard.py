# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import RpcCase
from odoo.addons.hr_relationship_recruitment.tests.common import (
    RECRUITMENT_USER,
    RecruitmentCase,
)

# The module, not its classes: a class imported here would run here again.
from odoo.addons.hr_relationship_spreadsheet_dashboard.tests import (
    test_dashboard as core,
)
from odoo.addons.hr_relationship_spreadsheet_dashboard.tools import (
    dashboard_builder,
)

from ..tools import build_dashboard

MODULE = "hr_relationship_recruitment_dashboard"
DASHBOARD = f"{MODULE}.spreadsheet_dashboard_referrals"
JSON_PATH = f"{MODULE}/data/files/referrals_dashboard.json"
REPORT = "hr.relationship.referral.report"


@tagged("post_install", "-at_install")
class TestReferralsDashboard(core.DashboardMixin, RecruitmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard(DASHBOARD)
        # Anna referred three applicants (one hired, one refused, one still
        # in the process), Erik one; and one applied of their own accord.
        cls.hired, cls.refused, cls.ongoing, cls.eriks = (
            cls._applicant(
                f"HRR Referred {n}",
                f"hrr.referred{n}@example.com",
                referred_stakeholder_id=referrer.id,
            )
            for n, referrer in enumerate((cls.sh_anna,) * 3 + (cls.sh_erik,))
        )
        cls.hired.write({"stage_id": cls.stage_hired.id})
        cls.refused.write({"refuse_reason_id": cls.refuse_reason.id, "active": False})
        cls.referred = cls.hired | cls.refused | cls.ongoing | cls.eriks
        cls.env.invalidate_all()

    def _kpi(self, name, measure="__count"):
        source = next(s for s in self._sources() if s[1] == f"KPI - {name}")
        (group,) = self._read(self.user, source)
        return group[measure]

    def test_dashboard_in_human_resources_group(self):
        group = self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_group_hr")
        self.assertEqual(self.dashboard.dashboard_group_id, group)
        self.assertEqual(self.dashboard.name, "Referrals and Hires")
        # Beside the Relationships dashboard, after it.
        relationships = self.env.ref(core.DASHBOARD)
        self.assertLessEqual(
            self.dashboard | relationships, group.published_dashboard_ids
        )
        self.assertGreater(self.dashboard.sequence, relationships.sequence)
        self.assertEqual(
            self.dashboard.group_ids,
            self.env.ref("hr_relationship.group_hr_relationship_user"),
        )

    def test_visible_to_relationship_users_only(self):
        # A recruiter without a relationship role sees no relationship data.
        self._assert_visible_to(
            (
                (self.user, True),
                (self.manager, True),
                (self.internal_user, False),
                (self.recruiter, False),
            )
        )

    def test_shipped_file_is_the_generator_output(self):
        self._assert_shipped(
            JSON_PATH, dashboard_builder.render(build_dashboard.build())
        )

    def test_sources_name_stored_fields(self):
        self._assert_sources_name_stored_fields()

    def test_formulas_name_the_sources(self):
        self._assert_formulas_name_the_sources(100)

    def test_sources_read_as_relationship_user(self):
        """The dashboard needs no Recruitment rights: a relationship user
        without them reads every source, and its figures."""
        self.assertFalse(self.user.has_group(RECRUITMENT_USER))
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].with_user(self.user).search([])
        self._assert_sources_read_as(self.user)
        self.assertEqual(self._kpi("Referrals"), 4)
        self.assertEqual(self._kpi("Referrals", "hire_count:sum"), 1)
        self.assertEqual(self._kpi("Hires from Referrals"), 1)
        self.assertEqual(self._kpi("Ongoing Referrals"), 2)
        self.assertEqual(self._kpi("Referrers"), 2)
        by_client = next(
            s for s in self._sources() if s[1] == "Referrals by Internal Client"
        )
        self.assertEqual(
            {
                g["internal_client_ids"][0]: g["applicant_referral_count:sum"]
                for g in self._read(self.user, by_client)
            },
            # Anna is a stakeholder of Sales, Erik too.
            {self.client_sales.id: 4},
        )

    def test_referral_analysis(self):
        """One line per referral, as the stakeholders' counts take them:
        refused and archived ones included, a hire date making a hire."""
        lines = self.env[REPORT].with_user(self.user).search([])
        self.assertEqual(sorted(lines.ids), sorted(self.referred.ids))
        by_id = {line.id: line for line in lines}
        self.assertEqual(
            [by_id[a.id].outcome for a in self.referred],
            ["hired", "refused", "ongoing", "ongoing"],
        )
        self.assertEqual(
            [by_id[a.id].stakeholder_id for a in self.referred],
            [self.sh_anna] * 3 + [self.sh_erik],
        )
        self.assertEqual(
            sum(lines.mapped("hire_count")), self.sh_anna.hired_referral_count
        )
        self.assertEqual(by_id[self.hired.id].hire_date, self.hired.date_closed.date())
        self.assertEqual(by_id[self.hired.id].company_id, self.company)

    def test_referral_analysis_access(self):
        """Relationship roles read the referrals of their companies; a
        recruiter without a relationship role reads none."""
        other = self.env["res.company"].create({"name": "HRR Other Company"})
        theirs = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "HRR Ida"}).id,
                "relation_type": "supplier",
                "consent": True,
                "company_id": other.id,
            }
        )
        referral = self._applicant(
            "HRR Elsewhere",
            "hrr.elsewhere@example.com",
            company_id=other.id,
            referred_stakeholder_id=theirs.id,
        )
        Report = self.env[REPORT]
        self.assertIn(referral.id, Report.search([]).ids)
        self.assertNotIn(referral.id, Report.with_user(self.user).search([]).ids)
        with self.assertRaises(AccessError):
            Report.with_user(self.recruiter).search([])

    def test_readonly_dashboard_for_relationship_user(self):
        dashboard = self.dashboard.with_user(self.user)
        served = json.loads(dashboard._get_serialized_readonly_dashboard())
        self.assertEqual(served["snapshot"]["pivots"], self.data["pivots"])
        self.assertEqual(served["translation_namespace"], MODULE)


@tagged("post_install", "-at_install")
class TestReferralsDashboardRoute(core.DashboardMixin, RpcCase):
    """The route the Dashboards app loads a dashboard from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard(DASHBOARD)

    def test_data_route(self):
        self._assert_data_route(self.user, self.internal_user, REPORT)
