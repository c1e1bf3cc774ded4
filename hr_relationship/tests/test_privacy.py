# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.mail.tools.discuss import Store

from .common import BUSINESS_PARTNER_GROUP, HrRelationshipCase, SatisfactionSurveyMixin

TODAY = date(2026, 6, 15)


@tagged("post_install", "-at_install")
class TestPrivacy(SatisfactionSurveyMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        # Business partner of Operations, where sh_bob (owned by other_user)
        # is a stakeholder.
        cls.bp_user = cls._new_user("hrr_bp", BUSINESS_PARTNER_GROUP)
        cls.client_ops.hr_partner_id = cls.bp_user
        cls.sh_bob.write({"personal_interests": "Chess", "motivators": "Fairness"})
        cls.partner_nina = cls.env["res.partner"].create(
            {
                "name": "Nina Nouveau",
                "email": "nina@freelance.example.com",
                "company_id": cls.company.id,
            }
        )
        cls.sh_nina = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.partner_nina.id,
                "company_id": cls.company.id,
                "owner_id": cls.user.id,
                "relation_type": "freelancer",
            }
        )

    def _profile(self, stakeholder):
        return stakeholder.sudo().profile_ids

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    # ------------------------------------------------------------
    # Who reads the profile
    # ------------------------------------------------------------

    def test_business_partner_reads_and_writes_profiles_of_their_clients(self):
        bob = self.sh_bob.with_user(self.bp_user)
        self.assertTrue(bob.can_read_profile)
        self.assertEqual(bob.personal_interests, "Chess")
        bob.write({"approach_notes": "Early in the morning"})
        self.assertEqual(
            self._profile(self.sh_bob).approach_notes, "Early in the morning"
        )
        # Not the profiles of another client's stakeholders.
        anna = self.sh_anna.with_user(self.bp_user)
        self.assertFalse(anna.can_read_profile)
        with self.assertRaises(AccessError):
            anna.read(["personal_interests"])
        # A plain user partnering a client is no business partner.
        erik = self.sh_erik.with_user(self.user)
        self.assertIn(self.user, self.sh_erik.internal_client_ids.hr_partner_id)
        self.assertFalse(erik.can_read_profile)
        with self.assertRaises(AccessError):
            erik.read(["motivators"])

    # ------------------------------------------------------------
    # Tracking without leaks
    # ------------------------------------------------------------

    def _tracked_values(self, messages):
        return {
            value
            for formatted in messages.sudo().tracking_value_ids._tracking_value_format()
            # Since 19.0 the formatted values are the values themselves.
            for value in (formatted["oldValue"], formatted["newValue"])
        }

    def _store_tracking(self, messages, user):
        # A store without a bus target is built for the current user, with
        # the tracking values they may read.
        result = Store().add(messages.with_user(user)).get_result()
        return [
            tracking
            for message in result["mail.message"]
            for tracking in message.get("trackingValues", [])
        ]

    def test_tracking_does_not_leak(self):
        owner_env = self.env(user=self.other_user, context={"tracking_disable": False})
        bob = self.sh_bob.with_env(owner_env)
        # As in a later request than the one that created the profile.
        self._flush_tracking()
        bob.personal_interests = "Go"
        self._flush_tracking()
        profile = self._profile(self.sh_bob)
        messages = profile.message_ids.filtered("tracking_value_ids")
        # The change is tracked, old value included, on the profile only.
        self.assertEqual(len(messages), 1)
        self.assertEqual(self._tracked_values(messages), {"Chess", "Go"})
        stakeholder_messages = self.sh_bob.sudo().message_ids
        self.assertFalse(
            {"Chess", "Go"} & self._tracked_values(stakeholder_messages),
            "The stakeholder's chatter must not carry profile values.",
        )
        self.assertTrue(self._store_tracking(messages, self.other_user))
        self.assertTrue(self._store_tracking(messages, self.manager))

        # Someone who may not read the profile finds nothing of it.
        Message = self.env["mail.message"].with_user(self.user)
        self.assertFalse(
            Message.search([("model", "=", profile._name), ("res_id", "=", profile.id)])
        )
        visible = Message.search(
            [
                "|",
                ("model", "=", profile._name),
                "&",
                ("model", "=", self.sh_bob._name),
                ("res_id", "=", self.sh_bob.id),
            ]
        )
        self.assertFalse({"Chess", "Go"} & self._tracked_values(visible))
        with self.assertRaises(AccessError):
            messages.with_user(self.user).read(["tracking_value_ids"])
        with self.assertRaises(AccessError):
            self.env["mail.tracking.value"].with_user(self.user).search_read(
                [("mail_message_id", "in", messages.ids)], ["old_value_char"]
            )

        # The former owner still authored the message, yet loses its values.
        self.sh_bob.owner_id = self.user
        self.assertFalse(self.sh_bob.with_user(self.other_user).can_read_profile)
        self.assertEqual(
            messages.with_user(self.other_user).read(["id"]), [{"id": messages.id}]
        )
        self.assertEqual(self._store_tracking(messages, self.other_user), [])
        self.assertTrue(self._store_tracking(messages, self.user))

    # ------------------------------------------------------------
    # Consent
    # ------------------------------------------------------------

    def test_profile_needs_consent(self):
        nina = self.sh_nina.with_user(self.user)
        self.assertTrue(nina.consent_required)
        self.assertFalse(nina.consent_purpose)
        self.assertFalse(self.sh_anna.consent_required)
        with self.assertRaisesRegex(ValidationError, "Nina Nouveau"):
            nina.write({"expectations": "Clear briefs", "motivators": "Craft"})
        self.assertFalse(self.sh_nina.expectations, "Nothing may be half-written.")
        self.assertFalse(self._profile(self.sh_nina).motivators)
        profile = self.sh_nina._get_profiles().with_user(self.user)
        with self.assertRaises(ValidationError):
            profile.write({"approach_notes": "Call first"})
        with self.assertRaises(ValidationError):
            self.env["hr.stakeholder"].with_user(self.user).create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "Olaf"}).id,
                    "company_id": self.company.id,
                    "relation_type": "supplier",
                    "approach_notes": "Lunch meetings",
                }
            )
        # Employees need none.
        self.sh_anna.with_user(self.user).personal_interests = "Marathon running"
        self.assertEqual(
            self._profile(self.sh_anna).personal_interests, "Marathon running"
        )

        nina.write({"consent": True, "consent_purpose": "Freelance pool"})
        self.assertRecordValues(
            self.sh_nina,
            [
                {
                    "consent_date": fields.Date.context_today(self.sh_nina),
                    "consent_by_id": self.user.id,
                    "consent_purpose": "Freelance pool",
                }
            ],
        )
        nina.write({"motivators": "Craft", "approach_notes": "Call first"})
        self.assertEqual(self._profile(self.sh_nina).motivators, "Craft")

    def test_withdrawing_consent_empties_the_profile(self):
        self.sh_erik.with_user(self.other_user).write(
            {"approach_notes": "Phone only", "personal_interests": "Sailing"}
        )
        self.assertTrue(self._profile(self.sh_erik))
        self.sh_erik.with_user(self.other_user).consent = False
        self.assertFalse(self._profile(self.sh_erik))
        self.assertRecordValues(
            self.sh_erik.with_user(self.other_user),
            [
                {
                    "approach_notes": False,
                    "personal_interests": False,
                    "motivators": False,
                    "consent_date": False,
                    "consent_by_id": False,
                }
            ],
        )
        # Employees keep theirs: they need no consent.
        self.sh_bob.consent = False
        self.assertEqual(self._profile(self.sh_bob).personal_interests, "Chess")

    # ------------------------------------------------------------
    # Export and erasure
    # ------------------------------------------------------------

    def _survey_with_answers(self, **values):
        campaign = self._campaign(**values)
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "5", self.q_rec: "10"})
        self._answer(
            campaign,
            self.sh_erik,
            {self.q_sat: "2", self.q_rec: "3", self.q_keep: "Erik's own words"},
        )
        self._answer(campaign, self.sh_bob, {self.q_sat: "4", self.q_rec: "8"})
        campaign.action_close()
        return campaign

    def _export(self, stakeholders, user):
        action = stakeholders.with_user(user).action_privacy_export()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        return json.loads(attachment.raw), attachment

    def test_export_labels_in_the_user_language(self):
        """The file names each entry and each choice in the reader's
        language; the entries keep their own names for programs."""
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_relationship"], ["nl_NL"], overwrite=True
        )
        self._interaction(self.sh_erik, interaction_type="call")
        # As the web client asks: in the user's language.
        data, _attachment = self._export(
            self.sh_erik.with_context(lang="nl_NL"), self.manager
        )
        [erik] = data["stakeholders"]
        self.assertEqual(erik["relation_type"], "Leverancier")
        self.assertEqual(data["labels"]["stakeholders.relation_type"], "Relatietype")
        Interaction = self.env["hr.relationship.interaction"].with_context(lang="nl_NL")
        field = Interaction._fields["interaction_type"]
        self.assertEqual(
            data["interactions"][0]["type"],
            dict(field._description_selection(Interaction.env))["call"],
        )
        self.assertEqual(
            data["labels"]["interactions.type"],
            field._description_string(Interaction.env),
        )
        for key in (
            "stakeholders",
            "interactions",
            "concerns",
            "commitments",
            "survey_answers",
        ):
            self.assertIn(key, data["labels"])
        self.assertEqual(data["labels"]["commitments.stakeholder_id"], "Toegezegd aan")
        self.assertIn("stakeholders.profile.approach_notes", data["labels"])

    def test_export_contents(self):
        self.sh_erik.write({"personal_interests": "Sailing"})
        with_erik = self._interaction(self.sh_erik, summary="<p>Contract renewal</p>")
        self._interaction(self.sh_anna, name="Anna's appraisal")
        campaign = self._survey_with_answers()
        anonymous = self._survey_with_answers(anonymous=True)
        Commitment = self.env["hr.relationship.commitment"]
        promised = Commitment.create(
            {
                "name": "Send the renewed contract",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_erik.id,
                "internal_client_id": self.client_sales.id,
                "interaction_id": with_erik.id,
                "user_id": self.user.id,
                "date_due": "2026-07-01",
                "description": "<p>Signed by both parties</p>",
            }
        )
        promised.action_keep()
        Commitment.create(
            {
                "name": "Call Anna back about her appraisal",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "internal_client_id": self.client_sales.id,
            }
        )

        data, attachment = self._export(self.sh_erik, self.manager)
        self.assertEqual([s["id"] for s in data["stakeholders"]], self.sh_erik.ids)
        [erik] = data["stakeholders"]
        self.assertEqual(erik["email"], "erik@supplier.example.com")
        self.assertEqual(erik["profile"]["personal_interests"], "Sailing")
        self.assertEqual(len(erik["survey_results"]), 1)
        self.assertEqual([i["id"] for i in data["interactions"]], with_erik.ids)
        self.assertIn("Contract renewal", data["interactions"][0]["summary"])
        [answer] = data["survey_answers"]
        self.assertEqual(answer["campaign"], campaign.name)
        self.assertEqual(answer["id"], self._answer_of(campaign, self.sh_erik).id)
        self.assertNotIn(
            self._answer_of(anonymous, self.sh_erik).id,
            [a["id"] for a in data["survey_answers"]],
        )
        self.assertIn("Erik's own words", [a["answer"] for a in answer["answers"]])
        # What HR promised Erik, whichever client or interaction it came from.
        self.assertEqual(
            data["commitments"],
            [
                {
                    "id": promised.id,
                    "stakeholder_id": self.sh_erik.id,
                    "commitment": "Send the renewed contract",
                    "internal_client": self.client_sales.display_name,
                    "owner": self.user.display_name,
                    "due_date": "2026-07-01",
                    "status": "Kept",
                    "kept_on": fields.Date.to_string(promised.date_done),
                    "interaction_id": with_erik.id,
                    "description": "Signed by both parties",
                }
            ],
        )
        self.assertEqual(data["labels"]["commitments.interaction_id"], "Promised In")
        dump = json.dumps(data)
        for other in ("Anna", "Bob", "anna.jansen"):
            self.assertNotIn(other, dump)
        # The file is the administrator's, not everybody's, and not for long.
        with self.assertRaises(AccessError):
            attachment.with_user(self.user).read(["raw"])
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertTrue(attachment.exists())
        with freeze_time(fields.Datetime.now() + relativedelta(days=2)):
            self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertFalse(attachment.exists())

    def test_export_and_erase_are_for_administrators(self):
        for user in (self.user, self.bp_user, self.internal_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.sh_anna.with_user(user).action_privacy_export()
                with self.assertRaises(AccessError):
                    self.sh_anna.with_user(user).action_privacy_erase()
        self.assertEqual(self.sh_anna.name, "Anna Jansen")

    def test_erasure_keeps_aggregates(self):
        self.sh_erik.write({"approach_notes": "Phone only"})
        interaction = self._interaction(self.sh_erik | self.sh_anna)
        campaign = self._survey_with_answers()
        figures = ["invited_count", "responded_count", "csat", "nps"]
        figures += ["satisfaction_index", "satisfaction_count"]
        total = self._result(campaign, "campaign")
        sales = self._result(campaign, "internal_client", self.client_sales)
        before = total.read(figures) + sales.read(figures)
        sales_satisfaction = self.client_sales.latest_csat
        answer = self._answer_of(campaign, self.sh_erik)
        self.assertEqual(answer.partner_id, self.partner_ext)

        self.sh_erik.with_user(self.manager).action_privacy_erase()

        erik = self.sh_erik.with_context(active_test=False)
        self.assertRecordValues(
            erik,
            [
                {
                    "name": f"Anonymised stakeholder #{erik.id}",
                    "is_anonymised": True,
                    "active": False,
                    "partner_id": False,
                    "email": False,
                    "phone": False,
                    "consent": False,
                }
            ],
        )
        self.assertFalse(erik.sudo().profile_ids)
        self.assertFalse(erik.sudo().message_ids)
        self.assertFalse(erik.satisfaction_result_ids)
        self.assertEqual(
            interaction.with_context(active_test=False).stakeholder_ids,
            self.sh_anna | erik,
        )
        self.assertRecordValues(
            answer.sudo(),
            [{"hr_stakeholder_id": False, "partner_id": False, "email": False}],
        )
        self.assertTrue(answer.user_input_line_ids, "The answers themselves stay.")
        self.assertEqual(total.read(figures) + sales.read(figures), before)
        self.assertEqual(self.client_sales.latest_csat, sales_satisfaction)
        # Others keep their per-person results, and the contact can go now.
        self.assertTrue(self._result(campaign, "stakeholder", self.sh_anna))
        self.partner_ext.unlink()
        # A second anonymised stakeholder of the same client is no duplicate.
        self.sh_anna.with_user(self.manager).action_privacy_erase()
        self.assertEqual(
            self.client_sales.with_context(active_test=False).stakeholder_ids,
            self.sh_anna | erik,
        )
        self.assertEqual(total.read(figures) + sales.read(figures), before)

    def test_erasure_keeps_concerns_and_commitments_without_the_name(self):
        """What HR promised the person, and what they raised, stays with the
        anonymised record and keeps counting for the client and the say-do
        ratio; the tracked changes that named the person no longer do."""
        interaction = self._interaction(self.sh_erik, client=self.client_sales)
        tracked = self.env(context={"tracking_disable": False})
        kept = (
            self.env["hr.relationship.commitment"]
            .with_env(tracked)
            .create(
                {
                    "name": "Send the renewed contract",
                    "company_id": self.company.id,
                    "stakeholder_id": self.sh_erik.id,
                    "internal_client_id": self.client_sales.id,
                    "interaction_id": interaction.id,
                    "date_due": fields.Date.context_today(self.env.user),
                }
            )
        )
        kept.action_keep()
        concern = (
            self.env["hr.relationship.concern"]
            .with_env(tracked)
            .create(
                {
                    "name": "Invoices paid late",
                    "company_id": self.company.id,
                    "stakeholder_id": self.sh_erik.id,
                    "internal_client_id": self.client_sales.id,
                }
            )
        )
        moved = kept.create(
            {
                "name": "Introduce the new buyer",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_erik.id,
                "internal_client_id": self.client_sales.id,
            }
        )
        self._flush_tracking()
        # Handed over to Anna: the change names Erik as the old value.
        for record in (concern, moved):
            record.write({"stakeholder_id": self.sh_anna.id})
        self._flush_tracking()
        messages = (concern.message_ids | moved.message_ids).filtered(
            "tracking_value_ids"
        )
        self.assertEqual(len(messages), 2)
        self.assertIn("Erik Extern", self._tracked_values(messages))

        self.sh_erik.with_user(self.manager).action_privacy_erase()

        erik = self.sh_erik.with_context(active_test=False)
        self.assertRecordValues(
            kept | moved,
            [
                {"stakeholder_id": erik.id, "internal_client_id": self.client_sales.id},
                {
                    "stakeholder_id": self.sh_anna.id,
                    "internal_client_id": self.client_sales.id,
                },
            ],
        )
        self.assertEqual(concern.stakeholder_id, self.sh_anna)
        self.assertRecordValues(
            kept,
            [
                {
                    "state": "kept",
                    "kept_on_time": 100.0,
                    "interaction_id": interaction.id,
                }
            ],
        )
        self.assertEqual(self.client_sales.commitment_open_count, 1)
        values = self._tracked_values(messages)
        self.assertNotIn("Erik Extern", values)
        self.assertEqual(
            values,
            {erik.display_name, self.sh_anna.display_name},
            "The change still reads, with the anonymised record for Erik.",
        )
        data, _attachment = self._export(erik, self.manager)
        self.assertEqual([c["id"] for c in data["commitments"]], kept.ids)
        self.assertEqual([c["id"] for c in data["concerns"]], [])

    # ------------------------------------------------------------
    # Expiry of alumni consent
    # ------------------------------------------------------------

    def _alumnus(self, name, consent_date, relation_type="alumnus"):
        partner = self.env["res.partner"].create({"name": name})
        return self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "relation_type": relation_type,
                "consent": True,
                "consent_date": consent_date,
                "personal_interests": f"Hobby of {name}",
            }
        )

    @freeze_time(TODAY)
    def test_expired_alumni_are_anonymised(self):
        self.env["ir.config_parameter"].set_param(
            "hr_relationship.consent_validity_months", "12"
        )
        expired = self._alumnus("Old Alum", TODAY - relativedelta(months=13))
        fresh = self._alumnus("New Alum", TODAY - relativedelta(months=11))
        supplier = self._alumnus(
            "Old Supplier", TODAY - relativedelta(months=13), "supplier"
        )
        self.env["hr.stakeholder"]._cron_anonymise_expired_consent()
        self.assertTrue(expired.is_anonymised)
        self.assertFalse(expired.sudo().profile_ids)
        self.assertNotIn("Old Alum", expired.name)
        for kept in (fresh, supplier):
            self.assertFalse(kept.is_anonymised)
            self.assertTrue(kept.sudo().profile_ids.personal_interests)

    @freeze_time(TODAY)
    def test_consent_validity_defaults_to_24_months(self):
        self.env["ir.config_parameter"].set_param(
            "hr_relationship.consent_validity_months", False
        )
        kept = self._alumnus("Recent Alum", TODAY - relativedelta(months=23))
        expired = self._alumnus("Older Alum", TODAY - relativedelta(months=25))
        # The cron's own server action, in this transaction: since 19.0
        # method_direct_trigger runs the job in a cursor of its own, which
        # cannot see this test's data.
        self.env.ref(
            "hr_relationship.ir_cron_anonymise_expired_consent"
        ).ir_actions_server_id.run()
        self.assertFalse(kept.is_anonymised)
        self.assertTrue(expired.is_anonymised)

    # ------------------------------------------------------------
    # privacy_lookup
    # ------------------------------------------------------------

    def _lookup(self, name, email):
        admin = self.env.ref("base.user_admin")
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(admin)
            .create({"name": name, "email": email})
        )
        wizard.action_lookup()
        return wizard

    def test_privacy_lookup_shows_our_records(self):
        self.env.ref("base.user_admin").company_ids = [Command.link(self.company.id)]
        self.sh_anna.write({"motivators": "Recognition"})
        with_anna = self._interaction(self.sh_anna | self.sh_bob)
        self._interaction(self.sh_erik)
        campaign = self._survey_with_answers()
        wizard = self._lookup("Anna Jansen", "anna.jansen@hrr.example.com")
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertEqual(len(found), len(wizard.line_ids), "No duplicates.")
        expected = {
            ("hr.stakeholder", self.sh_anna.id),
            ("hr.stakeholder.profile", self._profile(self.sh_anna).id),
            ("hr.relationship.interaction", with_anna.id),
            ("survey.user_input", self._answer_of(campaign, self.sh_anna).id),
            (
                "hr.satisfaction.result",
                self._result(campaign, "stakeholder", self.sh_anna).id,
            ),
        }
        self.assertLessEqual(expected, found)
        ours = {
            "hr.stakeholder",
            "hr.stakeholder.profile",
            "hr.relationship.interaction",
            "survey.user_input",
            "hr.satisfaction.result",
        }
        self.assertEqual({ref for ref in found if ref[0] in ours}, expected)

        action = wizard.action_hr_relationship_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        wizard.action_hr_relationship_erase()
        self.assertTrue(self.sh_anna.with_context(active_test=False).is_anonymised)
        self.assertIn(f"#{self.sh_anna.id}", wizard.execution_details)
        self.assertIn(f"#{self.sh_anna.id}", wizard.log_id.execution_details)
        again = self._lookup("Anna Jansen", "anna.jansen@hrr.example.com")
        self.assertFalse(again.line_ids.filtered(lambda line: line.res_model in ours))
