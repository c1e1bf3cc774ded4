# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

from .hr_project_stakeholder_snapshot import attitude_support_sql
from .hr_relationship_snapshot_mixin import monthly_unique


class HrProjectSupportSnapshot(models.Model):
    """Support for one HR project in one month, so that a graph shows
    whether the project gains or loses support. The daily job below scores
    every project and keeps this month's rows up to date."""

    _name = "hr.project.support.snapshot"
    _inherit = ["hr.relationship.snapshot.mixin"]
    _description = "HR Project Support History"
    _snapshot_targets = ("project_id",)

    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    support_index = fields.Float(
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        help="Influence-weighted share of champions and supporters minus "
        "sceptics and blockers, from -100 to 100.",
    )
    stakeholder_count = fields.Integer(string="Stakeholders", readonly=True)
    below_target_count = fields.Integer(string="Below Target", readonly=True)
    company_id = fields.Many2one(required=False, readonly=True)

    _project_month_uniq = monthly_unique(
        "project_id", "A project has one support snapshot per month."
    )

    @api.model
    def _cron_refresh_project_support(self, project_ids=None):
        """Daily job: the support index of every project (or of
        ``project_ids``) and this month's history of the projects and of each
        position. A fixed number of statements per batch of projects (see
        hr.relationship.job.progress), whatever their positions."""
        if project_ids is not None:
            return self._refresh_project_support(project_ids)
        Project = self.env["project.project"]
        self.env["hr.relationship.job.progress"]._run_batches(
            "project_support",
            [(Project._name, Project, None, self._refresh_project_support)],
        )

    @api.model
    def _refresh_project_support(self, project_ids):
        """The support index and this month's history of these projects and
        of their positions."""
        month = self._snapshot_month()
        Project = self.env["project.project"]
        self.env["hr.project.stakeholder"].flush_model()
        Project.flush_model(["hr_support_index", "hr_below_target_count", "company_id"])
        self.flush_model()
        in_scope = SQL("project.id = ANY(%s)", list(project_ids))
        columns = [
            "support_index",
            "stakeholder_count",
            "below_target_count",
            "company_id",
        ]
        # Projects without positions have nothing to score and no history.
        self.env.cr.execute(
            SQL(
                """
                WITH scores AS (
                    SELECT position.project_id,
                           COUNT(*) AS stakeholders,
                           COUNT(*) FILTER (WHERE position.is_below_target)
                               AS below_target,
                           ROUND((100.0 * SUM(%(support)s * position.influence)
                                  / NULLIF(SUM(position.influence), 0))::numeric,
                                 1) AS score
                      FROM hr_project_stakeholder position
                     WHERE position.project_id = ANY(%(ids)s)
                     GROUP BY position.project_id
                ), updated AS (
                    UPDATE project_project project
                       SET hr_support_index = COALESCE(scores.score, 0),
                           hr_below_target_count = COALESCE(scores.below_target, 0)
                      FROM project_project scope
                 LEFT JOIN scores ON scores.project_id = scope.id
                     WHERE project.id = scope.id
                       AND %(in_scope)s
                       AND (project.hr_support_index
                                IS DISTINCT FROM COALESCE(scores.score, 0)
                            OR project.hr_below_target_count
                                IS DISTINCT FROM COALESCE(scores.below_target, 0))
                )
                %(upsert)s
                """,
                support=attitude_support_sql(SQL("position.attitude")),
                ids=list(project_ids),
                in_scope=in_scope,
                upsert=self._snapshot_upsert_sql(
                    "project_id",
                    month,
                    columns,
                    SQL(
                        """
                        SELECT project.id, COALESCE(scores.score, 0),
                               scores.stakeholders, scores.below_target,
                               project.company_id
                          FROM scores
                          JOIN project_project project
                            ON project.id = scores.project_id
                         WHERE %s
                        """,
                        in_scope,
                    ),
                    updated=columns,
                ),
            )
        )
        Project.invalidate_model(
            ["hr_support_index", "hr_below_target_count"], flush=False
        )
        self.invalidate_model()
        self.env["hr.project.stakeholder.snapshot"]._upsert_month(month, project_ids)
