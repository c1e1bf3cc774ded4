# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Connection settings for the out-of-process tests. `make test` starts an Odoo
server and passes them as ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD."""

import itertools
import json
import os
import unittest
import urllib.request
import xmlrpc.client

_ids = itertools.count(1)


class OdooServerCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.environ.get("ODOO_URL"):
            raise AssertionError(
                "ODOO_URL is not set: run these tests through `make test`, or set "
                "ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD for a running server."
            )
        cls.url = os.environ["ODOO_URL"].rstrip("/")
        cls.db = os.environ["ODOO_DB"]
        cls.login = os.environ.get("ODOO_LOGIN", "admin")
        cls.password = os.environ.get("ODOO_PASSWORD", "admin")

    @classmethod
    def xmlrpc(cls, service):
        return xmlrpc.client.ServerProxy(
            f"{cls.url}/xmlrpc/2/{service}", allow_none=True
        )

    @classmethod
    def jsonrpc(cls, service, method, *args):
        """Call /jsonrpc; return the result or raise the JSON error as a dict."""
        return cls.post_jsonrpc(
            "/jsonrpc", {"service": service, "method": method, "args": list(args)}
        )

    @classmethod
    def post_jsonrpc(cls, path, params, opener=None):
        """POST a JSON-RPC call of `params` to `path` (with `opener`'s cookies,
        if given); return the result or raise the JSON error as a dict."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids)}
        request = urllib.request.Request(
            f"{cls.url}{path}",
            data=json.dumps({**payload, "params": params}).encode(),
            headers={"Content-Type": "application/json"},
        )
        opener = opener or urllib.request.build_opener()
        with opener.open(request, timeout=60) as response:
            answer = json.load(response)
        if "error" in answer:
            raise JsonRpcError(answer["error"])
        return answer["result"]


class JsonRpcError(Exception):
    def __init__(self, error):
        super().__init__(error.get("data", {}).get("message") or error.get("message"))
        self.name = error.get("data", {}).get("name", "")
