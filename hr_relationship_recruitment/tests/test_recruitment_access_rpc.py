# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, JsonRpcException, tagged

from odoo.addons.hr_relationship.tests.common import (
    RPC_ACCESS_ERROR,
    USER_GROUP,
    RpcMixin,
)

from .common import RECRUITMENT_USER, RecruitmentCase

# Fault code the /xmlrpc/2 endpoint uses for odoo.exceptions.AccessError.
# What Recruitment shows of the relationships, and the relationships of
# Recruitment.
APPLICANT_FIELDS = [
    "referred_stakeholder_id",
    "hr_stakeholder_count",
    "hr_alumnus_stakeholder_id",
    "hr_is_alumnus",
    "hr_alumnus_departure_date",
    "hr_alumnus_former_job",
]
STAKEHOLDER_FIELDS = [
    "applicant_id",
    "referred_applicant_ids",
    "boomerang_applicant_ids",
    "boomerang_applicant_count",
]


@tagged("post_install", "-at_install")
class TestRecruitmentAccessRpc(RpcMixin, HttpCase, RecruitmentCase):
    """The boundary between the relationships and Recruitment, from both
    sides and over both RPC protocols: a recruiter without a relationship
    role sees no stakeholder data, a relationship role sees Recruitment only
    as far as Recruitment lets it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = cls._new_user("hrr_both_rpc", f"{USER_GROUP},{RECRUITMENT_USER}")
        wizard = cls.env["hr.applicant.stakeholder.wizard"].create(
            {"applicant_id": cls.applicant.id}
        )
        cls.stakeholder = cls.env["hr.stakeholder"].browse(
            wizard.action_confirm()["res_id"]
        )
        cls.applicant.referred_stakeholder_id = cls.sh_erik

    def _assert_refused(self, user, model, method, args, kwargs=None):
        with self.assertRaises(Fault) as caught:
            self._execute(user, model, method, args, kwargs)
        self.assertEqual(
            caught.exception.faultCode, RPC_ACCESS_ERROR, caught.exception.faultString
        )
        self.assertNotIn("Erik Extern", caught.exception.faultString)
        with self.assertRaises(JsonRpcException) as caught:
            self._jsonrpc_as(user, model, method, args, kwargs)
        self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")

    def test_recruiter_sees_no_stakeholder_data(self):
        user = self.recruiter
        # Recruitment itself is theirs.
        [values] = self._execute(
            user,
            "hr.applicant",
            "read",
            [self.applicant.ids],
            {"fields": ["partner_name", "stage_id"]},
        )
        self.assertEqual(values["partner_name"], "Noor Nieuw")
        for model, record, names in (
            ("hr.applicant", self.applicant, APPLICANT_FIELDS),
        ):
            for name in names:
                with self.subTest(model=model, field=name):
                    self._assert_refused(
                        user, model, "read", [record.ids], {"fields": [name]}
                    )
            # Nor by searching or grouping on them.
            with self.subTest(model=model, search="hr_is_alumnus"):
                self._assert_refused(
                    user, model, "search", [[("hr_is_alumnus", "=", True)]]
                )
            fields = self._execute(user, model, "fields_get", [], {})
            self.assertFalse(set(names) & set(fields))
            # The views they get hold no trace of the relationships.
            views = self._jsonrpc_as(
                user, model, "get_views", [], {"views": [[False, "form"]]}
            )
            arch = views["views"]["form"]["arch"]
            for name in names + ["action_create_hr_stakeholder"]:
                self.assertNotIn(name, arch)
        self._assert_refused(
            user,
            "hr.applicant",
            "search",
            [[("referred_stakeholder_id.name", "=", "Erik Extern")]],
        )
        self._assert_refused(
            user,
            "hr.applicant",
            "read_group",
            [[], ["referred_stakeholder_id"], ["referred_stakeholder_id"]],
        )
        self._assert_refused(
            user, "hr.stakeholder", "read", [self.stakeholder.ids], {"fields": ["name"]}
        )
        self._assert_refused(
            user, "hr.applicant", "action_view_hr_stakeholders", [self.applicant.ids]
        )
        self._assert_refused(
            user, "hr.applicant", "action_create_hr_stakeholder", [self.applicant.ids]
        )

    def test_relationship_role_sees_recruitment_as_recruitment_allows(self):
        user = self.user
        # The stakeholder record and its figures are theirs.
        [values] = self._execute(
            user,
            "hr.stakeholder",
            "read",
            [self.sh_erik.ids],
            {"fields": ["name", "applicant_referral_count", "hired_referral_count"]},
        )
        self.assertEqual(values["applicant_referral_count"], 1)
        for name in STAKEHOLDER_FIELDS:
            with self.subTest(field=name):
                self._assert_refused(
                    user,
                    "hr.stakeholder",
                    "read",
                    [self.stakeholder.ids],
                    {"fields": [name]},
                )
        self._assert_refused(
            user,
            "hr.stakeholder",
            "search",
            [[("applicant_id.partner_name", "=", "Noor Nieuw")]],
        )
        self._assert_refused(
            user, "hr.stakeholder", "action_view_applicant", [self.stakeholder.ids]
        )
        self._assert_refused(
            user, "hr.applicant", "read", [self.applicant.ids], {"fields": ["id"]}
        )
        self._assert_refused(
            user,
            "hr.relationship.interaction",
            "read",
            [self.stakeholder.interaction_ids.ids],
            {"fields": ["applicant_id"]},
        )
        # The interactions themselves are theirs, the link to the
        # application is not.
        [step] = self._execute(
            user,
            "hr.relationship.interaction",
            "read",
            [self.stakeholder.interaction_ids.ids],
            {"fields": ["name", "interaction_type"]},
        )
        self.assertEqual(step["interaction_type"], "recruitment")
        views = self._jsonrpc_as(
            user, "hr.stakeholder", "get_views", [], {"views": [[False, "form"]]}
        )
        arch = views["views"]["form"]["arch"]
        for name in ("applicant_id", "referred_applicant_ids", "action_view_applicant"):
            self.assertNotIn(name, arch)
        # Nor can they keep an applicant they cannot read.
        with self.assertRaises(AccessError):
            self.env["hr.applicant.stakeholder.wizard"].with_user(user).create(
                {"applicant_id": self.applicant.id}
            ).action_confirm()

    def test_both_roles_see_both_sides(self):
        user = self.both
        [values] = self._execute(
            user,
            "hr.applicant",
            "read",
            [self.applicant.ids],
            {"fields": ["referred_stakeholder_id", "hr_is_alumnus"]},
        )
        self.assertEqual(values["referred_stakeholder_id"][0], self.sh_erik.id)
        [values] = self._execute(
            user,
            "hr.stakeholder",
            "read",
            [self.stakeholder.ids],
            {"fields": ["applicant_id"]},
        )
        self.assertEqual(values["applicant_id"][0], self.applicant.id)
        [values] = self._execute(
            user,
            "hr.applicant",
            "read",
            [self.applicant.ids],
            {"fields": ["hr_stakeholder_count"]},
        )
        self.assertEqual(values["hr_stakeholder_count"], 1)
        views = self._jsonrpc_as(
            user, "hr.applicant", "get_views", [], {"views": [[False, "form"]]}
        )
        self.assertIn("action_create_hr_stakeholder", views["views"]["form"]["arch"])
        action = self._jsonrpc_as(
            user, "hr.stakeholder", "action_view_applicant", [self.stakeholder.ids]
        )
        self.assertEqual(action["res_id"], self.applicant.id)
