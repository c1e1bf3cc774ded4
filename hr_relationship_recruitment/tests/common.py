# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.hr_relationship.tests.common import HrRelationshipCase

RECRUITMENT_USER = "hr_recruitment.group_hr_recruitment_user"


class RecruitmentCase(HrRelationshipCase):
    """A job with its own stages, an application, and a recruiter without
    any relationship role."""

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
        cls.applicant = cls._applicant("Noor Nieuw", "noor.nieuw@example.com")

    @classmethod
    def _applicant(cls, name, email=None, **values):
        """An application of ``name``; Recruitment makes the person's contact
        from the address. Applications with the same address are one
        person's."""
        if email:
            # Without one, the address comes from the contact, if any.
            values = {"email_from": email, **values}
        return cls.env["hr.applicant"].create(
            {
                "partner_name": name,
                "job_id": cls.job.id,
                "stage_id": cls.stage_new.id,
                "company_id": cls.company.id,
                "user_id": cls.recruiter.id,
                **values,
            }
        )

    def _keep(self, applicant, user=None, **values):
        """Keep ``applicant`` as stakeholder through the applicant form's
        button and its consent dialog."""
        env = self.env(user=user) if user else self.env
        action = env["hr.applicant"].browse(applicant.id).action_create_hr_stakeholder()
        wizard = (
            env[action["res_model"]].with_context(**action["context"]).create(values)
        )
        result = wizard.action_confirm()
        return self.env["hr.stakeholder"].browse(result["res_id"])
