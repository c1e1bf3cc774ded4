# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_relationship.tests import test_malformed_input as core
from odoo.addons.hr_relationship.tests.common import HrRelationshipCase

MODULE = "hr_relationship_recruitment"


@tagged("post_install", "-at_install")
class TestMalformedInput(core.MalformedInputMixin, HttpCase, HrRelationshipCase):
    """Every public RPC entry point of the bridge answers malformed input
    with a readable error and writes nothing, as the core's do."""

    _addon = MODULE
    _addons = (core.CORE_MODULE, MODULE)
    _shared_tables = [*core.SHARED_TABLES, "hr_applicant"]

    def _cases(self):
        """Malformed calls of the methods that link Recruitment."""
        stakeholders = self.sh_anna | self.sh_bob
        job = self.env["hr.job"].create({"name": "HRR malformed job"})
        applicants = self.env["hr.applicant"].create(
            [
                {"partner_name": "HRR malformed A", "job_id": job.id},
                {"partner_name": "HRR malformed B", "job_id": job.id},
            ]
        )
        return {
            ("hr.stakeholder", "action_view_applicant"): self._single(stakeholders),
            ("hr.stakeholder", "action_view_referred_applicants"): self._single(
                stakeholders
            ),
            ("hr.stakeholder", "action_view_boomerang_applicants"): self._single(
                stakeholders
            ),
            ("hr.applicant", "action_view_hr_stakeholders"): self._single(applicants),
            ("hr.applicant", "action_create_hr_stakeholder"): self._single(applicants),
            ("hr.applicant", "write"): [
                ([ids, {"stage_id": 1}], {}) for ids in core.BAD_IDS
            ]
            + [([applicants.ids, {"referred_stakeholder_id": 999999}], {})],
            ("hr.applicant", "create"): [
                ([[{"pool_applicant_id": 999999, "job_id": job.id}]], {}),
                ([[{"partner_name": "HRR malformed C", "stage_id": 999999}]], {}),
            ],
            ("hr.applicant.stakeholder.wizard", "action_confirm"): (
                self._record_cases()
            ),
            ("hr.applicant", "copy_data"): self._record_cases(),
            **self._dialog_cases(
                "hr.applicant.stakeholder.wizard", "applicant_id", 999999, "abc"
            ),
        }

    def test_every_public_method_has_malformed_cases(self):
        self._check_every_public_method_has_malformed_cases()

    def test_malformed_calls_get_a_clean_error_and_write_nothing(self):
        self._check_malformed_calls_get_a_clean_error_and_write_nothing()

    def test_enumeration_sees_the_addon_methods(self):
        # Guards the tests above against an enumeration that finds nothing.
        methods = self._public_methods()
        self.assertIn(("hr.applicant", "action_create_hr_stakeholder"), methods)
        self.assertIn(("hr.stakeholder", "action_view_applicant"), methods)
        self.assertNotIn(("hr.stakeholder", "action_privacy_erase"), methods)
