# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter, defaultdict

from odoo import Command, api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools.anonymity import min_group_size, withheld_groups
from ..tools.sql_names import m2m_table

# CSAT counts 4 and 5 on the 1-5 satisfaction scale as satisfied; NPS counts
# 9-10 as promoters and 0-6 as detractors on the 0-10 recommendation scale.
CSAT_SATISFIED_MIN = 4
SATISFACTION_MIN, SATISFACTION_MAX = 1, 5
NPS_PROMOTER_MIN = 9
NPS_DETRACTOR_MAX = 6
ALL_ROLES = (
    "satisfaction",
    "recommendation",
    "service_importance",
    "service_performance",
)
STAKEHOLDER_ROLES = ("satisfaction", "recommendation")
# Result scope and the field of answer lines that groups its per-service
# ratings; internal clients are those the answer keeps of its person. The
# figures of every scope come from one statement, _figures_sql; a
# stakeholder's result has no per-service lines.
RESULT_SCOPES = (
    ("campaign", None),
    ("internal_client", "hr_internal_client_ids"),
)
# The figures of a result, as _figures_sql names its columns.
FIGURES = (
    "invited_count",
    "responded_count",
    "response_rate",
    "satisfaction_count",
    "mean_satisfaction",
    "satisfaction_index",
    "csat",
    "recommendation_count",
    "promoter_count",
    "passive_count",
    "detractor_count",
    "nps",
)
LATEST_FIELDS = ["latest_satisfaction_index", "latest_nps", "latest_survey_date"]
# What a withheld result keeps no value of: every figure made from answers.
# Invited and responded counts stay, they tell participation, not opinion.
WITHHELD_FIGURES = (
    "satisfaction_count",
    "mean_satisfaction",
    "satisfaction_index",
    "csat",
    "recommendation_count",
    "promoter_count",
    "passive_count",
    "detractor_count",
    "nps",
)


def _bucket(buckets, scope, campaign, target):
    """The figures and per-service tallies of the result a grouped row counts
    in, or None when it counts in none (a client outside the campaign, an
    answer without one)."""
    if scope == "campaign":
        target = None
    elif not target or (
        scope == "internal_client" and target not in campaign.internal_client_ids
    ):
        return None
    return buckets.setdefault(
        (campaign, scope, target), {"figures": {}, "values": defaultdict(Counter)}
    )


def _mean(histogram):
    count = histogram.total()
    if not count:
        return False
    return sum(value * n for value, n in histogram.items()) / count


class HrSatisfactionResult(models.Model):
    """Stored outcome of a closed campaign, for the whole campaign, per
    internal client and (when not anonymous) per stakeholder."""

    _name = "hr.satisfaction.result"
    _inherit = ["hr.satisfaction.withheld.mixin"]
    _description = "HR Customer-Value Survey Result"
    _order = "date desc, campaign_id, scope, id"
    _rec_name = "campaign_id"

    campaign_id = fields.Many2one(
        "hr.satisfaction.survey", required=True, ondelete="cascade", index=True
    )
    # Copied from the campaign when the results are made, not related, so
    # that storing thousands of results costs no extra write per row.
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Date(required=True, help="The day the campaign was closed.")
    scope = fields.Selection(
        [
            ("campaign", "Whole Campaign"),
            ("internal_client", "Internal Client"),
            ("stakeholder", "Stakeholder"),
        ],
        required=True,
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client", ondelete="cascade", index="btree_not_null"
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder", ondelete="cascade", index="btree_not_null"
    )
    invited_count = fields.Integer(string="Invited")
    responded_count = fields.Integer(string="Responded")
    response_rate = fields.Float(aggregator="avg", digits=(5, 1), help="In percent.")
    satisfaction_count = fields.Integer(string="Satisfaction Answers")
    mean_satisfaction = fields.Float(aggregator="avg", digits=(3, 2))
    satisfaction_index = fields.Float(
        aggregator="avg",
        digits=(5, 1),
        help="Mean satisfaction rescaled from 1-5 to 0-100.",
    )
    csat = fields.Float(
        string="CSAT",
        aggregator="avg",
        digits=(5, 1),
        help="Share of satisfaction answers of 4 or 5, in percent.",
    )
    recommendation_count = fields.Integer(string="Recommendation Answers")
    promoter_count = fields.Integer(string="Promoters")
    passive_count = fields.Integer(string="Passives")
    detractor_count = fields.Integer(string="Detractors")
    nps = fields.Float(
        string="NPS",
        aggregator="avg",
        digits=(5, 1),
        help="Promoters (9-10) minus detractors (0-6), in percent of answers.",
    )
    service_result_ids = fields.One2many(
        "hr.satisfaction.service.result", "result_id", string="Per HR Service"
    )

    # Administrators may correct results by hand; the scales stay the scales.
    # SQL checks hold for the set-based writes too and cost no query.
    _counts_positive = models.Constraint(
        "CHECK(invited_count >= 0 AND responded_count >= 0 AND "
        "satisfaction_count >= 0 AND recommendation_count >= 0 AND "
        "promoter_count >= 0 AND passive_count >= 0 AND detractor_count >= 0)",
        "Result counts cannot be negative.",
    )
    _percentages_range = models.Constraint(
        "CHECK(response_rate BETWEEN 0 AND 100 AND csat BETWEEN 0 AND 100 AND "
        "satisfaction_index BETWEEN 0 AND 100)",
        "Response rate, CSAT and satisfaction index are between 0 and 100.",
    )
    _mean_satisfaction_range = models.Constraint(
        "CHECK(mean_satisfaction BETWEEN 0 AND 5)",
        "Mean satisfaction is on the 1-5 scale (0 when nobody answered).",
    )
    _nps_range = models.Constraint(
        "CHECK(nps BETWEEN -100 AND 100)",
        "NPS is between -100 and 100.",
    )

    @api.depends("scope", "internal_client_id", "stakeholder_id", "campaign_id")
    def _compute_display_name(self):
        for result in self:
            target = result.stakeholder_id or result.internal_client_id
            result.display_name = (
                f"{result.campaign_id.name} - {target.display_name}"
                if target
                else result.campaign_id.name
            )

    @api.model
    def _customer_value_domain(self):
        """The results that tell HR's customer value: those of whole
        campaigns among internal clients (candidates are no customers of
        HR), which the overview's trend and the digest read."""
        return Domain(
            [
                ("scope", "=", "campaign"),
                ("campaign_id.audience", "=", "internal_clients"),
            ]
        )

    # ------------------------------------------------------------
    # Computation from survey answers
    # ------------------------------------------------------------

    @api.model
    def _compute_for_campaigns(self, campaigns):
        """Replace the results of ``campaigns`` from their survey answers.

        One statement gives the figures of the campaigns and of their
        internal clients (_figures_sql, which makes each stakeholder's too),
        and a grouped query per scope the per-service ratings, by target,
        role, service and value: rows are bounded by targets times questions
        times scale values, whatever the number of answers; Python only folds
        them into result values. The per-stakeholder results, one per
        respondent, are made in SQL."""
        # Flushed up front: the per-stakeholder SQL reads answers, campaigns
        # and results, and a flush between the unlink and the create would
        # recompute the clients' latest figures twice.
        self.env.flush_all()
        self.search(
            [("campaign_id", "in", campaigns.ids), ("scope", "!=", "stakeholder")]
        ).unlink()
        # After unlink, which empties the whole cache.
        stakeholder_results = self._replace_stakeholder_results(campaigns)
        Line = self.env["survey.user_input.line"].sudo()
        buckets = {}
        # Every campaign and client gets a row, answered or not.
        keys = {}
        for campaign in campaigns:
            _bucket(buckets, "campaign", campaign, None)
            keys[campaign.id, "campaign", campaign.id] = (campaign, "campaign", None)
            for client in campaign.internal_client_ids:
                _bucket(buckets, "internal_client", campaign, client)
                keys[campaign.id, "internal_client", client.id] = (
                    campaign,
                    "internal_client",
                    client,
                )
        client_pairs = [
            (campaign.id, client.id)
            for campaign, scope, client in keys.values()
            if scope == "internal_client"
        ]
        self.env.cr.execute(
            SQL(" UNION ALL ").join(
                SQL(
                    "SELECT %s AS scope, figures.* FROM (%s) figures",
                    scope,
                    self._figures_sql(scope, campaigns.ids, client_pairs),
                )
                for scope, __ in RESULT_SCOPES
            )
        )
        for row in self.env.cr.dictfetchall():
            key = keys[row.pop("campaign_id"), row.pop("scope"), row.pop("target_id")]
            buckets[key]["figures"] = row
        for scope, target_field in RESULT_SCOPES:
            target = [target_field] if target_field else []
            for campaign, *rest, role, service, value, count in Line._read_group(
                [
                    ("hr_campaign_id", "in", campaigns.ids),
                    ("user_input_id.state", "=", "done"),
                    ("user_input_id.test_entry", "=", False),
                    ("skipped", "=", False),
                    ("answer_type", "=", "scale"),
                    ("hr_metric_role", "in", ALL_ROLES),
                    ("hr_service_id", "!=", False),
                ],
                ["hr_campaign_id", *target, "hr_metric_role", "hr_service_id"]
                + ["value_scale"],
                ["__count"],
            ):
                if found := _bucket(buckets, scope, campaign, rest and rest[0]):
                    found["values"][(role, service)][value] += count
        results = stakeholder_results | self.create(
            [
                self._result_values(campaign, scope, target, values)
                for (campaign, scope, target), values in buckets.items()
            ]
        )
        self._withhold_small_groups(campaigns, min_group_size(self.env))
        self._blank_unanswered(results)
        # After the withholding: the themes follow the withheld groups.
        self.env["hr.satisfaction.theme"]._compute_for_campaigns(campaigns)
        return results

    @api.model
    def _blank_unanswered(self, results):
        """A figure nobody answered for is unknown, not 0: store NULL, which
        the lists show empty and grouped reports leave out of averages (the
        ORM would store 0)."""
        if not results:
            return
        Service = self.env["hr.satisfaction.service.result"]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_satisfaction_result
                   SET csat = CASE WHEN satisfaction_count > 0 THEN csat END,
                       mean_satisfaction = CASE WHEN satisfaction_count > 0
                                                THEN mean_satisfaction END,
                       satisfaction_index = CASE WHEN satisfaction_count > 0
                                                 THEN satisfaction_index END,
                       nps = CASE WHEN recommendation_count > 0 THEN nps END,
                       response_rate = CASE WHEN invited_count > 0
                                            THEN response_rate END
                 WHERE id = ANY(%(ids)s)
                   AND (satisfaction_count = 0 OR recommendation_count = 0
                        OR invited_count = 0)
                """,
                ids=results.ids,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_satisfaction_service_result
                   SET importance_mean = CASE WHEN importance_count > 0
                                              THEN importance_mean END,
                       performance_mean = CASE WHEN performance_count > 0
                                               THEN performance_mean END,
                       gap = CASE WHEN importance_count > 0
                                   AND performance_count > 0 THEN gap END
                 WHERE result_id = ANY(%(ids)s)
                   AND (importance_count = 0 OR performance_count = 0)
                """,
                ids=results.ids,
            )
        )
        self.invalidate_model(
            ["csat", "mean_satisfaction", "satisfaction_index", "nps", "response_rate"]
        )
        Service.invalidate_model(["importance_mean", "performance_mean", "gap"])

    @api.model
    def _replace_stakeholder_results(self, campaigns):
        """Replace the per-stakeholder results of the named ``campaigns``;
        return the results (the stakeholders' latest figures are read from
        them, see hr.stakeholder).

        In SQL rather than the ORM: there is one result per respondent, and
        creating them took a query per hundred rows (1,323 queries and 48 s for 50,000
        answers, see bench/bench_survey_results.py). The figures are
        _figures_sql's, as for the campaign and its internal clients.
        Expects pending ORM writes flushed, as _compute_for_campaigns does."""
        # No per-person scores for anonymous campaigns, not even stored; their
        # anonymity is locked before they can have any result.
        campaigns = campaigns.filtered(lambda c: not c.anonymous)
        if not campaigns:
            return self.browse()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                DELETE FROM hr_satisfaction_result
                 WHERE campaign_id = ANY(%(campaigns)s) AND scope = 'stakeholder'
                """,
                campaigns=campaigns.ids,
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO hr_satisfaction_result (
                    campaign_id, company_id, date, scope, stakeholder_id,
                    %(figures)s,
                    create_uid, create_date, write_uid, write_date
                )
                SELECT c.id, c.company_id, COALESCE(c.closed_date, %(today)s),
                       'stakeholder', figures.target_id,
                       %(figures)s,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM (%(select)s) figures
                  JOIN hr_satisfaction_survey c ON c.id = figures.campaign_id
              ORDER BY c.create_date DESC, c.id DESC, figures.target_id
             RETURNING id, stakeholder_id
                """,
                figures=SQL(", ").join(map(SQL.identifier, FIGURES)),
                select=self._figures_sql("stakeholder", campaigns.ids),
                today=fields.Date.context_today(self),
                uid=self.env.uid,
                now=cr.now(),
            )
        )
        rows = cr.fetchall()
        self.invalidate_model(flush=False)
        self.env["hr.satisfaction.survey"].invalidate_model(["result_ids"], flush=False)
        self.env["hr.stakeholder"].invalidate_model(
            ["satisfaction_result_ids", *LATEST_FIELDS], flush=False
        )
        return self.browse([result_id for result_id, __ in rows])

    @api.model
    def _figures_sql(self, scope, campaign_ids, client_pairs=()):
        """The one formula of a result's figures: a query of rows
        (campaign_id, target_id, *FIGURES), one per target of ``scope`` in
        the campaigns ``campaign_ids``. The targets are, per scope, the
        campaign itself (target_id is the campaign's id), each internal
        client of ``client_pairs`` ((campaign id, client id) pairs, answered
        or not) and each stakeholder invited. Rounded as the ORM stores the
        figures; one nobody answered for is 0, as the ORM stores an empty
        number (_blank_unanswered makes it NULL). Per-service ratings do not
        count here, see hr.satisfaction.service.result.
        Expects pending ORM writes flushed."""
        if scope == "campaign":
            target = SQL("a.hr_campaign_id")
            join = where = SQL()
            targets = SQL(
                "SELECT id AS campaign_id, id AS target_id"
                " FROM unnest(%s::int[]) AS id",
                list(campaign_ids),
            )
        elif scope == "internal_client":
            link = self.env["survey.user_input"]._fields["hr_internal_client_ids"]
            target = SQL("link.%s", SQL.identifier(link.column2))
            join = SQL(
                "JOIN %s link ON link.%s = a.id",
                m2m_table(self.env, "survey.user_input", "hr_internal_client_ids"),
                SQL.identifier(link.column1),
            )
            where = SQL()
            targets = SQL(
                "SELECT * FROM unnest(%s::int[], %s::int[])"
                " AS pair(campaign_id, target_id)",
                [campaign_id for campaign_id, __ in client_pairs],
                [client_id for __, client_id in client_pairs],
            )
        else:
            target = SQL("a.hr_stakeholder_id")
            join = SQL()
            where = SQL("AND a.hr_stakeholder_id IS NOT NULL")
            targets = SQL("SELECT campaign_id, target_id FROM answers")
        return SQL(
            """
            WITH inputs AS NOT MATERIALIZED (
                -- Inlined where read, so that the planner sees its rows.
                SELECT a.id, a.hr_campaign_id AS campaign_id,
                       %(target)s AS target_id, a.state
                  FROM survey_user_input a
                  %(join)s
                 WHERE a.hr_campaign_id = ANY(%(campaigns)s)
                   AND a.test_entry IS NOT TRUE
                   %(where)s
            ), answers AS (
                SELECT campaign_id, target_id,
                       COUNT(*) AS invited,
                       COUNT(*) FILTER (WHERE state = 'done') AS responded
                  FROM inputs
              GROUP BY 1, 2
            ), lines AS (
                SELECT i.campaign_id, i.target_id,
                       q.hr_metric_role AS role,
                       COALESCE(l.value_scale, 0) AS value
                  FROM inputs i
                  JOIN survey_user_input_line l ON l.user_input_id = i.id
                  JOIN survey_question q ON q.id = l.question_id
                 WHERE i.state = 'done'
                   AND l.skipped IS NOT TRUE
                   AND l.answer_type = 'scale'
                   AND q.hr_metric_role = ANY(%(roles)s)
                   AND q.hr_service_id IS NULL
            ), scores AS (
                SELECT campaign_id, target_id,
                       COUNT(*) FILTER (WHERE role = 'satisfaction') AS sat_count,
                       AVG(value) FILTER (WHERE role = 'satisfaction') AS sat_mean,
                       COUNT(*) FILTER (
                           WHERE role = 'satisfaction' AND value >= %(satisfied)s
                       ) AS satisfied,
                       COUNT(*) FILTER (WHERE role = 'recommendation') AS rec_count,
                       COUNT(*) FILTER (
                           WHERE role = 'recommendation' AND value >= %(promoter)s
                       ) AS promoters,
                       COUNT(*) FILTER (
                           WHERE role = 'recommendation' AND value <= %(detractor)s
                       ) AS detractors
                  FROM lines
              GROUP BY 1, 2
            ), targets AS (%(targets)s)
            SELECT t.campaign_id, t.target_id,
                   COALESCE(a.invited, 0) AS invited_count,
                   COALESCE(a.responded, 0) AS responded_count,
                   COALESCE(ROUND(
                       100.0 * a.responded / NULLIF(a.invited, 0), 1
                   ), 0) AS response_rate,
                   COALESCE(s.sat_count, 0) AS satisfaction_count,
                   COALESCE(ROUND(s.sat_mean, 2), 0) AS mean_satisfaction,
                   COALESCE(ROUND(
                       100.0 * (s.sat_mean - %(sat_min)s) / %(sat_range)s, 1
                   ), 0) AS satisfaction_index,
                   COALESCE(ROUND(
                       100.0 * s.satisfied / NULLIF(s.sat_count, 0), 1
                   ), 0) AS csat,
                   COALESCE(s.rec_count, 0) AS recommendation_count,
                   COALESCE(s.promoters, 0) AS promoter_count,
                   COALESCE(s.rec_count - s.promoters - s.detractors, 0)
                       AS passive_count,
                   COALESCE(s.detractors, 0) AS detractor_count,
                   COALESCE(ROUND(
                       100.0 * (s.promoters - s.detractors)
                       / NULLIF(s.rec_count, 0), 1
                   ), 0) AS nps
              FROM targets t
         LEFT JOIN answers a
                ON a.campaign_id = t.campaign_id AND a.target_id = t.target_id
         LEFT JOIN scores s
                ON s.campaign_id = t.campaign_id AND s.target_id = t.target_id
            """,
            target=target,
            join=join,
            where=where,
            targets=targets,
            campaigns=list(campaign_ids),
            roles=list(STAKEHOLDER_ROLES),
            satisfied=CSAT_SATISFIED_MIN,
            promoter=NPS_PROMOTER_MIN,
            detractor=NPS_DETRACTOR_MAX,
            sat_min=SATISFACTION_MIN,
            sat_range=SATISFACTION_MAX - SATISFACTION_MIN,
        )

    @api.model
    def _result_values(self, campaign, scope, target, bucket):
        """The values of a result: the figures of _figures_sql and the lines
        per HR service from their tallies."""
        services = defaultdict(dict)
        for (role, service), histogram in bucket["values"].items():
            services[service][role] = histogram
        service_lines = []
        date = campaign.closed_date or fields.Date.context_today(self)
        client = (
            target if scope == "internal_client" else self.env["hr.internal.client"]
        )
        for service, by_role in services.items():
            importance = by_role.get("service_importance", Counter())
            performance = by_role.get("service_performance", Counter())
            both = importance.total() and performance.total()
            service_lines.append(
                Command.create(
                    {
                        "service_id": service.id,
                        "campaign_id": campaign.id,
                        "company_id": campaign.company_id.id,
                        "scope": scope,
                        "internal_client_id": client.id,
                        "date": date,
                        "importance_count": importance.total(),
                        "performance_count": performance.total(),
                        "importance_mean": _mean(importance),
                        "performance_mean": _mean(performance),
                        "gap": _mean(importance) - _mean(performance)
                        if both
                        else False,
                    }
                )
            )
        return {
            "campaign_id": campaign.id,
            "company_id": campaign.company_id.id,
            "date": date,
            "scope": scope,
            "internal_client_id": client.id,
            **bucket["figures"],
            "service_result_ids": service_lines,
        }

    # ------------------------------------------------------------
    # Minimum group size of anonymous campaigns
    # ------------------------------------------------------------

    @api.model
    def _respondents_by_clients(self, campaigns):
        """Respondents of ``campaigns`` counted per set of the campaign's
        internal clients they belong to, overall (service None) and per HR
        service they rated: {(campaign id, service id): {frozenset: count}}.
        Rows are bounded by the combinations of clients, not by answers."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT a.hr_campaign_id, clients.ids, rated.service_id, COUNT(*)
                  FROM survey_user_input a
            CROSS JOIN LATERAL (
                           SELECT COALESCE(ARRAY_AGG(rel.internal_client_id),
                                           '{}') AS ids
                             FROM %(client_rel)s rel
                             JOIN %(campaign_client_rel)s camp
                               ON camp.internal_client_id = rel.internal_client_id
                              AND camp.campaign_id = a.hr_campaign_id
                            WHERE rel.user_input_id = a.id
                       ) clients
            CROSS JOIN LATERAL (
                           SELECT NULL::integer AS service_id
                            UNION
                           SELECT q.hr_service_id
                             FROM survey_user_input_line l
                             JOIN survey_question q ON q.id = l.question_id
                            WHERE l.user_input_id = a.id
                              AND l.skipped IS NOT TRUE
                              AND l.answer_type = 'scale'
                              AND q.hr_metric_role = ANY(%(roles)s)
                              AND q.hr_service_id IS NOT NULL
                       ) rated
                 WHERE a.hr_campaign_id = ANY(%(campaigns)s)
                   AND a.state = 'done'
                   AND a.test_entry IS NOT TRUE
              GROUP BY 1, 2, 3
                """,
                client_rel=m2m_table(
                    self.env, "survey.user_input", "hr_internal_client_ids"
                ),
                campaign_client_rel=m2m_table(
                    self.env, "hr.satisfaction.survey", "internal_client_ids"
                ),
                campaigns=campaigns.ids,
                roles=list(ALL_ROLES),
            )
        )
        counts = defaultdict(Counter)
        for campaign_id, client_ids, service_id, count in self.env.cr.fetchall():
            counts[campaign_id, service_id][frozenset(client_ids)] += count
        return counts

    @api.model
    def _withhold_small_groups(self, campaigns, min_group):
        """Withhold the figures of the anonymous ``campaigns`` that come from
        fewer than ``min_group`` respondents, or that would reveal such a
        group by subtraction (see withheld_groups), whole campaign, per
        internal client and per HR service. A withheld result stores no
        figure at all (NULL, which grouped reports leave out of sums and
        averages), so that no way of reading can rebuild it; results already
        withheld stay so. Returns the results and service results withheld."""
        campaigns = campaigns.filtered("anonymous")
        results = self.search(
            [("campaign_id", "in", campaigns.ids), ("scope", "!=", "stakeholder")]
        )
        if not results:
            return results, results.service_result_ids
        counts = self._respondents_by_clients(campaigns)

        def few(*numbers):
            return any(0 < (number or 0) < min_group for number in numbers)

        reasons = {}
        for result in results:
            if result.withheld:
                reasons[result] = result.withheld
            elif result.responded_count < min_group or few(
                result.satisfaction_count, result.recommendation_count
            ):
                reasons[result] = "small_group"
            for line in result.service_result_ids:
                if line.withheld:
                    reasons[line] = line.withheld
                elif result in reasons or few(
                    line.importance_count, line.performance_count
                ):
                    reasons[line] = "small_group"
        by_campaign = results.grouped("campaign_id")
        for campaign in campaigns:
            rows = by_campaign.get(campaign, self.browse())
            clients = rows.filtered("internal_client_id")
            out = {r.internal_client_id.id for r in clients if r in reasons}
            __, __, out = withheld_groups(counts[campaign.id, None], out, min_group)
            for row in clients:
                if row.internal_client_id.id in out:
                    reasons.setdefault(row, "complement")
            lines = rows.service_result_ids
            for service, service_lines in lines.grouped("service_id").items():
                service_out = {
                    line.internal_client_id.id
                    for line in service_lines
                    if line.internal_client_id and line in reasons
                } | out
                whole, too_few, service_out = withheld_groups(
                    counts[campaign.id, service.id], service_out, min_group
                )
                for line in service_lines:
                    client = line.internal_client_id.id
                    if whole or client in too_few:
                        reasons.setdefault(line, "small_group")
                    elif client in service_out:
                        reasons.setdefault(line, "complement")
        return self._store_withheld(reasons, min_group)

    @api.model
    def _withhold_closed_anonymous(self):
        """Apply the current minimum group size to every closed anonymous
        campaign, its results and themes: after the setting is raised, and on
        each update of the app, so that results stored before it existed are
        withheld too."""
        campaigns = (
            self.env["hr.satisfaction.survey"]
            .sudo()
            .with_context(active_test=False)
            .search([("anonymous", "=", True), ("state", "=", "closed")])
        )
        min_group = min_group_size(self.env)
        withheld = self.sudo()._withhold_small_groups(campaigns, min_group)
        self.env["hr.satisfaction.theme"].sudo()._withhold_closed_anonymous(min_group)
        return withheld

    @api.model
    def _store_withheld(self, reasons, min_group):
        """Mark the records of ``reasons`` (results and service results) as
        withheld and empty their figures in the database."""
        withheld = {}
        for record, reason in reasons.items():
            if not record.withheld:
                withheld.setdefault((record._name, reason), []).append(record.id)
        done = {}
        for (model_name, reason), ids in withheld.items():
            records = self.env[model_name].browse(ids)
            # Through the ORM, so that the clients' latest figures follow.
            records.write({"withheld": reason, "min_group_size": min_group})
            done[model_name] = done.get(model_name, records.browse()) | records
        for model_name, records in done.items():
            Model = self.env[model_name]
            Model.flush_model()
            # The ORM stores an empty number as 0, which averages would count.
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s WHERE id = ANY(%s)",
                    SQL.identifier(Model._table),
                    SQL(", ").join(
                        SQL("%s = NULL", SQL.identifier(fname))
                        for fname in Model._withheld_figures()
                    ),
                    records.ids,
                )
            )
            Model.invalidate_model(list(Model._withheld_figures()), flush=False)
        return (
            done.get(self._name, self.browse()),
            done.get(
                "hr.satisfaction.service.result",
                self.env["hr.satisfaction.service.result"],
            ),
        )

    @api.model
    def _withheld_figures(self):
        return WITHHELD_FIGURES

    # ------------------------------------------------------------
    # Latest figures for stakeholders and internal clients
    # ------------------------------------------------------------

    @api.model
    def _assign_latest(
        self, records, link_field, satisfaction_field, readable_only=False
    ):
        """Set latest_<satisfaction_field>, latest_nps and latest_survey_date on
        ``records`` from their newest answered results, in one query; with
        ``readable_only``, from those the current user may read. Each figure
        comes from the newest result that measured it: a pulse asks no
        recommendation and leaves the latest NPS as it was."""
        latest, satisfaction, nps = {}, {}, {}
        Result = self if readable_only else self.sudo()
        if records._origin.ids:
            for result in Result.search(
                [
                    (link_field, "in", records._origin.ids),
                    ("responded_count", ">", 0),
                    ("withheld", "=", False),
                ],
                order="date desc, id desc",
            ):
                key = result[link_field].id
                latest.setdefault(key, result)
                if result.satisfaction_count:
                    satisfaction.setdefault(key, result)
                if result.recommendation_count:
                    nps.setdefault(key, result)
        for record in records:
            key = record._origin.id
            record.latest_survey_date = latest[key].date if key in latest else False
            record[f"latest_{satisfaction_field}"] = (
                satisfaction[key][satisfaction_field] if key in satisfaction else False
            )
            record.latest_nps = nps[key].nps if key in nps else False
