# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools.groups import RELATIONSHIP_MANAGER
from ..tools.record_check import checked_records
from .hr_stakeholder import HIGH_SCORE


class HrRelationshipPortfolio(models.Model):
    """The relationships one HR colleague carries in one company, with the
    figures a coaching conversation starts from. Rows and figures are written
    by the daily network refresh (hr.relationship.network)."""

    _name = "hr.relationship.portfolio"
    _description = "HR Relationship Portfolio"
    _inherit = ["mail.thread"]
    _order = "key_person_count desc, user_id, id"
    _rec_name = "user_id"
    # Coachee and coach leave notes in the chatter; nobody edits the figures.
    _mail_post_access = "read"

    user_id = fields.Many2one(
        "res.users", string="HR Colleague", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    employee_id = fields.Many2one("hr.employee", readonly=True, index="btree_not_null")
    coach_user_id = fields.Many2one(
        "res.users",
        string="Coach",
        related="employee_id.coach_id.user_id",
        store=True,
        index="btree_not_null",
        help="The user of the employee's coach, who may read this portfolio.",
    )
    stakeholder_count = fields.Integer(
        string="Stakeholders Owned", readonly=True, aggregator="sum"
    )
    client_count = fields.Integer(
        string="Clients Partnered", readonly=True, aggregator="sum"
    )
    interaction_count = fields.Integer(
        string="Recent Interactions",
        readonly=True,
        aggregator="sum",
        help="Interactions logged in the network window of the settings.",
    )
    overdue_count = fields.Integer(
        string="Overdue Contacts",
        readonly=True,
        aggregator="sum",
        help="Owned stakeholders whose next planned contact has passed.",
    )
    at_risk_count = fields.Integer(
        string="At-Risk Relationships",
        readonly=True,
        aggregator="sum",
        help="Owned stakeholders and partnered clients whose health is at risk.",
    )
    coverage = fields.Float(
        string="Coverage (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Share of the owned high-influence stakeholders that HR contacted "
        "within their cadence; empty when there are none.",
    )
    key_stakeholder_count = fields.Integer(
        string="Only Link to Stakeholders",
        readonly=True,
        aggregator="sum",
        help="Stakeholders only this colleague is in contact with.",
    )
    key_client_count = fields.Integer(
        string="Only Link to Clients",
        readonly=True,
        aggregator="sum",
        help="Internal clients only this colleague is in contact with.",
    )
    key_person_count = fields.Integer(
        string="Key-Person Risk",
        readonly=True,
        aggregator="sum",
        help="If this colleague leaves, this many relationships have no HR contact.",
    )
    brokerage = fields.Float(
        readonly=True,
        digits=(16, 4),
        aggregator="avg",
        help="Betweenness centrality in the network of HR colleagues, "
        "stakeholders and internal clients (0-1): how often this colleague "
        "lies on the shortest line between two others.",
    )
    refresh_date = fields.Date(string="Figures Of", readonly=True)
    coaching_ids = fields.One2many(
        "hr.relationship.interaction",
        "portfolio_id",
        string="Coaching Conversations",
    )
    coaching_count = fields.Integer(compute="_compute_coaching_count")
    can_hand_over = fields.Boolean(compute="_compute_can_hand_over")
    snapshot_ids = fields.One2many(
        "hr.relationship.portfolio.snapshot", "portfolio_id", string="Trend"
    )

    _user_company_uniq = models.Constraint(
        "unique(user_id, company_id)",
        "An HR colleague has one portfolio per company.",
    )

    @api.depends("coaching_ids")
    def _compute_coaching_count(self):
        counts = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("portfolio_id", "in", self.ids)], ["portfolio_id"], ["__count"]
            )
        )
        for portfolio in self:
            portfolio.coaching_count = counts.get(portfolio, 0)

    @api.depends_context("uid")
    def _compute_can_hand_over(self):
        Handover = self.env["hr.relationship.handover"]
        for portfolio in self:
            portfolio.can_hand_over = Handover._may_hand_over(portfolio.user_id)

    @api.model
    def _refresh_portfolios(self, today, since, brokerage):
        """Upsert one row per HR colleague and company who owns, partners or
        met anyone, in one statement; rows nobody carries any more drop to
        zero but stay, with their coaching history. Reads the stakeholder and
        client figures of the same refresh."""
        keys = list(brokerage)
        self.env.cr.execute(
            SQL(
                """
                WITH brokerage AS (
                    SELECT * FROM unnest(%(b_users)s::int[], %(b_companies)s::int[],
                                         %(b_values)s::float8[])
                           AS b(user_id, company_id, value)
                ), keys AS (
                    SELECT owner_id AS user_id, company_id FROM hr_stakeholder
                     WHERE active
                     UNION
                    SELECT hr_partner_id, company_id FROM hr_internal_client
                     WHERE active AND hr_partner_id IS NOT NULL
                     UNION
                    SELECT user_id, company_id FROM hr_relationship_interaction
                     WHERE date BETWEEN %(since)s AND %(today)s
                     UNION
                    SELECT user_id, company_id FROM brokerage
                     UNION
                    SELECT user_id, company_id FROM hr_relationship_portfolio
                ), owned AS (
                    SELECT owner_id AS user_id, company_id, COUNT(*) AS total,
                           COUNT(*) FILTER (WHERE next_contact_date < %(today)s)
                               AS overdue,
                           COUNT(*) FILTER (WHERE health_state = 'at_risk')
                               AS at_risk,
                           COUNT(*) FILTER (WHERE influence >= %(high)s
                                              AND contact_cadence_days > 0)
                               AS high,
                           COUNT(*) FILTER (WHERE coverage_gap) AS gaps
                      FROM hr_stakeholder
                     WHERE active
                     GROUP BY owner_id, company_id
                ), partnered AS (
                    SELECT hr_partner_id AS user_id, company_id, COUNT(*) AS total,
                           COUNT(*) FILTER (WHERE health_state = 'at_risk')
                               AS at_risk
                      FROM hr_internal_client
                     WHERE active AND hr_partner_id IS NOT NULL
                     GROUP BY hr_partner_id, company_id
                ), sole_stakeholder AS (
                    SELECT hr_sole_contact_id AS user_id, company_id, COUNT(*) AS total
                      FROM hr_stakeholder
                     WHERE active AND hr_sole_contact_id IS NOT NULL
                     GROUP BY hr_sole_contact_id, company_id
                ), sole_client AS (
                    SELECT hr_sole_contact_id AS user_id, company_id, COUNT(*) AS total
                      FROM hr_internal_client
                     WHERE active AND hr_sole_contact_id IS NOT NULL
                     GROUP BY hr_sole_contact_id, company_id
                ), recent AS (
                    SELECT user_id, company_id, COUNT(*) AS total
                      FROM hr_relationship_interaction
                     WHERE date BETWEEN %(since)s AND %(today)s
                     GROUP BY user_id, company_id
                ), employee AS (
                    SELECT DISTINCT ON (employee.user_id, employee.company_id)
                           employee.user_id, employee.company_id, employee.id,
                           coach.user_id AS coach_user_id
                      FROM hr_employee employee
                 LEFT JOIN hr_employee coach ON coach.id = employee.coach_id
                     WHERE employee.active AND employee.user_id IS NOT NULL
                     ORDER BY employee.user_id, employee.company_id, employee.id
                )
                INSERT INTO hr_relationship_portfolio (
                    user_id, company_id, employee_id, coach_user_id,
                    stakeholder_count, client_count, interaction_count,
                    overdue_count, at_risk_count, coverage, key_stakeholder_count,
                    key_client_count, key_person_count, brokerage, refresh_date,
                    create_uid, create_date, write_uid, write_date)
                SELECT keys.user_id, keys.company_id, employee.id,
                       employee.coach_user_id,
                       COALESCE(owned.total, 0), COALESCE(partnered.total, 0),
                       COALESCE(recent.total, 0), COALESCE(owned.overdue, 0),
                       COALESCE(owned.at_risk, 0) + COALESCE(partnered.at_risk, 0),
                       CASE WHEN owned.high > 0
                            THEN ROUND(100.0 * (owned.high - owned.gaps)
                                       / owned.high, 1)
                       END,
                       COALESCE(sole_stakeholder.total, 0),
                       COALESCE(sole_client.total, 0),
                       COALESCE(sole_stakeholder.total, 0)
                           + COALESCE(sole_client.total, 0),
                       COALESCE(brokerage.value, 0), %(today)s,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM keys
             LEFT JOIN employee USING (user_id, company_id)
             LEFT JOIN owned USING (user_id, company_id)
             LEFT JOIN partnered USING (user_id, company_id)
             LEFT JOIN sole_stakeholder USING (user_id, company_id)
             LEFT JOIN sole_client USING (user_id, company_id)
             LEFT JOIN recent USING (user_id, company_id)
             LEFT JOIN brokerage USING (user_id, company_id)
                 WHERE keys.user_id IN (SELECT id FROM res_users WHERE NOT share)
                ON CONFLICT (user_id, company_id) DO UPDATE SET
                    employee_id = EXCLUDED.employee_id,
                    coach_user_id = EXCLUDED.coach_user_id,
                    stakeholder_count = EXCLUDED.stakeholder_count,
                    client_count = EXCLUDED.client_count,
                    interaction_count = EXCLUDED.interaction_count,
                    overdue_count = EXCLUDED.overdue_count,
                    at_risk_count = EXCLUDED.at_risk_count,
                    coverage = EXCLUDED.coverage,
                    key_stakeholder_count = EXCLUDED.key_stakeholder_count,
                    key_client_count = EXCLUDED.key_client_count,
                    key_person_count = EXCLUDED.key_person_count,
                    brokerage = EXCLUDED.brokerage,
                    refresh_date = EXCLUDED.refresh_date,
                    write_uid = EXCLUDED.write_uid,
                    write_date = EXCLUDED.write_date
                """,
                b_users=[user_id for user_id, _company_id in keys],
                b_companies=[company_id for _user_id, company_id in keys],
                b_values=list(brokerage.values()),
                since=since,
                today=today,
                high=HIGH_SCORE,
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        self.invalidate_model(flush=False)
        self.env["hr.relationship.portfolio.snapshot"]._snapshot_portfolios(today)

    def _sole_domain(self):
        self.ensure_one()
        return [
            ("hr_sole_contact_id", "=", self.user_id.id),
            ("company_id", "=", self.company_id.id),
        ]

    @api.readonly
    def action_view_key_stakeholders(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Only %(name)s reaches them", name=self.user_id.name),
            "res_model": "hr.stakeholder",
            "view_mode": "list,form",
            "domain": self._sole_domain(),
        }

    @api.readonly
    def action_view_key_clients(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Only %(name)s reaches them", name=self.user_id.name),
            "res_model": "hr.internal.client",
            "view_mode": "list,form",
            "domain": self._sole_domain(),
        }

    @api.readonly
    def action_view_coaching(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_for(
            self.env._("Coaching of %(name)s", name=self.user_id.name),
            [("portfolio_id", "=", self.id)],
            {"default_portfolio_id": self.id, "default_interaction_type": "coaching"},
        )

    def action_log_coaching(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_log(
            {
                "default_portfolio_id": self.id,
                "default_interaction_type": "coaching",
                "default_company_id": self.company_id.id,
                "default_name": self.env._(
                    "Coaching conversation with %(name)s", name=self.user_id.name
                ),
            }
        )

    def action_refresh_network(self):
        """The administrators' button: the daily refresh, now."""
        checked_records(self)
        if not self.env.user.has_group(RELATIONSHIP_MANAGER):
            raise AccessError(
                self.env._("Only relationship administrators refresh the network.")
            )
        # The refresh writes every record's figures, beyond any one user's rules.
        self.env["hr.relationship.network"].sudo()._refresh_network()
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_hand_over(self):
        """The colleague's relationships, each with a suggested successor."""
        checked_records(self, single=True)
        action = self.env["hr.relationship.handover"]._open_for(
            self.user_id, self.company_id
        )
        if action:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(name)s carries no relationship to hand over.",
                    name=self.user_id.name,
                ),
            },
        }
