# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class HrRelationshipReferralReport(models.Model):
    """One line per application a stakeholder referred: when, to which job
    and department, and how it ended.

    The referral counts of a stakeholder are figures every relationship role
    reads (hr_relationship_recruitment); the applications themselves are
    Recruitment's, which a relationship role need not be allowed to read.
    This analysis gives those roles the dates and outcomes the dashboard
    counts by month, and nothing that names the applicant: no name, contact,
    stage or reason of refusal."""

    _name = "hr.relationship.referral.report"
    _description = "Referral Analysis"
    _auto = False
    _rec_name = "stakeholder_id"
    _order = "referral_date desc, id desc"

    stakeholder_id = fields.Many2one(
        "hr.stakeholder", string="Referred by", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    referral_date = fields.Date(string="Referred On", readonly=True)
    hire_date = fields.Date(string="Hired On", readonly=True)
    outcome = fields.Selection(
        [
            ("ongoing", "Ongoing"),
            ("hired", "Hired"),
            ("refused", "Refused"),
            ("archived", "Archived"),
        ],
        readonly=True,
    )
    referral_count = fields.Integer(string="Referrals", readonly=True)
    hire_count = fields.Integer(
        string="Hires",
        readonly=True,
        help="1 for a referral that ended in a hire: the applications with a "
        "hire date, as the stakeholder's Hired Referrals count them.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Every referral, archived and refused ones included, as the
        # stakeholder's counts take them; a hire date makes a hire whatever
        # happened since, as those counts take it too.
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT a.id AS id,
                           a.referred_stakeholder_id AS stakeholder_id,
                           COALESCE(a.company_id, s.company_id) AS company_id,
                           a.department_id AS department_id,
                           a.job_id AS job_id,
                           a.create_date::date AS referral_date,
                           a.date_closed::date AS hire_date,
                           CASE
                               WHEN a.date_closed IS NOT NULL THEN 'hired'
                               WHEN a.refuse_reason_id IS NOT NULL THEN 'refused'
                               WHEN NOT a.active THEN 'archived'
                               ELSE 'ongoing'
                           END AS outcome,
                           1 AS referral_count,
                           (a.date_closed IS NOT NULL)::int AS hire_count
                      FROM hr_applicant a
                      JOIN hr_stakeholder s ON s.id = a.referred_stakeholder_id
                )
                """,
                table=SQL.identifier(self._table),
            )
        )
