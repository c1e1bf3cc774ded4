# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReportHandoverPortfolio(models.AbstractModel):
    """The handover dossier of a whole portfolio: its internal clients and
    the dossier of every stakeholder the colleague carries, as the printing
    user may read them."""

    _name = "report.hr_relationship.report_handover_portfolio"
    _description = "Handover Dossier of a Portfolio"

    @api.model
    def _get_report_values(self, docids, data=None):
        portfolios = self.env["hr.relationship.portfolio"].browse(docids)
        portfolios.check_access("read")
        Handover = self.env["hr.relationship.handover"]
        carried = {}
        for portfolio in portfolios:
            stakeholders, clients = Handover._relationships_of(
                portfolio.user_id, portfolio.company_id
            )
            # Found as the system, shown as the user: what they may read.
            carried[portfolio.id] = {
                "stakeholders": stakeholders.with_env(self.env)._filtered_access(
                    "read"
                ),
                "clients": clients.with_env(self.env)._filtered_access("read"),
            }
        stakeholders = self.env["hr.stakeholder"].union(
            *(lines["stakeholders"] for lines in carried.values())
        )
        return {
            "doc_ids": portfolios.ids,
            "doc_model": portfolios._name,
            "docs": portfolios,
            "carried": carried,
            "dossiers": self.env[
                "report.hr_relationship.report_handover_dossier"
            ]._dossiers(stakeholders),
            "today": fields.Date.context_today(self),
        }
