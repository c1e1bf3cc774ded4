# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests.common import HrRelationshipCase
from odoo.addons.hr_relationship.tests.test_malformed_input import (
    CORE_MODULE,
    MalformedInputMixin,
)


@tagged("post_install", "-at_install")
class TestMalformedInput(MalformedInputMixin, HttpCase, HrRelationshipCase):
    """The capture's public RPC entry points answer malformed input with a
    readable error and write nothing (see MalformedInputMixin)."""

    _addon = "hr_relationship_capture"
    _addons = (CORE_MODULE, "hr_relationship_capture")

    def _cases(self):
        """Interactions that log themselves (calendar, e-mail, mailbox)."""
        captured = self.env["hr.relationship.interaction"].create(
            [
                {
                    "name": f"HRR malformed captured {i}",
                    "company_id": self.company.id,
                    "stakeholder_ids": [Command.set(self.sh_anna.ids)],
                }
                for i in range(2)
            ]
        )
        start = "2026-01-02 10:00:00"
        return {
            ("hr.relationship.interaction", "write"): [
                ([[999999], {"name": "x"}], {}),
                ([captured[:1].ids, {"date": self.far_future}], {}),
                ([captured[:1].ids, {"stakeholder_ids": [(6, 0, [])]}], {}),
            ],
            ("hr.relationship.interaction", "action_open_capture_origin"): (
                self._single(captured)
            ),
            ("hr.relationship.interaction", "message_new"): [
                (["abc"], {}),
                ([{}], {}),
                ([{"email_from": "nobody@nowhere.example.com", "subject": "x"}], {}),
                ([{"email_from": self.caller.email, "to": "x@y.example.com"}], {}),
            ],
            ("calendar.event", "create"): [
                ([{"name": "x", "start": start, "stop": "2026-01-01 10:00:00"}], {}),
                (
                    [{"name": "x", "start": start, "partner_ids": [(6, 0, [999999])]}],
                    {},
                ),
            ],
            ("calendar.event", "write"): [([[999999], {"name": "x"}], {})],
            ("calendar.event", "unlink"): self._record_cases(),
            ("mail.message", "create"): [
                (
                    [
                        {
                            "model": "hr.stakeholder",
                            "res_id": 999999,
                            "body": "x",
                            "message_type": "comment",
                        }
                    ],
                    {},
                ),
                ([{"author_id": 999999, "body": "x"}], {}),
            ],
            (
                "hr.relationship.capture.backfill",
                "action_run_backfill",
            ): self._record_cases(),
            **self._dialog_cases(
                "hr.relationship.capture.backfill",
                "company_ids",
                [[6, 0, [999999]]],
                [[6, 0, ["abc"]]],
            ),
        }

    def test_every_public_method_has_malformed_cases(self):
        self._check_every_public_method_has_malformed_cases()

    def test_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self._check_malformed_calls_get_a_clean_error_and_write_nothing()
