# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

HEALTH_STATES = [
    ("healthy", "Healthy"),
    ("attention", "Needs Attention"),
    ("at_risk", "At Risk"),
    # Nothing is known yet: no survey answer, contact or interaction to judge.
    ("not_scored", "Not Scored"),
]
# Settings (ir.config_parameter "hr_relationship.health_<key>") and their
# defaults, documented in readme/CONFIGURE.md.
HEALTH_PARAM_PREFIX = "hr_relationship.health_"
HEALTH_DEFAULTS = {
    "weight_satisfaction": 30,
    "weight_nps": 20,
    "weight_recency": 30,
    "weight_sentiment": 20,
    "healthy_min": 70,
    "at_risk_below": 40,
}
# Who gets a to-do when a relationship becomes at risk (a setting).
AT_RISK_ACTIVITY_PARAM = "hr_relationship.at_risk_activity"
AT_RISK_ACTIVITY_DEFAULT = "owner"
AT_RISK_ACTIVITY_RECIPIENTS = [
    ("none", "Nobody"),
    ("owner", "Relationship Owner"),
    ("hr_partner", "HR Business Partner"),
    ("both", "Owner and HR Business Partner"),
]
SENTIMENT_WINDOW_DAYS = 90
# Contact recency reaches 0 when the contact is this many cadences overdue.
RECENCY_ZERO_AFTER_CADENCES = 3

# What differs between the two kinds of relationship: the snapshot column,
# who owns the relationship, the activity type, and how interactions link.
HEALTH_TARGETS = {
    "hr.stakeholder": {
        "link": "stakeholder_id",
        "satisfaction": "satisfaction_index",
        "owner": "owner_id",
        "activity_type": "hr_relationship.mail_activity_type_health_stakeholder",
        "sentiment": """
            SELECT rel.stakeholder_id AS id, AVG(moment.sentiment_score) AS mean
              FROM hr_relationship_interaction_stakeholder_rel rel
              JOIN hr_relationship_interaction moment
                ON moment.id = rel.interaction_id
             WHERE rel.stakeholder_id IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
             GROUP BY rel.stakeholder_id
        """,
    },
    "hr.internal.client": {
        "link": "internal_client_id",
        "satisfaction": "csat",
        "owner": "hr_partner_id",
        "activity_type": "hr_relationship.mail_activity_type_health_client",
        "sentiment": """
            SELECT moment.internal_client_id AS id,
                   AVG(moment.sentiment_score) AS mean
              FROM hr_relationship_interaction moment
             WHERE moment.internal_client_id IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
             GROUP BY moment.internal_client_id
        """,
    },
}


class HrRelationshipHealthSnapshot(models.Model):
    """Health of one stakeholder or internal client in one month, so that
    graphs show how relationships develop. The daily refresh below computes
    health and keeps this month's row up to date."""

    _name = "hr.relationship.health.snapshot"
    _description = "HR Relationship Health Snapshot"
    _order = "month desc, id"

    stakeholder_id = fields.Many2one(
        "hr.stakeholder", ondelete="cascade", index="btree_not_null", readonly=True
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
    )
    month = fields.Date(
        required=True, readonly=True, help="First day of the month measured."
    )
    health_score = fields.Float(aggregator="avg", digits=(5, 1), readonly=True)
    health_state = fields.Selection(HEALTH_STATES, readonly=True)
    # A stakeholder's row holds that person's answers, a per-stakeholder result
    # that plain users may not see.
    latest_satisfaction = fields.Float(
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        groups="hr_relationship.group_hr_relationship_business_partner",
    )
    latest_nps = fields.Float(
        string="Latest NPS",
        aggregator="avg",
        digits=(5, 1),
        readonly=True,
        groups="hr_relationship.group_hr_relationship_business_partner",
    )
    company_id = fields.Many2one("res.company", required=True, index=True)

    _sql_constraints = [
        (
            "one_relationship",
            "CHECK((stakeholder_id IS NULL) <> (internal_client_id IS NULL))",
            "A health snapshot belongs to either a stakeholder or an internal client.",
        ),
        (
            "scores_range",
            "CHECK(health_score BETWEEN 0 AND 100 "
            "AND latest_satisfaction BETWEEN 0 AND 100 "
            "AND latest_nps BETWEEN -100 AND 100)",
            "Health and satisfaction are between 0 and 100, NPS between -100 and 100.",
        ),
    ]

    def init(self):
        # Partial unique indexes are what INSERT ... ON CONFLICT upserts on.
        for column in ("stakeholder_id", "internal_client_id"):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (%s, month) "
                    "WHERE %s IS NOT NULL",
                    SQL.identifier(f"{self._table}_{column}_month_uniq"),
                    SQL.identifier(self._table),
                    SQL.identifier(column),
                    SQL.identifier(column),
                )
            )

    @api.depends("stakeholder_id", "internal_client_id", "month")
    def _compute_display_name(self):
        for snapshot in self:
            target = snapshot.stakeholder_id or snapshot.internal_client_id
            month = snapshot.month.strftime("%Y-%m") if snapshot.month else ""
            snapshot.display_name = f"{target.display_name} {month}".strip()

    # ------------------------------------------------------------
    # Daily refresh
    # ------------------------------------------------------------

    @api.model
    def _health_settings(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        settings = {}
        for key, default in HEALTH_DEFAULTS.items():
            try:
                settings[key] = int(get_param(HEALTH_PARAM_PREFIX + key, default))
            except (TypeError, ValueError):
                settings[key] = default
        return settings

    @api.model
    def _cron_refresh_health(self):
        """Daily job: contact dates first (recency reads them), then health
        and this month's snapshot of every stakeholder and internal client.
        Returns the activities scheduled."""
        self.env["hr.stakeholder"]._refresh_contact_dates()
        self.env["hr.internal.client"]._refresh_contact_dates()
        activities = self._refresh_health("hr.stakeholder")
        return activities | self._refresh_health("hr.internal.client")

    @api.model
    def _refresh_health(self, model_name, record_ids=None):
        """Score the active records of ``model_name`` (all, or ``record_ids``),
        upsert their snapshot of this month and schedule an activity for
        those that just became at risk.

        One statement does the scoring, the update and the upsert, so the
        number of queries does not depend on the number of records. The
        formula lives only here: each component is 0-100 or NULL when
        unknown, and the score is the mean of the known ones weighted by the
        settings. Returns the activities created."""
        target = HEALTH_TARGETS[model_name]
        Target = self.env[model_name]
        self.env["hr.relationship.interaction"].flush_model()
        self.env["hr.satisfaction.result"].flush_model()
        Target.flush_model()
        self.flush_model()
        settings = self._health_settings()
        today = fields.Date.context_today(self)
        weights = {
            "satisfaction": settings["weight_satisfaction"],
            "nps": settings["weight_nps"],
            "recency": settings["weight_recency"],
            "sentiment": settings["weight_sentiment"],
        }
        weighted_sum = SQL(" + ").join(
            SQL("COALESCE(%s * %s, 0)", weight, SQL.identifier(name))
            for name, weight in weights.items()
        )
        known_weight = SQL(" + ").join(
            SQL("CASE WHEN %s IS NULL THEN 0 ELSE %s END", SQL.identifier(name), weight)
            for name, weight in weights.items()
        )
        if record_ids is None:
            in_scope = SQL("TRUE")
        else:
            in_scope = SQL("rec.id = ANY(%s)", list(record_ids))
        link = SQL.identifier(target["link"])
        self.env.cr.execute(
            SQL(
                """
                WITH scope AS (
                    SELECT rec.id, rec.company_id, rec.%(owner)s AS owner_id,
                           rec.health_state AS old_state, rec.last_interaction_date,
                           rec.contact_cadence_days AS cadence
                      FROM %(table)s rec
                     WHERE rec.active AND %(in_scope)s
                ), sentiment AS (
                    %(sentiment)s
                ), survey AS (
                    -- The latest answered result: its figures, and whether
                    -- they are known (a result stores "no answer" as 0).
                    SELECT DISTINCT ON (res.%(link)s) res.%(link)s AS id,
                           res.%(satisfaction)s AS latest_satisfaction,
                           res.nps AS latest_nps,
                           res.satisfaction_count > 0 AS has_satisfaction,
                           res.recommendation_count > 0 AS has_nps
                      FROM hr_satisfaction_result res
                     WHERE res.%(link)s IN (SELECT id FROM scope)
                       AND res.responded_count > 0
                       AND res.withheld IS NULL
                     ORDER BY res.%(link)s, res.date DESC, res.id DESC
                ), components AS (
                    SELECT scope.id, scope.company_id, scope.owner_id,
                           scope.old_state,
                           CASE WHEN survey.has_nps THEN survey.latest_nps
                           END AS nps_raw,
                           CASE WHEN survey.has_satisfaction
                                THEN survey.latest_satisfaction::numeric
                           END AS satisfaction,
                           CASE WHEN survey.has_nps
                                THEN (survey.latest_nps::numeric + 100) / 2
                           END AS nps,
                           CASE WHEN scope.cadence <= 0 THEN NULL
                                WHEN scope.last_interaction_date IS NULL THEN 0
                                ELSE GREATEST(0, LEAST(100, 100 - 100.0
                                    * (%(today)s - scope.last_interaction_date
                                       - scope.cadence)
                                    / (%(zero_after)s * scope.cadence::numeric)))
                           END AS recency,
                           (sentiment.mean + 2) * 25 AS sentiment
                      FROM scope
                 LEFT JOIN survey ON survey.id = scope.id
                 LEFT JOIN sentiment ON sentiment.id = scope.id
                ), scored AS (
                    SELECT components.*,
                           ROUND(((%(weighted_sum)s)
                                  / NULLIF(%(known_weight)s, 0))::numeric, 1)
                               AS score
                      FROM components
                ), judged AS (
                    SELECT scored.*,
                           CASE WHEN score IS NULL THEN 'not_scored'
                                WHEN score >= %(healthy_min)s THEN 'healthy'
                                WHEN score < %(at_risk_below)s THEN 'at_risk'
                                ELSE 'attention'
                           END AS state
                      FROM scored
                ), updated AS (
                    UPDATE %(table)s rec
                       SET health_score = judged.score,
                           health_state = judged.state
                      FROM judged
                     WHERE rec.id = judged.id
                       AND (rec.health_score IS DISTINCT FROM judged.score
                            OR rec.health_state IS DISTINCT FROM judged.state)
                ), snapshot AS (
                    INSERT INTO hr_relationship_health_snapshot
                           (%(link)s, month, company_id, health_score,
                            health_state, latest_satisfaction, latest_nps,
                            create_uid, create_date, write_uid, write_date)
                    SELECT id, %(month)s, company_id, score, state, satisfaction,
                           nps_raw, %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM judged
                    ON CONFLICT (%(link)s, month) WHERE %(link)s IS NOT NULL
                    DO UPDATE SET company_id = EXCLUDED.company_id,
                                  health_score = EXCLUDED.health_score,
                                  health_state = EXCLUDED.health_state,
                                  latest_satisfaction = EXCLUDED.latest_satisfaction,
                                  latest_nps = EXCLUDED.latest_nps,
                                  write_uid = EXCLUDED.write_uid,
                                  write_date = EXCLUDED.write_date
                )
                SELECT id, owner_id, score, satisfaction, nps, recency, sentiment
                  FROM judged
                 WHERE state = 'at_risk' AND old_state IS DISTINCT FROM 'at_risk'
                """,
                table=SQL.identifier(Target._table),
                owner=SQL.identifier(target["owner"]),
                link=link,
                satisfaction=SQL.identifier(target["satisfaction"]),
                in_scope=in_scope,
                sentiment=SQL(
                    target["sentiment"],
                    since=today - timedelta(days=SENTIMENT_WINDOW_DAYS),
                    today=today,
                ),
                today=today,
                zero_after=RECENCY_ZERO_AFTER_CADENCES,
                weighted_sum=weighted_sum,
                known_weight=known_weight,
                healthy_min=settings["healthy_min"],
                at_risk_below=settings["at_risk_below"],
                month=today.replace(day=1),
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        newly_at_risk = self.env.cr.dictfetchall()
        Target.invalidate_model(["health_score", "health_state"], flush=False)
        self.invalidate_model(flush=False)
        return self._schedule_at_risk_activities(model_name, newly_at_risk, settings)

    @api.model
    def _at_risk_recipients(self, model_name, rows):
        """The users to give a to-do for each relationship in ``rows``, as
        {id: [user ids]}, by the setting: its owner, the HR business partners
        of a stakeholder's internal clients (its owner when they have none),
        both, or nobody. An internal client's owner is its HR business
        partner, so every choice but nobody means that partner."""
        mode = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(AT_RISK_ACTIVITY_PARAM, AT_RISK_ACTIVITY_DEFAULT)
        )
        if mode == "none" or not rows:
            return {}
        owners = {row["id"]: [row["owner_id"]] for row in rows}
        if mode not in ("hr_partner", "both") or model_name != "hr.stakeholder":
            return owners
        # Who is told is the app's decision, not limited by what the user
        # running the refresh may read.
        recipients = {}
        for stakeholder in self.env["hr.stakeholder"].sudo().browse(list(owners)):
            partners = stakeholder.internal_client_ids.hr_partner_id.ids
            owner = owners[stakeholder.id]
            users = owner + partners if mode == "both" else partners or owner
            recipients[stakeholder.id] = list(dict.fromkeys(users))
        return recipients

    @api.model
    def _schedule_at_risk_activities(self, model_name, rows, settings):
        """One to-do for each recipient (see the setting) of each
        relationship that just became at risk, unless that recipient still
        has one of ours open there."""
        Activity = self.env["mail.activity"]
        recipients = self._at_risk_recipients(model_name, rows)
        if not recipients:
            return Activity
        activity_type = self.env.ref(HEALTH_TARGETS[model_name]["activity_type"])
        open_pairs = {
            (activity.res_id, activity.user_id.id)
            for activity in Activity.search_fetch(
                [
                    ("res_model", "=", model_name),
                    ("res_id", "in", list(recipients)),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id", "user_id"],
            )
        }
        labels = {
            "satisfaction": self.env._("satisfaction"),
            "nps": self.env._("recommendation (NPS)"),
            "recency": self.env._("contact recency"),
            "sentiment": self.env._("interaction sentiment"),
        }
        model_id = self.env["ir.model"]._get_id(model_name)
        today = fields.Date.context_today(self)
        # Each new activity reads its record's name on its own; reading them
        # all here turns those reads into cache hits.
        self.env[model_name].browse([row["id"] for row in rows]).mapped("display_name")
        vals_list = []
        for row in rows:
            users = [
                user_id
                for user_id in recipients.get(row["id"], ())
                if (row["id"], user_id or False) not in open_pairs
            ]
            if not users:
                continue
            low = ", ".join(
                f"{label} {float(row[key]):.0f}"
                for key, label in labels.items()
                if settings[f"weight_{key}"]
                and row[key] is not None
                and row[key] < settings["at_risk_below"]
            )
            note = Markup("<p>%s</p>") % self.env._(
                "Relationship health fell to %(score)s of 100. "
                "Low scores: %(components)s.",
                score=float(row["score"]),
                components=low,
            )
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": row["id"],
                    "activity_type_id": activity_type.id,
                    "user_id": user_id,
                    "date_deadline": today,
                    "automated": True,
                    "summary": activity_type.summary,
                    "note": note,
                }
                for user_id in users
            ]
        # The owners see their new to-dos in the app; one e-mail per
        # activity would make a bad night cost a query per relationship.
        return Activity.with_context(mail_activity_quick_update=True).create(vals_list)
