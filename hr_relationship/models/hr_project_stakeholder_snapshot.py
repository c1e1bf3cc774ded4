# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

from .hr_project_stakeholder import ATTITUDE_SUPPORT, ATTITUDES


def attitude_support_sql(column):
    """SQL expression giving the support (-1, 0, 1) of an attitude column."""
    cases = SQL(" ").join(
        SQL("WHEN %s THEN %s", attitude, support)
        for attitude, support in ATTITUDE_SUPPORT.items()
    )
    return SQL("(CASE %s %s ELSE 0 END)", column, cases)


class HrProjectStakeholderSnapshot(models.Model):
    """Where one stakeholder stood on one project in one month, so that a
    graph shows each person's course. The daily refresh of project support
    keeps this month's row up to date."""

    _name = "hr.project.stakeholder.snapshot"
    _description = "Stakeholder Position History"
    _order = "month desc, id"

    project_stakeholder_id = fields.Many2one(
        "hr.project.stakeholder",
        string="Position",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    month = fields.Date(
        required=True, readonly=True, help="First day of the month measured."
    )
    attitude = fields.Selection(ATTITUDES, readonly=True)
    target_attitude = fields.Selection(ATTITUDES, readonly=True)
    support = fields.Integer(
        aggregator="avg",
        readonly=True,
        help="1 for champions and supporters, -1 for sceptics and blockers, "
        "0 for neutral.",
    )
    influence = fields.Integer(aggregator="avg", readonly=True)
    interest = fields.Integer(aggregator="avg", readonly=True)
    is_below_target = fields.Boolean(string="Below Target", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True)

    _sql_constraints = [
        (
            "position_month_uniq",
            "UNIQUE(project_stakeholder_id, month)",
            "A position has one snapshot per month.",
        ),
    ]

    @api.depends("project_stakeholder_id", "month")
    def _compute_display_name(self):
        for snapshot in self:
            month = snapshot.month.strftime("%Y-%m") if snapshot.month else ""
            snapshot.display_name = (
                f"{snapshot.project_stakeholder_id.display_name} {month}".strip()
            )

    @api.model
    def _upsert_month(self, month, project_ids=None):
        """This month's row of every position (of ``project_ids``), in one
        statement whatever the number of positions."""
        self.env["hr.project.stakeholder"].flush_model()
        self.flush_model()
        in_scope = (
            SQL("TRUE")
            if project_ids is None
            else SQL("position.project_id = ANY(%s)", list(project_ids))
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_project_stakeholder_snapshot (
                    project_stakeholder_id, project_id, stakeholder_id, month,
                    attitude, target_attitude, support, influence, interest,
                    is_below_target, company_id,
                    create_uid, create_date, write_uid, write_date)
                SELECT position.id, position.project_id, position.stakeholder_id,
                       %(month)s, position.attitude, position.target_attitude,
                       %(support)s, position.influence, position.interest,
                       COALESCE(position.is_below_target, FALSE),
                       position.company_id,
                       %(uid)s, NOW() AT TIME ZONE 'UTC',
                       %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM hr_project_stakeholder position
                 WHERE %(in_scope)s
                ON CONFLICT (project_stakeholder_id, month) DO UPDATE
                   SET attitude = EXCLUDED.attitude,
                       target_attitude = EXCLUDED.target_attitude,
                       support = EXCLUDED.support,
                       influence = EXCLUDED.influence,
                       interest = EXCLUDED.interest,
                       is_below_target = EXCLUDED.is_below_target,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                month=month,
                support=attitude_support_sql(SQL("position.attitude")),
                uid=self.env.uid,
                in_scope=in_scope,
            )
        )
        self.invalidate_model()
