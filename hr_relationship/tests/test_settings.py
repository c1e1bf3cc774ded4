# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import HrRelationshipCase

TODAY = date(2026, 3, 16)


@tagged("post_install", "-at_install")
class TestRelationshipSettings(HrRelationshipCase):
    """The settings are stored, read back and take effect where they must."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipped_survey = cls.env.ref("hr_relationship.survey_internal_client_value")
        cls.other_survey = cls.env["survey.survey"].create(
            {"title": "HRR Pulse Check", "survey_type": "survey"}
        )
        cls.type_stakeholder = cls.env.ref(
            "hr_relationship.mail_activity_type_health_stakeholder"
        )
        cls.type_client = cls.env.ref(
            "hr_relationship.mail_activity_type_health_client"
        )

    def _settings(self, **values):
        self.env["res.config.settings"].create(values).execute()

    def _param(self, key):
        return self.env["ir.config_parameter"].sudo().get_param(key)

    def _contact(self, name, **values):
        partner = self.env["res.partner"].create({"name": name})
        return self.env["hr.stakeholder"].create(
            {"partner_id": partner.id, "company_id": self.company.id, **values}
        )

    # ------------------------------------------------------------
    # Stored and read back
    # ------------------------------------------------------------

    def test_defaults_when_nothing_is_set(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.hr_default_survey_id, self.shipped_survey)
        self.assertEqual(
            (
                settings.hr_cadence_manage_closely,
                settings.hr_cadence_keep_satisfied,
                settings.hr_cadence_keep_informed,
                settings.hr_cadence_monitor,
            ),
            (14, 30, 30, 90),
        )
        self.assertEqual(settings.hr_at_risk_activity, "owner")
        self.assertEqual(settings.hr_consent_validity_months, 24)

    def test_settings_are_stored_and_read_back(self):
        self._settings(
            hr_default_survey_id=self.other_survey.id,
            hr_cadence_manage_closely=7,
            hr_cadence_keep_satisfied=21,
            hr_cadence_keep_informed=45,
            hr_cadence_monitor=0,
            hr_at_risk_activity="both",
            hr_consent_validity_months=12,
        )
        self.assertEqual(
            self._param("hr_relationship.default_survey_id"), str(self.other_survey.id)
        )
        self.assertEqual(self._param("hr_relationship.cadence_manage_closely"), "7")
        self.assertEqual(self._param("hr_relationship.cadence_keep_satisfied"), "21")
        self.assertEqual(self._param("hr_relationship.cadence_keep_informed"), "45")
        # 0 plans no contacts: it must be stored, not fall back to 90.
        self.assertEqual(self._param("hr_relationship.cadence_monitor"), "0")
        self.assertEqual(self._param("hr_relationship.at_risk_activity"), "both")
        self.assertEqual(self._param("hr_relationship.consent_validity_months"), "12")

        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.hr_default_survey_id, self.other_survey)
        self.assertEqual(
            (
                settings.hr_cadence_manage_closely,
                settings.hr_cadence_keep_satisfied,
                settings.hr_cadence_keep_informed,
                settings.hr_cadence_monitor,
            ),
            (7, 21, 45, 0),
        )
        self.assertEqual(settings.hr_at_risk_activity, "both")
        self.assertEqual(settings.hr_consent_validity_months, 12)

        # Emptying the survey forgets the choice and shows the shipped one.
        self._settings(hr_default_survey_id=False)
        self.assertFalse(self._param("hr_relationship.default_survey_id"))
        self.assertEqual(
            self.env["res.config.settings"].create({}).hr_default_survey_id,
            self.shipped_survey,
        )

    def test_invalid_values_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "Monitor"):
            self._settings(hr_cadence_monitor=-1)
        with self.assertRaises(ValidationError):
            self._settings(hr_consent_validity_months=0)
        self.assertFalse(self._param("hr_relationship.cadence_monitor"))
        self.assertFalse(self._param("hr_relationship.consent_validity_months"))

    def test_an_empty_at_risk_recipient_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at risk"):
            self._settings(hr_at_risk_activity=False)
        self.assertFalse(self._param("hr_relationship.at_risk_activity"))

    # ------------------------------------------------------------
    # A good neighbour: other apps create settings of their own
    # ------------------------------------------------------------

    def test_other_apps_create_settings_with_only_their_option(self):
        """Project's own tests and scripts create settings with only their
        option; an app loaded before this addon does so with a registry that
        does not know our fields, so the row it inserts leaves them NULL."""
        ours = self.env["ir.model.data"].search(
            [("module", "=", "hr_relationship"), ("model", "=", "ir.model.fields")]
        )
        fields = self.env["ir.model.fields"].browse(ours.mapped("res_id"))
        fields = fields.filtered(lambda f: f.model == "res.config.settings")
        self.assertTrue(fields.filtered("store"))
        for field in fields:
            with self.subTest(field=field.name):
                self.assertFalse(field.required)
        # What such an app's ORM writes: the columns it knows, nothing of ours.
        self.env.cr.execute(
            "INSERT INTO res_config_settings (company_id, group_project_stages)"
            " VALUES (%s, TRUE) RETURNING id",
            [self.env.company.id],
        )
        self.assertTrue(self.env.cr.fetchone())
        settings = self.env["res.config.settings"].create(
            {"group_project_stages": True}
        )
        self.assertEqual(settings.hr_at_risk_activity, "owner")
        settings.execute()
        self.assertTrue(self.env.user.has_group("project.group_project_stages"))

    def test_capture_is_a_checkbox_that_installs_its_module(self):
        """The capture of contacts is offered in the Relationships settings,
        as Odoo offers its optional modules: ticking it installs the module
        hr_relationship_capture."""
        settings = self.env["res.config.settings"].create({})
        capture = settings._get_classified_fields(["module_hr_relationship_capture"])[
            "module"
        ]
        self.assertEqual(capture.name, "hr_relationship_capture")
        self.assertEqual(
            settings.module_hr_relationship_capture, capture.state == "installed"
        )
        arch = self.env.ref("hr_relationship.res_config_settings_view_form").arch
        self.assertIn('name="module_hr_relationship_capture"', arch)

    # ------------------------------------------------------------
    # Contact cadence per quadrant
    # ------------------------------------------------------------

    def test_new_stakeholder_gets_the_cadence_of_its_quadrant(self):
        # influence, interest -> quadrant -> default cadence
        grid = {
            (4, 5): ("manage_closely", 14),
            (3, 1): ("keep_satisfied", 30),
            (2, 3): ("keep_informed", 30),
            (1, 1): ("monitor", 90),
        }
        partners = self.env["res.partner"].create(
            [{"name": f"HRR grid {index}"} for index in range(len(grid))]
        )
        stakeholders = self.env["hr.stakeholder"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "influence": influence,
                    "interest": interest,
                }
                for partner, (influence, interest) in zip(partners, grid, strict=True)
            ]
        )
        self.assertEqual(
            [(s.quadrant, s.contact_cadence_days) for s in stakeholders],
            list(grid.values()),
        )

        self._settings(hr_cadence_manage_closely=7, hr_cadence_monitor=0)
        closely = self._contact("HRR Closely", influence=5, interest=5)
        monitored = self._contact("HRR Monitored")
        self.assertEqual(closely.contact_cadence_days, 7)
        self.assertEqual(monitored.quadrant, "monitor")
        self.assertEqual(monitored.contact_cadence_days, 0)
        self.assertFalse(monitored.next_contact_date)
        # Changing the settings leaves existing stakeholders alone.
        self.assertEqual(stakeholders[0].contact_cadence_days, 14)

    def test_explicit_cadence_wins_and_stays_when_moving_on_the_grid(self):
        explicit = self._contact("HRR Explicit", contact_cadence_days=0)
        self.assertEqual(explicit.quadrant, "monitor")
        self.assertEqual(explicit.contact_cadence_days, 0)
        defaulted = self._contact("HRR Defaulted")
        self.assertEqual(defaulted.contact_cadence_days, 90)

        # Only at creation: a later move keeps whatever cadence they have.
        (explicit | defaulted).write({"influence": 5, "interest": 5})
        self.assertEqual(defaulted.quadrant, "manage_closely")
        self.assertEqual(explicit.contact_cadence_days, 0)
        self.assertEqual(defaulted.contact_cadence_days, 90)
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(defaulted.contact_cadence_days, 90)

        # A move and a new cadence together: the new cadence.
        defaulted.write({"influence": 1, "contact_cadence_days": 21})
        self.assertEqual(defaulted.contact_cadence_days, 21)

    def test_form_follows_the_quadrant_until_saved(self):
        partner = self.env["res.partner"].create({"name": "HRR Form"})
        form = Form(self.env["hr.stakeholder"])
        form.partner_id = partner
        self.assertEqual(form.contact_cadence_days, 90)
        form.influence = 4
        form.interest = 4
        self.assertEqual(form.contact_cadence_days, 14)
        form.contact_cadence_days = 10
        stakeholder = form.save()
        self.assertEqual(stakeholder.contact_cadence_days, 10)

        with Form(stakeholder) as edit:
            edit.influence = 1
            edit.interest = 1
            self.assertEqual(edit.contact_cadence_days, 10)
        self.assertEqual(stakeholder.quadrant, "monitor")
        self.assertEqual(stakeholder.contact_cadence_days, 10)

    # ------------------------------------------------------------
    # Default survey of campaigns
    # ------------------------------------------------------------

    def _campaign(self, **values):
        return (
            self.env["hr.satisfaction.survey"]
            .with_user(self.manager)
            .create({"name": "HRR campaign", "company_id": self.company.id, **values})
        )

    def test_campaign_starts_with_the_default_survey(self):
        self.assertEqual(self._campaign().survey_id, self.shipped_survey)

        self._settings(hr_default_survey_id=self.other_survey.id)
        self.assertEqual(self._campaign().survey_id, self.other_survey)
        explicit = self._campaign(survey_id=self.shipped_survey.id)
        self.assertEqual(explicit.survey_id, self.shipped_survey)

        # An archived choice falls back to the shipped survey.
        self.other_survey.active = False
        self.assertEqual(self._campaign().survey_id, self.shipped_survey)

    # ------------------------------------------------------------
    # At-risk activities
    # ------------------------------------------------------------

    def _make_at_risk(self, *stakeholders):
        """Last contact 120 days ago on a 30-day cadence and no sentiment in
        the last 90 days: recency 0, the only part, so a score of 0."""
        for stakeholder in stakeholders:
            self._interaction(stakeholder, date=TODAY - timedelta(days=120))

    def _refresh(self, *recordsets):
        for records in recordsets:
            records.with_user(self.manager).action_refresh_health()

    def _activity_users(self, record, activity_type):
        return (
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .user_id
        )

    @freeze_time(TODAY)
    def test_at_risk_activity_for_the_owner_by_default(self):
        # Erik is owned by other_user; his client Sales is user's.
        self._make_at_risk(self.sh_erik)
        self._refresh(self.sh_erik, self.client_ops)
        self.assertEqual(self.sh_erik.health_state, "at_risk")
        self.assertEqual(
            self._activity_users(self.sh_erik, self.type_stakeholder), self.other_user
        )
        self.assertEqual(
            self._activity_users(self.client_ops, self.type_client), self.other_user
        )

    @freeze_time(TODAY)
    def test_at_risk_activity_none(self):
        self._settings(hr_at_risk_activity="none")
        self._make_at_risk(self.sh_erik)
        self._refresh(self.sh_erik, self.client_ops)
        self.assertEqual(self.sh_erik.health_state, "at_risk")
        self.assertEqual(self.client_ops.health_state, "at_risk")
        self.assertFalse(self._activity_users(self.sh_erik, self.type_stakeholder))
        self.assertFalse(self._activity_users(self.client_ops, self.type_client))

    @freeze_time(TODAY)
    def test_at_risk_activity_for_the_hr_business_partner(self):
        self._settings(hr_at_risk_activity="hr_partner")
        # Clementine sits with two clients of different HR business
        # partners; Lone has no client and falls back to her owner.
        client_legal = self.env["hr.internal.client"].create(
            {
                "name": "HRR Legal",
                "company_id": self.company.id,
                "hr_partner_id": self.manager.id,
            }
        )
        clementine = self._contact(
            "HRR Clementine",
            owner_id=self.other_user.id,
            contact_cadence_days=30,
            internal_client_ids=[Command.set((self.client_sales | client_legal).ids)],
        )
        lone = self._contact(
            "HRR Lone", owner_id=self.other_user.id, contact_cadence_days=30
        )
        self._make_at_risk(self.sh_erik, clementine, lone)
        self._refresh(self.sh_erik | clementine | lone, self.client_ops)
        self.assertEqual(
            self._activity_users(self.sh_erik, self.type_stakeholder), self.user
        )
        self.assertEqual(
            self._activity_users(clementine, self.type_stakeholder),
            self.user | self.manager,
        )
        self.assertEqual(
            self._activity_users(lone, self.type_stakeholder), self.other_user
        )
        self.assertEqual(
            self._activity_users(self.client_ops, self.type_client), self.other_user
        )

    @freeze_time(TODAY)
    def test_at_risk_activity_for_both(self):
        self._settings(hr_at_risk_activity="both")
        # Anna's owner is also her client's HR business partner: one to-do.
        self._make_at_risk(self.sh_erik, self.sh_anna)
        self._refresh(self.sh_erik | self.sh_anna)
        erik_activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.stakeholder"), ("res_id", "=", self.sh_erik.id)]
        )
        self.assertEqual(len(erik_activities), 2)
        self.assertEqual(erik_activities.user_id, self.user | self.other_user)
        self.assertEqual(
            self._activity_users(self.sh_anna, self.type_stakeholder), self.user
        )
        self.assertEqual(
            len(
                self.env["mail.activity"].search(
                    [
                        ("res_model", "=", "hr.stakeholder"),
                        ("res_id", "=", self.sh_anna.id),
                    ]
                )
            ),
            1,
        )
