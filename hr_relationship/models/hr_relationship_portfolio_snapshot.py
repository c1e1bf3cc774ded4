# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class HrRelationshipPortfolioSnapshot(models.Model):
    """A portfolio's figures of one month, kept by the network refresh so
    that a coaching conversation sees their trend."""

    _name = "hr.relationship.portfolio.snapshot"
    _inherit = ["hr.relationship.snapshot.mixin"]
    _description = "HR Relationship Portfolio Snapshot"
    _order = "month desc, id desc"
    # Named as Odoo names a record without a name (no _snapshot_targets).

    portfolio_id = fields.Many2one(
        "hr.relationship.portfolio", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(related="portfolio_id.user_id", string="HR Colleague")
    company_id = fields.Many2one(
        related="portfolio_id.company_id", store=True, index=True, required=False
    )
    month = fields.Date(readonly=False, help="First day of the month.")
    stakeholder_count = fields.Integer(string="Stakeholders Owned")
    client_count = fields.Integer(string="Clients Partnered")
    overdue_count = fields.Integer(string="Overdue Contacts")
    at_risk_count = fields.Integer(string="At-Risk Relationships")
    coverage = fields.Float(string="Coverage (%)", digits=(16, 1), aggregator="avg")
    key_person_count = fields.Integer(string="Key-Person Risk")
    brokerage = fields.Float(digits=(16, 4), aggregator="avg")

    _portfolio_month_uniq = models.Constraint(
        "unique(portfolio_id, month)",
        "A portfolio has one snapshot per month.",
    )

    def _snapshot_portfolios(self, today):
        """Upsert this month's snapshot of every portfolio, in one statement."""
        columns = [
            "company_id",
            "stakeholder_count",
            "client_count",
            "overdue_count",
            "at_risk_count",
            "coverage",
            "key_person_count",
            "brokerage",
        ]
        self.env.cr.execute(
            self._snapshot_upsert_sql(
                "portfolio_id",
                self._snapshot_month(today),
                columns,
                SQL(
                    "SELECT id, %s FROM hr_relationship_portfolio",
                    SQL(", ").join(map(SQL.identifier, columns)),
                ),
                updated=columns[1:],
                now=fields.Datetime.now(),
            )
        )
        self.invalidate_model(flush=False)
