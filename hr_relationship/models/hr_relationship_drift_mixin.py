# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

DRIFT_STATES = [
    ("steady", "Steady"),
    ("drifting", "Drifting"),
    # A key person left: the relationship goes unless someone takes it up.
    ("losing", "At Risk of Loss"),
]
# How many of the latest interactions the sentiment trend compares: the
# latest half against the half before it.
DRIFT_TREND_SIZE = 6
# Interactions older than this say nothing about where a relationship is
# heading; it also bounds what the daily job reads.
DRIFT_WINDOW_DAYS = 365
# A move to another department counts this many days after it.
DRIFT_MOVE_DAYS = 90
# A fall of the mean sentiment (-2..2) by this much is a trend, not noise.
DRIFT_FALL = 1


class HrRelationshipDriftMixin(models.AbstractModel):
    """Where a relationship is heading, before a survey shows it.

    Health stays the one figure; drift explains its direction: contact
    against the rhythm the relationship expects, the sentiment of the latest
    interactions, promises and concerns left overdue, and a key person who
    left. The daily job judges every relationship in one statement per
    model (_drift_run) and stores the state and the figures behind it; the
    words are composed when read, in the reader's language. Relies on the
    hooks of hr.relationship.health.mixin, which every model with a drift
    has too."""

    _name = "hr.relationship.drift.mixin"
    _description = "Relationship Drift"

    drift_state = fields.Selection(
        DRIFT_STATES,
        string="Drift",
        default="steady",
        readonly=True,
        index=True,
        help="Where the relationship is heading, from the daily job: steady, "
        "drifting (contact behind its rhythm, negative or falling sentiment, "
        "overdue promises or concerns) or at risk of loss (a key person left).",
    )
    drift_signals = fields.Json(readonly=True, copy=False)
    drift_reasons = fields.Text(string="Why Drifting", compute="_compute_drift_texts")
    drift_next_step = fields.Char(string="Next Step", compute="_compute_drift_texts")

    # ------------------------------------------------------------
    # Hooks: what each kind of relationship gives the engine
    # ------------------------------------------------------------

    @api.model
    def _drift_interactions_query(self, since, today):
        """SQL selecting ``id`` (of a record of the ``scope`` CTE), ``score``
        (an interaction's sentiment score), ``date`` and ``moment`` (the
        interaction's id, which orders a day's) for the interactions of
        those records dated after ``since`` up to ``today``."""
        raise NotImplementedError

    @api.model
    def _drift_departure_query(self, today):
        """SQL selecting ``id``, ``owner_left``, ``person_left``,
        ``contact_left`` and ``person_moved`` (booleans) for the records of
        the ``scope`` CTE: the one in HR who holds the relationship left,
        the person on the other side left, everybody in HR who ever spoke
        with them left, the person on the other side moved to another
        department lately."""
        raise NotImplementedError

    @api.model
    def _drift_user_left_sql(self, alias):
        """Whether the user ``alias`` (a res_users row) left: archived, or
        every employee record of theirs archived."""
        user = SQL.identifier(alias)
        return SQL(
            """(NOT %(user)s.active OR (
                   EXISTS (SELECT 1 FROM hr_employee emp
                            WHERE emp.user_id = %(user)s.id)
                   AND NOT EXISTS (SELECT 1 FROM hr_employee emp
                                    WHERE emp.user_id = %(user)s.id
                                      AND emp.active)))""",
            user=user,
        )

    @api.model
    def _drift_activity_type(self):
        return self.env.ref("hr_relationship.mail_activity_type_drift")

    # ------------------------------------------------------------
    # The engine
    # ------------------------------------------------------------

    @api.model
    def _drift_judged_sql(self, record_ids, today):
        """The CTEs ending in ``judged``: one row per active record of this
        model (all, or ``record_ids``) with its old and new state and its
        signals (jsonb, the figures the words are made of)."""
        if record_ids is None:
            in_scope = SQL("TRUE")
        else:
            in_scope = SQL("rec.id = ANY(%s)", list(record_ids))
        link = SQL.identifier(self._health_link_field())
        return SQL(
            """
            WITH scope AS (
                SELECT rec.id, rec.%(owner)s AS owner_id,
                       rec.drift_state AS old_state,
                       rec.last_interaction_date AS last_contact,
                       rec.contact_cadence_days AS cadence, %(due)s AS due
                  FROM %(table)s rec
                 WHERE rec.active AND %(in_scope)s
            ), latest AS (
                SELECT id, score,
                       ROW_NUMBER() OVER (PARTITION BY id
                                          ORDER BY date DESC, moment DESC)
                           AS rank
                  FROM (%(interactions)s) moments
            ), mood AS (
                -- A trend needs both halves whole: one earlier conversation
                -- is no baseline.
                SELECT id,
                       COUNT(*) FILTER (WHERE rank <= 2 AND score < 0)
                           AS negative,
                       COUNT(*) = %(size)s
                           AND AVG(score) FILTER (WHERE rank <= %(half)s)
                               <= AVG(score) FILTER (WHERE rank > %(half)s)
                                  - %(fall)s AS falling
                  FROM latest
                 WHERE rank <= %(size)s
                 GROUP BY id
            ), commitments AS (
                SELECT com.%(link)s AS id, COUNT(*) AS overdue
                  FROM hr_relationship_commitment com
                 WHERE com.%(link)s IN (SELECT id FROM scope)
                   AND com.state = 'open' AND com.date_due < %(today)s
                 GROUP BY com.%(link)s
            ), concerns AS (
                SELECT con.%(link)s AS id, COUNT(*) AS overdue
                  FROM hr_relationship_concern con
                 WHERE con.%(link)s IN (SELECT id FROM scope)
                   AND con.state IN ('new', 'in_progress')
                   AND con.deadline < %(today)s
                 GROUP BY con.%(link)s
            ), departure AS (
                %(departure)s
            ), signals AS (
                SELECT scope.id, scope.owner_id, scope.old_state,
                       -- Only the signs that hold: NULLIF leaves out the
                       -- false ones with the unknown.
                       jsonb_strip_nulls(jsonb_build_object(
                           'overdue', NULLIF(scope.due < %(today)s, FALSE),
                           'cadence', scope.cadence,
                           'silent_days', %(today)s - scope.last_contact,
                           'negative', NULLIF(mood.negative >= 2, FALSE),
                           'falling', NULLIF(mood.falling, FALSE),
                           'commitments', commitments.overdue,
                           'concerns', concerns.overdue,
                           'owner_left', NULLIF(departure.owner_left, FALSE),
                           'person_left', NULLIF(departure.person_left, FALSE),
                           'contact_left',
                               NULLIF(departure.contact_left, FALSE),
                           'person_moved',
                               NULLIF(departure.person_moved, FALSE)
                       )) AS signals,
                       COALESCE(departure.owner_left OR departure.person_left
                                OR departure.contact_left, FALSE) AS departed,
                       COALESCE(scope.due < %(today)s, FALSE)
                           OR COALESCE(mood.negative >= 2, FALSE)
                           OR COALESCE(mood.falling, FALSE)
                           OR commitments.overdue IS NOT NULL
                           OR concerns.overdue IS NOT NULL
                           OR COALESCE(departure.person_moved, FALSE) AS drifting
                  FROM scope
             LEFT JOIN mood ON mood.id = scope.id
             LEFT JOIN commitments ON commitments.id = scope.id
             LEFT JOIN concerns ON concerns.id = scope.id
             LEFT JOIN departure ON departure.id = scope.id
            ), judged AS (
                SELECT id, owner_id, old_state,
                       CASE WHEN departed THEN 'losing'
                            WHEN drifting THEN 'drifting'
                            ELSE 'steady'
                       END AS state,
                       CASE WHEN departed OR drifting THEN signals END AS signals
                  FROM signals
            )
            """,
            table=SQL.identifier(self._table),
            owner=SQL.identifier(self._health_owner_field()),
            due=self._health_due_date_sql(),
            in_scope=in_scope,
            link=link,
            interactions=self._drift_interactions_query(
                today - timedelta(days=DRIFT_WINDOW_DAYS), today
            ),
            departure=self._drift_departure_query(today),
            half=DRIFT_TREND_SIZE // 2,
            size=DRIFT_TREND_SIZE,
            fall=DRIFT_FALL,
            today=today,
        )

    @api.model
    def _drift_run(self, record_ids=None):
        """Judge the drift of the active records of this model (all, or
        ``record_ids``) in one statement, give the owner of each that just
        started drifting a to-do and close those of the ones that stopped.
        The number of queries does not depend on the number of records.
        Returns the activities created."""
        self._health_flush()
        self.env["hr.relationship.concern"].flush_model()
        # A move to another department is read from the employees' versions.
        self.env["hr.employee"].flush_model(["current_version_id", "active"])
        self.env["hr.version"].flush_model(
            ["employee_id", "date_version", "department_id", "active"]
        )
        self.env.cr.execute(
            SQL(
                """
                %(judged)s, updated AS (
                    UPDATE %(table)s rec
                       SET drift_state = judged.state,
                           drift_signals = judged.signals
                      FROM judged
                     WHERE rec.id = judged.id
                       AND (rec.drift_state IS DISTINCT FROM judged.state
                            OR rec.drift_signals IS DISTINCT FROM judged.signals)
                )
                SELECT id, owner_id, state = 'steady' AS steady, signals
                  FROM judged
                 WHERE (state = 'steady')
                       IS DISTINCT FROM (COALESCE(old_state, 'steady') = 'steady')
                """,
                judged=self._drift_judged_sql(
                    record_ids, fields.Date.context_today(self)
                ),
                table=SQL.identifier(self._table),
            )
        )
        changed = self.env.cr.dictfetchall()
        self.invalidate_model(["drift_state", "drift_signals"], flush=False)
        self._drift_close_activities([row["id"] for row in changed if row["steady"]])
        return self._drift_schedule_activities(
            [row for row in changed if not row["steady"] and row["owner_id"]]
        )

    @api.model
    def _drift_close_activities(self, record_ids):
        """The to-dos of relationships that stopped drifting are done with:
        nothing is left to act on."""
        if record_ids:
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", record_ids),
                    ("activity_type_id", "=", self._drift_activity_type().id),
                ]
            ).unlink()

    @api.model
    def _drift_schedule_activities(self, rows):
        """One to-do for the owner of each relationship in ``rows`` that just
        started drifting, unless one of ours is still open there; written in
        the owner's language, with the reasons as its note."""
        Activity = self.env["mail.activity"]
        if not rows:
            return Activity
        activity_type = self._drift_activity_type()
        open_ids = set(
            Activity.search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", [row["id"] for row in rows]),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            ).mapped("res_id")
        )
        rows = [row for row in rows if row["id"] not in open_ids]
        # Each new activity reads its record's name on its own; reading them
        # all here turns those reads into cache hits.
        self.sudo().browse([row["id"] for row in rows]).mapped("display_name")
        langs = {
            user.id: user.lang or "en_US"
            for user in self.env["res.users"]
            .sudo()
            .browse({row["owner_id"] for row in rows})
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for row in rows:
            lang = langs.get(row["owner_id"], "en_US")
            reasons, step = self.with_context(lang=lang)._drift_texts(row["signals"])
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": row["id"],
                    "activity_type_id": activity_type.id,
                    "user_id": row["owner_id"],
                    "date_deadline": today,
                    "automated": True,
                    "summary": step,
                    "note": Markup().join(
                        Markup("<p>%s</p>") % reason for reason in reasons
                    ),
                }
            )
        # No e-mail per to-do: a bad night must not cost a query per record.
        return Activity.with_context(mail_activity_quick_update=True).create(vals_list)

    # ------------------------------------------------------------
    # Why, in words
    # ------------------------------------------------------------

    @api.depends("drift_signals")
    @api.depends_context("lang")
    def _compute_drift_texts(self):
        for record in self:
            reasons, step = record._drift_texts(record.drift_signals or {})
            record.drift_reasons = "\n".join(reasons) or False
            record.drift_next_step = step or False

    def _drift_texts(self, signals):
        """(reasons, next step) of drift ``signals``, in this environment's
        language: one line per reason, the step for the most urgent one."""
        _ = self.env._
        reasons = []
        steps = []
        if signals.get("owner_left"):
            reasons.append(self._drift_owner_left_reason())
            steps.append(_("Hand the relationship over to a colleague"))
        if signals.get("contact_left"):
            reasons.append(_("Everybody in HR who spoke with them left"))
            steps.append(_("Hand the relationship over to a colleague"))
        if signals.get("person_left"):
            reasons.append(self._drift_person_left_reason())
            steps.append(_("Meet their successor"))
        if signals.get("person_moved"):
            reasons.append(_("They moved to another department lately"))
            steps.append(_("Meet them in their new role"))
        if signals.get("commitments"):
            reasons.append(
                _("%(count)s commitments overdue", count=signals["commitments"])
                if signals["commitments"] > 1
                else _("1 commitment overdue")
            )
            steps.append(_("Keep the overdue promise"))
        if signals.get("concerns"):
            reasons.append(
                _("%(count)s concerns overdue", count=signals["concerns"])
                if signals["concerns"] > 1
                else _("1 concern overdue")
            )
            steps.append(_("Follow up on the overdue concern"))
        if signals.get("negative") or signals.get("falling"):
            reasons.append(
                _("Last two conversations negative")
                if signals.get("negative")
                else _("Sentiment of recent conversations falling")
            )
            steps.append(_("Ask what is bothering them"))
        if signals.get("overdue"):
            reasons.append(self._drift_contact_reason(signals))
            steps.append(_("Plan a contact"))
        return reasons, steps[0] if steps else ""

    def _drift_contact_reason(self, signals):
        _ = self.env._
        cadence = signals.get("cadence") or 0
        if cadence % 7 == 0 or cadence > 28:
            expected = _("expected every %(weeks)s weeks", weeks=round(cadence / 7))
        else:
            expected = _("expected every %(days)s days", days=cadence)
        if "silent_days" not in signals:
            return _("Never contacted, %(expected)s", expected=expected)
        silent = signals["silent_days"]
        if silent >= 14:
            silence = _("No contact for %(weeks)s weeks", weeks=silent // 7)
        else:
            silence = _("No contact for %(days)s days", days=silent)
        return _("%(silence)s, %(expected)s", silence=silence, expected=expected)

    def _drift_owner_left_reason(self):
        return self.env._("The HR contact of this relationship left")

    def _drift_person_left_reason(self):
        return self.env._("The key person on their side left")
