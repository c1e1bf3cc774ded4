# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.hr_relationship.tests.common import HrRelationshipCase

RECRUITMENT_USER = "hr_recruitment.group_hr_recruitment_user"


class RecruitmentCase(HrRelationshipCase):
    """A job with its own stages, a candidate with an application, and a
    recruiter without any relationship role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recruiter = cls._new_user("hrr_recruiter", RECRUITMENT_USER)
        cls.job = cls.env["hr.job"].create(
            {"name": "HRR Developer", "company_id": cls.company.id}
        )
        Stage = cls.env["hr.recruitment.stage"]
        cls.stage_new = Stage.create(
            {"name": "HRR New", "sequence": 1, "job_ids": [(4, cls.job.id)]}
        )
        cls.stage_interview = Stage.create(
            {"name": "HRR Interview", "sequence": 2, "job_ids": [(4, cls.job.id)]}
        )
        cls.stage_hired = Stage.create(
            {
                "name": "HRR Hired",
                "sequence": 3,
                "hired_stage": True,
                "job_ids": [(4, cls.job.id)],
            }
        )
        cls.refuse_reason = cls.env["hr.applicant.refuse.reason"].create(
            {"name": "HRR Not a fit"}
        )
        cls.candidate = cls._candidate("Noor Nieuw", "noor.nieuw@example.com")
        cls.applicant = cls._applicant(cls.candidate)

    @classmethod
    def _candidate(cls, name, email=None):
        return cls.env["hr.candidate"].create(
            {
                "partner_name": name,
                "email_from": email,
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _applicant(cls, candidate, **values):
        return cls.env["hr.applicant"].create(
            {
                "candidate_id": candidate.id,
                "job_id": cls.job.id,
                "stage_id": cls.stage_new.id,
                "company_id": cls.company.id,
                "user_id": cls.recruiter.id,
                **values,
            }
        )

    def _keep(self, candidate, user=None, **values):
        """Keep ``candidate`` as stakeholder through the candidate form's
        button and its consent dialog."""
        env = self.env(user=user) if user else self.env
        action = env["hr.candidate"].browse(candidate.id).action_create_hr_stakeholder()
        wizard = (
            env[action["res_model"]].with_context(**action["context"]).create(values)
        )
        result = wizard.action_confirm()
        return self.env["hr.stakeholder"].browse(result["res_id"])
