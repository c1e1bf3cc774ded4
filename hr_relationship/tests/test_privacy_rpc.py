# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import json
from xmlrpc.client import Fault

from odoo.tests import JsonRpcException, tagged

from .common import RPC_ACCESS_ERROR, RpcCase


@tagged("post_install", "-at_install")
class TestPrivacyRpc(RpcCase):
    """The relationship profile is protected on the server, so no client can
    read it around the views."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # sh_anna is owned by cls.user, sh_erik by cls.other_user.
        cls.sh_anna.personal_interests = "Marathon running"
        cls.sh_erik.write(
            {"personal_interests": "Sailing", "approach_notes": "Phone only"}
        )

    def test_xmlrpc_non_owner_gets_access_error(self):
        for fname in ("personal_interests", "approach_notes", "motivators"):
            with self.subTest(field=fname):
                with self.assertRaises(Fault) as caught:
                    self._execute(
                        self.user,
                        "hr.stakeholder",
                        "read",
                        [self.sh_erik.ids],
                        {"fields": [fname]},
                    )
                self.assertEqual(caught.exception.faultCode, RPC_ACCESS_ERROR)
                self.assertNotIn("Sailing", caught.exception.faultString)
        # The same user reads the public part of that stakeholder.
        [values] = self._execute(
            self.user,
            "hr.stakeholder",
            "read",
            [self.sh_erik.ids],
            {"fields": ["name", "can_read_profile"]},
        )
        self.assertEqual(values["name"], "Erik Extern")
        self.assertFalse(values["can_read_profile"])

    def test_xmlrpc_profile_model_hidden(self):
        self.assertEqual(
            self._execute(
                self.user,
                "hr.stakeholder.profile",
                "search_read",
                [[("stakeholder_id", "=", self.sh_erik.id)]],
                {"fields": ["personal_interests"]},
            ),
            [],
        )
        profile = self.sh_erik.profile_ids
        self.assertTrue(profile)
        with self.assertRaises(Fault) as caught:
            self._execute(
                self.user,
                "hr.stakeholder.profile",
                "read",
                [profile.ids],
                {"fields": ["personal_interests"]},
            )
        self.assertEqual(caught.exception.faultCode, RPC_ACCESS_ERROR)

    def test_xmlrpc_owner_and_manager_read(self):
        [values] = self._execute(
            self.user,
            "hr.stakeholder",
            "read",
            [self.sh_anna.ids],
            {"fields": ["personal_interests", "can_read_profile"]},
        )
        self.assertEqual(values["personal_interests"], "Marathon running")
        self.assertTrue(values["can_read_profile"])
        [values] = self._execute(
            self.manager,
            "hr.stakeholder",
            "read",
            [self.sh_erik.ids],
            {"fields": ["personal_interests", "approach_notes", "can_read_profile"]},
        )
        self.assertEqual(values["personal_interests"], "Sailing")
        self.assertEqual(values["approach_notes"], "Phone only")
        self.assertTrue(values["can_read_profile"])
        rows = self._execute(
            self.manager,
            "hr.stakeholder.profile",
            "search_read",
            [[("stakeholder_id", "=", self.sh_erik.id)]],
            {"fields": ["personal_interests"]},
        )
        self.assertEqual([row["personal_interests"] for row in rows], ["Sailing"])

    def test_jsonrpc_call_kw_non_owner(self):
        self.authenticate(self.user.login, self.user.login)
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/hr.stakeholder/web_read",
                {
                    "model": "hr.stakeholder",
                    "method": "web_read",
                    "args": [self.sh_erik.ids],
                    "kwargs": {"specification": {"personal_interests": {}}},
                },
            )
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/hr.stakeholder/web_read",
            {
                "model": "hr.stakeholder",
                "method": "web_read",
                "args": [self.sh_anna.ids],
                "kwargs": {"specification": {"personal_interests": {}}},
            },
        )
        self.assertEqual(result[0]["personal_interests"], "Marathon running")

    def test_xmlrpc_export_and_erasure_of_commitments(self):
        """What HR promised the person leaves in their export and stays,
        anonymised, for those who follow it up; only administrators ask."""
        commitment = self.env["hr.relationship.commitment"].create(
            {
                "name": "Send the sailing club sponsorship terms",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_erik.id,
                "internal_client_id": self.client_sales.id,
                "user_id": self.user.id,
            }
        )
        self._assert_rpc_calls_refused(
            self.user,
            [
                ("hr.stakeholder", "action_privacy_export", [self.sh_erik.ids], {}),
                ("hr.stakeholder", "action_privacy_erase", [self.sh_erik.ids], {}),
            ],
            "sponsorship",
        )
        action = self._execute(
            self.manager, "hr.stakeholder", "action_privacy_export", [self.sh_erik.ids]
        )
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        [file] = self._execute(
            self.manager,
            "ir.attachment",
            "read",
            [[attachment_id]],
            {"fields": ["datas"]},
        )
        data = json.loads(base64.b64decode(file["datas"]))
        self.assertEqual(
            [(c["id"], c["commitment"]) for c in data["commitments"]],
            [(commitment.id, "Send the sailing club sponsorship terms")],
        )

        def read_as_owner():
            return self._execute(
                self.user,
                "hr.relationship.commitment",
                "search_read",
                [[("id", "=", commitment.id)]],
                {"fields": ["stakeholder_id", "state"]},
            )

        self.assertEqual(read_as_owner()[0]["stakeholder_id"][1], "Erik Extern")
        self._execute(
            self.manager, "hr.stakeholder", "action_privacy_erase", [self.sh_erik.ids]
        )
        # The owner still follows the promise up, made to nobody by name.
        [values] = read_as_owner()
        self.assertEqual(
            values["stakeholder_id"],
            [self.sh_erik.id, f"Anonymised stakeholder #{self.sh_erik.id}"],
        )
        self.assertEqual(values["state"], "open")
