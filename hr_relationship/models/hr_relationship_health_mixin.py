# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from ..tools.groups import RELATIONSHIP_MANAGER
from ..tools.record_check import checked_records

# Longest contact cadence, in days: ten years is already "no plan".
MAX_CADENCE_DAYS = 3650
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
    "weight_attitude": 20,
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
# What a stakeholder's attitude is worth to health (0-100). Neutral, which
# every stakeholder starts as, says nothing either way: it is left out like
# an unknown figure instead of pulling every score towards the middle.
ATTITUDE_HEALTH = {"champion": 100, "supporter": 75, "sceptic": 25, "blocker": 0}
# Below this an attitude holds health back (a factor shown to the user).
NEUTRAL_ATTITUDE = 50


class HrRelationshipHealthMixin(models.AbstractModel):
    """Health of a relationship, shared by stakeholders and internal clients,
    and the engine that scores it.

    Health depends on today's date, so the daily job writes it rather than
    a compute, and keeps a monthly row of hr.relationship.health.snapshot.
    The formula is written once, in _health_judged_sql(), which the daily
    job, the refresh after a logged interaction and the factors shown on the
    record (health_reasons) all read; each model gives only its own parts
    through the _health_* hooks below."""

    _name = "hr.relationship.health.mixin"
    _description = "Relationship Health"

    # What the engine reads; the models give these their own definitions.
    active = fields.Boolean()
    company_id = fields.Many2one("res.company")
    last_interaction_date = fields.Date()
    contact_cadence_days = fields.Integer(
        string="Contact Every (Days)", aggregator="avg"
    )
    health_score = fields.Float(
        digits=(5, 1),
        aggregator="avg",
        readonly=True,
        help="0-100, from satisfaction (CSAT for internal clients), NPS, contact "
        "recency, sentiment and attitude; empty when none of them is known.",
    )
    health_state = fields.Selection(
        HEALTH_STATES, default="not_scored", readonly=True, group_expand=True
    )
    health_reasons = fields.Text(
        string="Health Factors",
        compute="_compute_health_reasons",
        help="What holds this relationship's health back: warning signs (an "
        "overdue contact, a blocker), which keep it from healthy, and low "
        "figures of its score.",
    )

    def action_refresh_health(self):
        checked_records(self)
        if not self.env.user.has_group(RELATIONSHIP_MANAGER):
            raise AccessError(
                _("Only relationship administrators can refresh health scores.")
            )
        self._refresh_health()
        return True

    @api.constrains("contact_cadence_days")
    def _check_contact_cadence_days(self):
        # Both kinds of relationship have a cadence, which recency reads.
        for record in self:
            if not 0 <= record.contact_cadence_days <= MAX_CADENCE_DAYS:
                raise ValidationError(
                    _(
                        "The contact cadence of %(name)s must be between 0 and "
                        "%(max)s days, not %(days)s.",
                        name=record.display_name,
                        max=MAX_CADENCE_DAYS,
                        days=record.contact_cadence_days,
                    )
                )

    # ------------------------------------------------------------
    # Hooks: what each kind of relationship gives the engine
    # ------------------------------------------------------------

    @api.model
    def _refresh_contact_dates(self, record_ids=None):
        """Bring the stored contact dates of these records (all when None)
        up to today, set-based; returns the number of rows changed."""
        raise NotImplementedError

    @api.model
    def _health_link_field(self):
        """The field of hr.satisfaction.result and of the health snapshot
        that points at a record of this model."""
        raise NotImplementedError

    @api.model
    def _health_satisfaction_field(self):
        """The satisfaction figure of hr.satisfaction.result (0-100) that
        health reads for this model; the record and the health snapshot hold
        its latest value as ``latest_<figure>``."""
        raise NotImplementedError

    @api.model
    def _health_owner_field(self):
        """The user field of this model holding who owns the relationship."""
        raise NotImplementedError

    @api.model
    def _health_activity_type(self):
        """The activity type of the to-do for a relationship at risk."""
        raise NotImplementedError

    @api.model
    def _health_sentiment_query(self, since, today):
        """SQL selecting ``id`` and ``mean`` (the mean sentiment score of the
        interactions dated after ``since`` up to ``today``) for the records
        of the ``scope`` CTE of _health_judged_sql()."""
        raise NotImplementedError

    @api.model
    def _health_attitude_query(self):
        """SQL selecting ``id``, ``attitude`` (0-100, see _health_attitude_sql;
        NULL when unknown) and ``blockers`` (how many blockers the
        relationship has) for the records of the ``scope`` CTE."""
        raise NotImplementedError

    @api.model
    def _health_due_date_sql(self):
        """SQL expression on the record's row (``rec``): the day its next
        contact is due, NULL when none is."""
        raise NotImplementedError

    def _health_attitude_reason(self, row):
        """The factor line for this record's attitude, from a row of the
        engine with a low ``attitude`` or some ``blockers``."""
        raise NotImplementedError

    @api.model
    def _health_at_risk_recipients(self, owners, mode):
        """{id: [user ids]} to give a to-do, from ``owners`` ({id: [owner
        id]}) and the setting's ``mode`` (owner, hr_partner or both)."""
        return owners

    # ------------------------------------------------------------
    # The engine
    # ------------------------------------------------------------

    @api.model
    def _health_models(self):
        """The models whose relationships have a health."""
        return [
            self.env[name]
            for name in self.pool[self._name]._inherit_children
            if not self.env[name]._abstract
        ]

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
        """The daily job: contact dates first (recency reads them), then
        health and this month's snapshot, and drift, of every relationship
        of every model with a health, a batch of records at a time (see
        hr.relationship.job.progress): the statements of the engine,
        restricted to the batch, so that no record is locked longer than its
        batch. Returns the activities scheduled."""
        activities = self.env["mail.activity"]

        def refresh(model):
            def process(ids):
                nonlocal activities
                model._refresh_contact_dates(ids)
                activities |= model._health_run(ids)
                # Where the relationship is heading, from the same dates.
                activities |= model._drift_run(ids)

            return model._name, model, None, process

        self.env["hr.relationship.job.progress"]._run_batches(
            "health", [refresh(model) for model in self._health_models()]
        )
        return activities

    def _refresh_health(self):
        """Contact dates, health and this month's snapshot of these records;
        returns the activities scheduled."""
        # Recency is part of health: bring the contact dates up to date first.
        self._refresh_contact_dates(self.ids)
        return self._health_run(self.ids)

    @api.model
    def _health_flush(self):
        """Write what the engine reads to the database: the interactions,
        survey results and every relationship model (an internal client's
        attitude is read from its stakeholders)."""
        self.env["hr.relationship.interaction"].flush_model()
        self.env["hr.satisfaction.result"].flush_model()
        self.env["hr.relationship.commitment"].flush_model()
        for model in self.env["hr.relationship.health.mixin"]._health_models():
            model.flush_model()

    @api.model
    def _contact_overdue_domain(self, due_from=None, due_before=None):
        """Domain of the records of this model whose contact is overdue
        today, the warning sign of health (the due date each model gives in
        _health_due_date_sql, before today); with ``due_from`` and
        ``due_before`` (dates), only those that fell due from the one and
        before the other. For whatever counts overdue contacts beside the
        engine (bridges such as the digest's), so that there is one
        definition; a search with it still applies access rules, the active
        filter and the rest of its domain."""
        due = self._health_due_date_sql()
        conditions = [SQL("%s < %s", due, fields.Date.context_today(self))]
        if due_from:
            conditions.append(SQL("%s >= %s", due, due_from))
        if due_before:
            conditions.append(SQL("%s < %s", due, due_before))
        # The subquery reads the table itself, which the ORM flushes only for
        # the fields a domain names.
        self.flush_model()
        return Domain(
            "id",
            "any!",
            SQL(
                "SELECT rec.id FROM %s rec WHERE %s",
                SQL.identifier(self._table),
                SQL(" AND ").join(conditions),
            ),
        )

    @api.model
    def _health_judged_sql(self, record_ids, settings, today):
        """The CTEs that score the active records of this model (all, or
        ``record_ids``), ending in ``judged``: one row per record with each
        component (0-100, NULL when unknown), the warning signs, the score
        and the state.

        The formula lives only here. The score is the mean of the known
        components weighted by the settings; the state follows the score's
        thresholds, and warning signs cap it: with one of an overdue
        contact, a blocker in the relationship or a promise of HR's that is
        overdue (an open commitment past its due date) it is at best "needs
        attention", with two of them it is at risk, whatever the other
        figures say."""
        weights = {
            "satisfaction": settings["weight_satisfaction"],
            "nps": settings["weight_nps"],
            "recency": settings["weight_recency"],
            "sentiment": settings["weight_sentiment"],
            "attitude": settings["weight_attitude"],
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
        link = SQL.identifier(self._health_link_field())
        return SQL(
            """
            WITH scope AS (
                SELECT rec.id, rec.company_id, rec.%(owner)s AS owner_id,
                       rec.health_state AS old_state, rec.last_interaction_date,
                       rec.contact_cadence_days AS cadence, %(due)s AS due
                  FROM %(table)s rec
                 WHERE rec.active AND %(in_scope)s
            ), sentiment AS (
                %(sentiment)s
            ), attitude AS (
                %(attitude)s
            ), commitments AS (
                -- Commitments point at the record by the same field as
                -- its survey results.
                SELECT com.%(link)s AS id, COUNT(*) AS overdue
                  FROM hr_relationship_commitment com
                 WHERE com.%(link)s IN (SELECT id FROM scope)
                   AND com.state = 'open' AND com.date_due < %(today)s
                 GROUP BY com.%(link)s
            ), survey AS (
                -- The latest answered result: its figures, and whether
                -- they are known (a result stores "no answer" as 0).
                SELECT DISTINCT ON (res.%(link)s) res.%(link)s AS id,
                       res.%(satisfaction)s AS satisfaction_value,
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
                            THEN survey.satisfaction_value::numeric
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
                       (sentiment.mean + 2) * 25 AS sentiment,
                       attitude.attitude::numeric AS attitude,
                       COALESCE(attitude.blockers, 0) AS blockers,
                       COALESCE(commitments.overdue, 0) AS overdue_commitments,
                       scope.cadence > 0 AND scope.last_interaction_date IS NULL
                           AS never_contacted,
                       CASE WHEN scope.due < %(today)s
                            THEN %(today)s - scope.due
                       END AS overdue_days
                  FROM scope
             LEFT JOIN survey ON survey.id = scope.id
             LEFT JOIN sentiment ON sentiment.id = scope.id
             LEFT JOIN attitude ON attitude.id = scope.id
             LEFT JOIN commitments ON commitments.id = scope.id
            ), scored AS (
                SELECT components.*,
                       ROUND(((%(weighted_sum)s)
                              / NULLIF(%(known_weight)s, 0))::numeric, 1)
                           AS score,
                       (overdue_days IS NOT NULL)::int + (blockers > 0)::int
                           + (overdue_commitments > 0)::int AS signs
                  FROM components
            ), judged AS (
                SELECT scored.*,
                       CASE WHEN score IS NULL THEN 'not_scored'
                            WHEN score < %(at_risk_below)s OR signs >= 2
                            THEN 'at_risk'
                            WHEN score < %(healthy_min)s OR signs = 1
                            THEN 'attention'
                            ELSE 'healthy'
                       END AS state
                  FROM scored
            )
            """,
            table=SQL.identifier(self._table),
            owner=SQL.identifier(self._health_owner_field()),
            due=self._health_due_date_sql(),
            link=link,
            satisfaction=SQL.identifier(self._health_satisfaction_field()),
            in_scope=in_scope,
            sentiment=self._health_sentiment_query(
                today - timedelta(days=SENTIMENT_WINDOW_DAYS), today
            ),
            attitude=self._health_attitude_query(),
            today=today,
            zero_after=RECENCY_ZERO_AFTER_CADENCES,
            weighted_sum=weighted_sum,
            known_weight=known_weight,
            healthy_min=settings["healthy_min"],
            at_risk_below=settings["at_risk_below"],
        )

    @api.model
    def _health_attitude_sql(self, column):
        """SQL turning an attitude ``column`` into its health value."""
        return SQL(
            "CASE %s %s END",
            column,
            SQL(" ").join(
                SQL("WHEN %s THEN %s", attitude, value)
                for attitude, value in ATTITUDE_HEALTH.items()
            ),
        )

    @api.model
    def _health_run(self, record_ids=None):
        """Score the active records of this model (all, or ``record_ids``),
        upsert their snapshot of this month and schedule an activity for
        those that just became at risk.

        One statement does the scoring (_health_judged_sql), the update and
        the upsert, so the number of queries does not depend on the number
        of records. Returns the activities created."""
        Snapshot = self.env["hr.relationship.health.snapshot"]
        self._health_flush()
        Snapshot.flush_model()
        settings = self._health_settings()
        today = fields.Date.context_today(self)
        columns = [
            "company_id",
            "health_score",
            "health_state",
            # The snapshot names the figure as the record does.
            f"latest_{self._health_satisfaction_field()}",
            "latest_nps",
        ]
        self.env.cr.execute(
            SQL(
                """
                %(judged)s, updated AS (
                    UPDATE %(table)s rec
                       SET health_score = judged.score,
                           health_state = judged.state
                      FROM judged
                     WHERE rec.id = judged.id
                       AND (rec.health_score IS DISTINCT FROM judged.score
                            OR rec.health_state IS DISTINCT FROM judged.state)
                ), snapshot AS (%(snapshot)s)
                SELECT id, owner_id, score, satisfaction, nps, recency, sentiment,
                       attitude, blockers, never_contacted, overdue_days,
                       overdue_commitments
                  FROM judged
                 WHERE state = 'at_risk' AND old_state IS DISTINCT FROM 'at_risk'
                """,
                judged=self._health_judged_sql(record_ids, settings, today),
                table=SQL.identifier(self._table),
                snapshot=Snapshot._snapshot_upsert_sql(
                    self._health_link_field(),
                    Snapshot._snapshot_month(today),
                    columns,
                    SQL(
                        "SELECT id, company_id, score, state, satisfaction, nps_raw"
                        " FROM judged"
                    ),
                    updated=columns,
                    now=fields.Datetime.now(),
                ),
            )
        )
        newly_at_risk = self.env.cr.dictfetchall()
        self.invalidate_model(
            ["health_score", "health_state", "health_reasons"], flush=False
        )
        Snapshot.invalidate_model(flush=False)
        return self._schedule_at_risk_activities(newly_at_risk, settings)

    # ------------------------------------------------------------
    # Why: the factors behind a health, as the user reads them
    # ------------------------------------------------------------

    def _compute_health_reasons(self):
        # Read from the engine's own statement, for the whole batch at once,
        # so that what the form says is what the score is made of.
        records = self.filtered(lambda record: record._origin.id)
        rows = {}
        settings = self._health_settings()
        if records:
            self._health_flush()
            today = fields.Date.context_today(self)
            self.env.cr.execute(
                SQL(
                    """
                    %s
                    SELECT id, satisfaction, nps, recency, sentiment, attitude,
                           blockers, never_contacted, overdue_days,
                           overdue_commitments
                      FROM judged
                    """,
                    self._health_judged_sql(records._origin.ids, settings, today),
                )
            )
            rows = {row["id"]: row for row in self.env.cr.dictfetchall()}
        for record in self:
            row = rows.get(record._origin.id)
            record.health_reasons = (
                "\n".join(record._health_reasons_of(row, settings)) if row else False
            )

    def _health_reasons_of(self, row, settings):
        """What holds the health of this record back, one line each, from a
        row of the engine (see _health_judged_sql)."""
        reasons = []
        # A blocker is a warning sign even when attitude weighs nothing.
        if row["blockers"] or (
            settings["weight_attitude"]
            and row["attitude"] is not None
            and row["attitude"] < NEUTRAL_ATTITUDE
        ):
            reasons.append(self._health_attitude_reason(row))
        if row["never_contacted"]:
            reasons.append(self.env._("Never contacted"))
        if row["overdue_days"] == 1:
            reasons.append(self.env._("Contact 1 day overdue"))
        elif row["overdue_days"]:
            reasons.append(
                self.env._("Contact %(days)s days overdue", days=row["overdue_days"])
            )
        if row["overdue_commitments"] == 1:
            reasons.append(self.env._("1 commitment overdue"))
        elif row["overdue_commitments"]:
            reasons.append(
                self.env._(
                    "%(count)s commitments overdue", count=row["overdue_commitments"]
                )
            )
        labels = {
            "satisfaction": self.env._("Low satisfaction"),
            "nps": self.env._("Low recommendation (NPS)"),
            "sentiment": self.env._("Negative interactions lately"),
        }
        reasons += [
            label
            for key, label in labels.items()
            if settings[f"weight_{key}"]
            and row[key] is not None
            and row[key] < settings["at_risk_below"]
        ]
        return reasons

    @api.model
    def _at_risk_recipients(self, rows):
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
        if mode not in ("hr_partner", "both"):
            return owners
        return self._health_at_risk_recipients(owners, mode)

    @api.model
    def _at_risk_note(self, row, settings):
        """Why the relationship of ``row`` is at risk, in this environment's
        language: its score and what holds it back."""
        labels = {
            "satisfaction": self.env._("satisfaction"),
            "nps": self.env._("recommendation (NPS)"),
            "recency": self.env._("contact recency"),
            "sentiment": self.env._("interaction sentiment"),
        }
        low = [
            f"{label} {float(row[key]):.0f}"
            for key, label in labels.items()
            if settings[f"weight_{key}"]
            and row[key] is not None
            and row[key] < settings["at_risk_below"]
        ]
        # The warning signs too: they can make a relationship at risk
        # whose figures are not low.
        signs = self.browse(row["id"])._health_reasons_of(
            dict(row, satisfaction=None, nps=None, sentiment=None), settings
        )
        return Markup("<p>%s</p>") % self.env._(
            "Relationship health fell to %(score)s of 100: %(reasons)s.",
            score=formatLang(self.env, float(row["score"]), digits=1),
            reasons=", ".join(low + signs),
        )

    @api.model
    def _schedule_at_risk_activities(self, rows, settings):
        """One to-do for each recipient (see the setting) of each
        relationship that just became at risk, unless that recipient still
        has one of ours open there."""
        Activity = self.env["mail.activity"]
        recipients = self._at_risk_recipients(rows)
        if not recipients:
            return Activity
        activity_type = self._health_activity_type()
        open_pairs = {
            (activity.res_id, activity.user_id.id)
            for activity in Activity.search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", list(recipients)),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id", "user_id"],
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        # Each new activity reads its record's name on its own; reading them
        # all here turns those reads into cache hits.
        self.browse([row["id"] for row in rows]).mapped("display_name")
        # Each to-do is written in the language of the person who gets it,
        # whoever's action (or the nightly job) found the relationship at risk.
        user_ids = {user_id for users in recipients.values() for user_id in users}
        langs = {
            user.id: user.lang or "en_US"
            for user in self.env["res.users"].sudo().browse(user_ids - {False, None})
        }
        vals_list = []
        for row in rows:
            users = [
                user_id
                for user_id in recipients.get(row["id"], ())
                if (row["id"], user_id or False) not in open_pairs
            ]
            notes = {}
            for user_id in users:
                lang = langs.get(user_id, self.env.lang or "en_US")
                if lang not in notes:
                    notes[lang] = self.with_context(lang=lang)._at_risk_note(
                        row, settings
                    )
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": row["id"],
                        "activity_type_id": activity_type.id,
                        "user_id": user_id,
                        "date_deadline": today,
                        "automated": True,
                        "summary": activity_type.with_context(lang=lang).summary,
                        "note": notes[lang],
                    }
                )
        # The owners see their new to-dos in the app; one e-mail per
        # activity would make a bad night cost a query per relationship.
        return Activity.with_context(mail_activity_quick_update=True).create(vals_list)

    # ------------------------------------------------------------
    # After a user's change
    # ------------------------------------------------------------

    @api.model
    def _refresh_touched(self, stakeholders, clients):
        """Bring the health and the network figures of these stakeholders
        and internal clients up to what just happened (an interaction
        logged, changed or deleted, an attitude changed), in the user's own
        transaction so that the record they return to says so at once.

        Set-based, for the whole batch: the same statements as the daily
        jobs, restricted to these ids. The figures belong to the app, not to
        the user: they are written beyond the user's record rules, as the
        daily jobs do, so that no access rule can make the user's own save
        fail. The portfolios (whose brokerage needs the whole network) follow
        within minutes through the network job, triggered."""
        if self.env.context.get("install_filename"):
            # A module's data files are loading: half of the records are
            # there yet, and to-dos written now would give reasons that are
            # gone at the end. The figures are computed once they are all
            # there (the demo's last step, the daily job).
            return
        stakeholders = stakeholders.sudo().exists()
        clients = clients.sudo().exists()
        if not stakeholders and not clients:
            return
        # Locked first, in the order of their ids, as a batch of the daily
        # jobs locks its records: otherwise the statement below could take
        # a snapshot row the job's batch is about to write while the job
        # holds the record, and each would wait for the other.
        for records in (stakeholders, clients):
            if records:
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id = ANY(%s) ORDER BY id"
                        " FOR NO KEY UPDATE",
                        SQL.identifier(records._table),
                        records.ids,
                    )
                )
        stakeholders._refresh_health()
        clients._refresh_health()
        self.env["hr.relationship.network"].sudo()._refresh_network_of(
            stakeholders.ids, clients.ids
        )
