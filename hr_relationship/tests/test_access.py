# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import USER_GROUP, HrRelationshipCase

MODELS = (
    "hr.internal.client",
    "hr.stakeholder",
    "hr.stakeholder.profile",
    "hr.relationship.interaction",
)


@tagged("post_install", "-at_install")
class TestAccessRights(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_interaction = cls._interaction(cls.sh_anna, user_id=cls.user.id)
        cls.other_interaction = cls._interaction(cls.sh_bob, user_id=cls.other_user.id)
        cls.sh_erik.personal_interests = "Sailing"
        cls.all_stakeholders = cls.sh_anna | cls.sh_erik | cls.sh_bob
        cls.all_clients = cls.client_sales | cls.client_ops

    def test_user_reads_everything(self):
        Stakeholder = self.env["hr.stakeholder"].with_user(self.user)
        found = Stakeholder.search([("id", "in", self.all_stakeholders.ids)])
        self.assertEqual(found, self.all_stakeholders.with_user(self.user))
        self.assertEqual(
            sorted(found.mapped("name")), ["Anna Jansen", "Bob de Vries", "Erik Extern"]
        )
        clients = (
            self.env["hr.internal.client"]
            .with_user(self.user)
            .search([("id", "in", self.all_clients.ids)])
        )
        self.assertEqual(len(clients), 2)
        clients.read(["name", "stakeholder_count", "last_interaction_date"])
        interactions = self.env["hr.relationship.interaction"].with_user(self.user)
        self.assertEqual(
            interactions.search(
                [("id", "in", (self.own_interaction | self.other_interaction).ids)]
            ),
            (self.own_interaction | self.other_interaction).with_user(self.user),
        )

    def test_user_writes_only_owned_stakeholders(self):
        self.sh_anna.with_user(self.user).write({"interest": 5, "attitude": "champion"})
        self.assertEqual(self.sh_anna.interest, 5)
        with self.assertRaises(AccessError):
            self.sh_erik.with_user(self.user).write({"interest": 5})
        with self.assertRaises(AccessError):
            self.sh_bob.with_user(self.user).unlink()
        # Handing one's own relationship to somebody else is not a way in.
        with self.assertRaises(AccessError):
            self.env["hr.stakeholder"].with_user(self.user).create(
                {
                    "employee_id": self.emp_hr.id,
                    "company_id": self.company.id,
                    "owner_id": self.other_user.id,
                }
            )
        created = (
            self.env["hr.stakeholder"]
            .with_user(self.user)
            .create({"employee_id": self.emp_hr.id, "company_id": self.company.id})
        )
        self.assertEqual(created.owner_id, self.user)
        created.unlink()

    def test_user_writes_only_partnered_clients(self):
        self.client_sales.with_user(self.user).write({"needs": "<p>Faster hiring</p>"})
        with self.assertRaises(AccessError):
            self.client_ops.with_user(self.user).write({"needs": "<p>Nope</p>"})
        with self.assertRaises(AccessError):
            self.client_ops.with_user(self.user).unlink()
        client = (
            self.env["hr.internal.client"]
            .with_user(self.user)
            .create({"name": "HRR Finance", "company_id": self.company.id})
        )
        self.assertEqual(client.hr_partner_id, self.user)

    def test_user_logs_interactions_with_anyone(self):
        Interaction = self.env["hr.relationship.interaction"].with_user(self.user)
        interaction = Interaction.create(
            {
                "name": "HRR Call with Bob",
                "company_id": self.company.id,
                "stakeholder_ids": [Command.set(self.sh_bob.ids)],
                "internal_client_id": self.client_ops.id,
            }
        )
        self.assertEqual(interaction.user_id, self.user)
        # The stored date on a stakeholder the user does not own follows.
        self.assertEqual(self.sh_bob.last_interaction_date, interaction.date)
        self.assertEqual(self.client_ops.last_interaction_date, interaction.date)
        interaction.write({"sentiment": "positive"})
        self.own_interaction.with_user(self.user).write({"summary": "<p>Good</p>"})
        with self.assertRaises(AccessError):
            self.other_interaction.with_user(self.user).write({"sentiment": "negative"})
        with self.assertRaises(AccessError):
            self.other_interaction.with_user(self.user).unlink()
        interaction.unlink()

    def test_internal_user_sees_nothing(self):
        for model in MODELS:
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.internal_user)
                with self.assertRaises(AccessError):
                    Model.search([])
                with self.assertRaises(AccessError):
                    Model.create({"name": "HRR Intruder"})
        with self.assertRaises(AccessError):
            self.sh_anna.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.client_sales.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.own_interaction.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.sh_anna.with_user(self.internal_user).write({"interest": 5})
        self.assertFalse(self.internal_user.has_group(USER_GROUP))

    def test_internal_user_extension_fields_hidden(self):
        # The extension fields are group-restricted, not merely hidden in views.
        with self.assertRaises(AccessError):
            self.partner_ext.with_user(self.internal_user).read(
                ["hr_stakeholder_count"]
            )

    def test_manager_does_everything(self):
        Stakeholder = self.env["hr.stakeholder"].with_user(self.manager)
        self.assertEqual(
            Stakeholder.search([("id", "in", self.all_stakeholders.ids)]),
            self.all_stakeholders.with_user(self.manager),
        )
        self.all_stakeholders.with_user(self.manager).write({"interest": 3})
        self.all_clients.with_user(self.manager).write({"needs": "<p>Everything</p>"})
        (self.own_interaction | self.other_interaction).with_user(self.manager).write(
            {"sentiment": "very_positive"}
        )
        created = Stakeholder.create(
            {
                "employee_id": self.emp_hr.id,
                "company_id": self.company.id,
                "owner_id": self.other_user.id,
            }
        )
        created.unlink()
        self.other_interaction.with_user(self.manager).unlink()
        self.sh_bob.with_user(self.manager).unlink()
        self.client_ops.with_user(self.manager).unlink()
        self.assertFalse(self.client_ops.exists())


@tagged("post_install", "-at_install")
class TestProfilePrivacy(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # sh_anna is owned by cls.user, sh_erik by cls.other_user.
        cls.sh_anna.write(
            {
                "approach_notes": "Short messages, no small talk",
                "personal_interests": "Marathon running",
                "motivators": "Recognition",
            }
        )
        cls.sh_erik.write({"personal_interests": "Sailing"})

    def test_owner_reads_and_writes_profile(self):
        stakeholder = self.sh_anna.with_user(self.user)
        stakeholder.invalidate_recordset()
        self.assertRecordValues(
            stakeholder,
            [
                {
                    "approach_notes": "Short messages, no small talk",
                    "personal_interests": "Marathon running",
                    "motivators": "Recognition",
                    "can_read_profile": True,
                }
            ],
        )
        stakeholder.write({"personal_interests": "Chess", "motivators": "Autonomy"})
        profile = (
            self.env["hr.stakeholder.profile"]
            .with_user(self.user)
            .search([("stakeholder_id", "=", self.sh_anna.id)])
        )
        self.assertEqual(len(profile), 1)
        self.assertEqual(profile.personal_interests, "Chess")
        profile.write({"approach_notes": "Coffee first"})
        stakeholder.invalidate_recordset()
        self.assertEqual(stakeholder.approach_notes, "Coffee first")
        self.assertEqual(stakeholder.motivators, "Autonomy")

    def test_manager_reads_and_writes_any_profile(self):
        stakeholder = self.sh_erik.with_user(self.manager)
        stakeholder.invalidate_recordset()
        self.assertTrue(stakeholder.can_read_profile)
        self.assertEqual(stakeholder.personal_interests, "Sailing")
        stakeholder.write({"approach_notes": "Prefers phone"})
        profile = (
            self.env["hr.stakeholder.profile"]
            .with_user(self.manager)
            .search([("stakeholder_id", "=", self.sh_erik.id)])
        )
        self.assertEqual(profile.approach_notes, "Prefers phone")

    def test_non_owner_cannot_read_profile(self):
        stakeholder = self.sh_erik.with_user(self.user)
        stakeholder.invalidate_recordset()
        self.assertFalse(stakeholder.can_read_profile)
        # The rest of the stakeholder stays readable.
        self.assertEqual(stakeholder.name, "Erik Extern")
        for fname in ("personal_interests", "approach_notes", "motivators"):
            with self.subTest(field=fname):
                stakeholder.invalidate_recordset()
                with self.assertRaises(AccessError):
                    stakeholder.read([fname])
                stakeholder.invalidate_recordset()
                with self.assertRaises(AccessError):
                    stakeholder.mapped(fname)
        Profile = self.env["hr.stakeholder.profile"].with_user(self.user)
        self.assertFalse(Profile.search([("stakeholder_id", "=", self.sh_erik.id)]))
        self.assertEqual(
            Profile.search_read(
                [("stakeholder_id", "=", self.sh_erik.id)], ["personal_interests"]
            ),
            [],
        )
        profile = self.sh_erik.profile_ids
        self.assertEqual(len(profile), 1)
        with self.assertRaises(AccessError):
            profile.with_user(self.user).read(["personal_interests"])
        with self.assertRaises(AccessError):
            profile.with_user(self.user).write({"personal_interests": "Overwritten"})
        with self.assertRaises(AccessError):
            self.sh_erik.with_user(self.user).action_open_profile()
        self.assertEqual(profile.personal_interests, "Sailing")

    def test_profile_cache_is_per_user(self):
        # What the owner (or a sudo call) read earlier in the same transaction
        # must not be served from the cache to a user the rules refuse.
        owner_view = self.sh_erik.with_user(self.other_user)
        self.assertEqual(owner_view.personal_interests, "Sailing")
        self.assertTrue(owner_view.can_read_profile)
        intruder = self.sh_erik.with_user(self.user)
        self.assertFalse(intruder.can_read_profile)
        with self.assertRaises(AccessError):
            intruder.read(["personal_interests"])
        self.assertEqual(intruder.sudo().personal_interests, "Sailing")
        with self.assertRaises(AccessError):
            intruder.read(["personal_interests"])

    def test_non_owner_read_of_a_mixed_batch(self):
        # Reading the profile of several stakeholders at once must not leak
        # the ones the user does not own.
        batch = (self.sh_anna | self.sh_erik).with_user(self.user)
        batch.invalidate_recordset()
        with self.assertRaises(AccessError):
            batch.read(["personal_interests"])
        self.assertEqual(batch.mapped("can_read_profile"), [True, False])

    def test_non_owner_cannot_write_profile_through_stakeholder(self):
        with self.assertRaises(AccessError):
            self.sh_erik.with_user(self.user).write({"personal_interests": "Hacked"})
        self.sh_erik.invalidate_recordset()
        self.assertEqual(self.sh_erik.personal_interests, "Sailing")

    def test_owner_change_moves_access(self):
        self.sh_erik.owner_id = self.user
        stakeholder = self.sh_erik.with_user(self.user)
        stakeholder.invalidate_recordset()
        self.assertTrue(stakeholder.can_read_profile)
        self.assertEqual(stakeholder.personal_interests, "Sailing")
        other = self.sh_erik.with_user(self.other_user)
        other.invalidate_recordset()
        with self.assertRaises(AccessError):
            other.read(["personal_interests"])
