# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""hr_relationship as an integrator sees it: XML-RPC and JSON-RPC with
Python's standard library against a running server."""

import datetime
import uuid
import xmlrpc.client

from tests.odoo_client import JsonRpcError, OdooServerCase

# xmlrpc/2 fault code Odoo uses for AccessError.
ACCESS_ERROR = 4


class TestRpc(OdooServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.uid = cls.xmlrpc("common").authenticate(cls.db, cls.login, cls.password, {})
        if not cls.uid:
            raise AssertionError(f"{cls.login} cannot log in to {cls.db}")
        cls.tag = uuid.uuid4().hex[:8]

    def call(self, model, method, *args, **kwargs):
        return self.xmlrpc("object").execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def test_module_installed(self):
        version = self.xmlrpc("common").version()
        self.assertTrue(version["server_version"].startswith("19.0"), version)
        modules = self.call(
            "ir.module.module",
            "search_read",
            [("name", "=", "hr_relationship")],
            fields=["state"],
        )
        self.assertEqual([m["state"] for m in modules], ["installed"])

    def _stakeholder(self):
        partner = self.call(
            "res.partner", "create", {"name": f"RPC Supplier {self.tag}"}
        )
        return self.call(
            "hr.stakeholder",
            "create",
            {
                "partner_id": partner,
                "relation_type": "supplier",
                "influence": 4,
                "interest": 4,
                "contact_cadence_days": 30,
            },
        )

    def test_client_stakeholder_interaction(self):
        client = self.call(
            "hr.internal.client", "create", {"name": f"RPC Client {self.tag}"}
        )
        stakeholder = self._stakeholder()
        self.call(
            "hr.internal.client",
            "write",
            [client],
            {"stakeholder_ids": [(4, stakeholder)]},
        )
        day = datetime.date.today() - datetime.timedelta(days=10)
        self.call(
            "hr.relationship.interaction",
            "create",
            {
                "name": "Quarterly check-in",
                "date": day.isoformat(),
                "interaction_type": "meeting",
                "internal_client_id": client,
                "stakeholder_ids": [(6, 0, [stakeholder])],
                "sentiment": "positive",
            },
        )
        [client_data] = self.call(
            "hr.internal.client",
            "read",
            [client],
            fields=["last_interaction_date", "stakeholder_ids"],
        )
        self.assertEqual(client_data["last_interaction_date"], day.isoformat())
        self.assertEqual(client_data["stakeholder_ids"], [stakeholder])
        [data] = self.call(
            "hr.stakeholder",
            "read",
            [stakeholder],
            fields=["last_interaction_date", "next_contact_date", "quadrant"],
        )
        self.assertEqual(data["last_interaction_date"], day.isoformat())
        next_day = day + datetime.timedelta(days=30)
        self.assertEqual(data["next_contact_date"], next_day.isoformat())
        self.assertEqual(data["quadrant"], "manage_closely")

    def test_bad_input_is_refused_and_not_written(self):
        stakeholder = self._stakeholder()
        with self.assertRaises(JsonRpcError) as caught:
            self.jsonrpc(
                "object",
                "execute_kw",
                self.db,
                self.uid,
                self.password,
                "hr.stakeholder",
                "write",
                [[stakeholder], {"influence": 9, "attitude": "champion"}],
            )
        self.assertEqual(caught.exception.name, "odoo.exceptions.ValidationError")
        self.assertIn("between 1 and 5", str(caught.exception))
        [data] = self.call(
            "hr.stakeholder", "read", [stakeholder], fields=["influence", "attitude"]
        )
        self.assertEqual((data["influence"], data["attitude"]), (4, "neutral"))

        name = f"RPC Nobody {self.tag}"
        partner = self.call("res.partner", "create", {"name": name})
        with self.assertRaises(xmlrpc.client.Fault):
            self.call(
                "hr.stakeholder", "create", {"partner_id": partner, "interest": 0}
            )
        count = self.call(
            "hr.stakeholder", "search_count", [("partner_id", "=", partner)]
        )
        self.assertEqual(count, 0)

    def test_plain_user_is_denied(self):
        login = f"rpc-plain-{self.tag}"
        password = f"Plain-{self.tag}-Password!"
        group = self.call(
            "ir.model.data", "check_object_reference", "base", "group_user"
        )[1]
        self.call(
            "res.users",
            "create",
            {
                "name": f"Plain User {self.tag}",
                "login": login,
                "password": password,
                "group_ids": [(6, 0, [group])],
            },
        )
        uid = self.xmlrpc("common").authenticate(self.db, login, password, {})
        self.assertTrue(uid)
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.xmlrpc("object").execute_kw(
                self.db, uid, password, "hr.internal.client", "search", [[]]
            )
        self.assertEqual(caught.exception.faultCode, ACCESS_ERROR)
