# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    hr_improvement_project_id = fields.Many2one(
        "project.project",
        string="HR Service Improvement Project",
        readonly=True,
        help="The project that holds the company's improvement actions from "
        "customer-value campaigns; made on first use.",
    )

    def _hr_improvement_project(self):
        """The company's improvement project, made on first use. Open to all
        employees so that HR staff read the actions without project rights."""
        self.ensure_one()
        company = self.sudo()
        project = company.hr_improvement_project_id
        if not project:
            project = (
                self.env["project.project"]
                .sudo()
                .create(
                    {
                        "name": self.env._("HR service improvement"),
                        "company_id": company.id,
                        "privacy_visibility": "employees",
                    }
                )
            )
            company.hr_improvement_project_id = project
        return project
