# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import USER_GROUP, HrRelationshipCase
from odoo.addons.hr_relationship.tests.test_readonly_methods import (
    ReadonlyMethodsMixin,
)


@tagged("post_install", "-at_install")
class TestReadonlyMethods(ReadonlyMethodsMixin, HrRelationshipCase):
    """The bridge's buttons that only open an applicant or a list run on a
    read replica where there is one, and write nothing (see the core's
    ReadonlyMethodsMixin)."""

    _addon = "hr_relationship_recruitment"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bridge_user = cls._new_user(
            "hrr_readonly_recruitment",
            f"{USER_GROUP},hr_recruitment.group_hr_recruitment_user",
        )
        job = cls.env["hr.job"].create(
            {"name": "HRR read-only job", "company_id": cls.company.id}
        )
        cls.applicant = cls.env["hr.applicant"].create(
            {
                "partner_name": "HRR read-only applicant",
                "job_id": job.id,
                "company_id": cls.company.id,
            }
        )
        cls.sh_anna.applicant_id = cls.applicant

    def _readonly_calls(self):
        recruiter = self.env(user=self.bridge_user)
        stakeholder = self.sh_anna.with_env(recruiter)
        return {
            ("hr.stakeholder", "action_view_applicant"): (stakeholder, [], {}),
            ("hr.stakeholder", "action_view_referred_applicants"): (
                stakeholder,
                [],
                {},
            ),
            ("hr.stakeholder", "action_view_boomerang_applicants"): (
                stakeholder,
                [],
                {},
            ),
            ("hr.applicant", "action_view_hr_stakeholders"): (
                self.applicant.with_env(recruiter),
                [],
                {},
            ),
        }

    def test_every_marked_method_is_called(self):
        self.assertTrue(self._marked_methods())
        self._check_every_marked_method_is_called()

    def test_marked_methods_write_nothing(self):
        self._check_marked_methods_write_nothing()
