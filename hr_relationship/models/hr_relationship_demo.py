# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from contextlib import suppress

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, file_path
from odoo.tools.translate import PoFileReader

from .database_lang import database_lang
from .hr_project_stakeholder import ATTITUDES
from .hr_project_stakeholder_snapshot import attitude_support_sql

MODULE = "hr_relationship"
# The addon's records whose chatter opens with Odoo's "... created" line.
LOGGED_MODELS = (
    "hr.internal.client",
    "hr.stakeholder",
    "hr.project.stakeholder",
    "hr.relationship.interaction",
    "hr.relationship.concern",
    "hr.relationship.commitment",
    "hr.satisfaction.survey",
    "survey.user_input",
)

# Months of history the demo's trend reports start with.
HISTORY_MONTHS = 12
# How mail.thread wraps that line, without and with a creation subtype.
CREATION_BODIES = (
    Markup("<p>%s</p>"),
    Markup('<div summary="o_mail_notification"><p>%s</p></div>'),
)


class HrRelationshipDemo(models.AbstractModel):
    """The demo data in the database's language.

    Translatable fields of the demo records (campaign and project names) are
    translated by Odoo itself from ``i18n_extra/<lang>.po``. The other texts
    of the demo are what users would type (needs, subjects, notes), so they
    have one value, which the demo writes in the database's language from the
    same file. The chatter lines written while the demo loads, when Odoo
    knows no user language, are written again in that language."""

    _name = "hr.relationship.demo"
    _description = "HR Relationship Demo Data"

    @api.model
    def _lang(self):
        """The database's language, when it is not English."""
        lang = database_lang(self.env)
        if lang != "en_US" and self.env["res.lang"]._lang_get(lang):
            return lang
        return None

    @api.model
    def _load_terms(self):
        """Odoo loads the addon's terms (model names, mail templates) only
        after its demo data, which writes chatter lines and mails with them:
        load them first."""
        if lang := self._lang():
            self.env["ir.module.module"]._load_module_terms([MODULE], [lang])

    @api.model
    def _localise(self):
        lang = self._lang()
        if not lang:
            return
        # Again, now that the demo records exist: their translatable names
        # (campaigns, projects) are quoted by the "you said, we did" message
        # posted next.
        self._load_terms()
        env = self.with_context(lang=lang).env
        self._localise_texts(env, lang)
        # The themes are made of the open answers' words, now in the
        # database's language.
        Theme = env["hr.satisfaction.theme"].sudo()
        Theme._compute_for_campaigns(Theme.search([]).campaign_id)
        self._localise_creation_messages(env)

    @api.model
    def _demo_translations(self, lang):
        """{(model, field): {xmlid: (english, translation)}} of the
        non-translatable fields in the addon's extra catalogue."""
        texts = defaultdict(dict)
        for name in dict.fromkeys([lang.split("_")[0], lang]):
            with suppress(FileNotFoundError):
                path = file_path(f"{MODULE}/i18n_extra/{name}.po")
                for row in PoFileReader(path):
                    if row.get("type") != "model" or not row["value"]:
                        continue
                    model, field = row["name"].split(",")
                    definition = self.env[model]._fields.get(field)
                    # Stored, or written through (the stakeholder's profile).
                    writable = definition and (definition.store or definition.inverse)
                    if writable and not definition.translate:
                        xmlid = f"{row['module']}.{row['imd_name']}"
                        texts[model, field][xmlid] = (row["src"], row["value"])
        return texts

    @api.model
    def _localise_texts(self, env, lang):
        Data = env["ir.model.data"].sudo()
        for (model, field), by_xmlid in self._demo_translations(lang).items():
            names = {xmlid.split(".", 1)[1]: xmlid for xmlid in by_xmlid}
            rows = Data.search_read(
                [("module", "=", MODULE), ("model", "=", model)]
                + [("name", "in", list(names))],
                ["name", "res_id"],
            )
            records = env[model].sudo().browse([row["res_id"] for row in rows])
            xmlid_of = {row["res_id"]: names[row["name"]] for row in rows}
            # One write per text: the interactions share a few summaries.
            by_text = defaultdict(list)
            for record in records:
                english, translation = by_xmlid[xmlid_of[record.id]]
                # A text someone changed since the install stays theirs.
                if str(record[field] or "").strip() == english.strip():
                    by_text[translation].append(record.id)
            for translation, ids in by_text.items():
                records.browse(ids).with_context(mail_notrack=True).write(
                    {field: translation}
                )

    @api.model
    def _localise_creation_messages(self, env):
        """While the demo loads, Odoo writes "<model> created" with the
        model's English name, and the rest in English or, when the database
        was created in a language, already in that language."""
        Message = env["mail.message"].sudo()
        for model in LOGGED_MODELS:
            record = env[model].new()
            english = record.with_context(lang="en_US")._creation_message()
            translated = record._creation_message()
            english_name = env["ir.model"].with_context(lang="en_US")._get(model).name
            name = env["ir.model"]._get(model).name
            mixed = translated.replace(name, english_name)
            written = list({english, mixed} - {translated})
            for wrap in CREATION_BODIES:
                Message.search(
                    [("model", "=", model)]
                    + [("body", "in", [wrap % body for body in written])]
                ).write({"body": wrap % translated})

    # ------------------------------------------------------------
    # History
    # ------------------------------------------------------------

    @api.model
    def _history(self, months=HISTORY_MONTHS):
        """Give the trend reports a past: the monthly rows the daily jobs
        would have written over the last ``months`` months, derived from
        this month's rows (which the demo's jobs just wrote) in a fixed
        number of statements. Each relationship follows its own course,
        mostly improving; satisfaction figures are those of the campaigns
        closed by then; project positions were a step less favourable some
        months ago, and project support is computed from them as the job
        does."""
        self.env.flush_all()
        today = fields.Date.context_today(self)
        params = {
            "month": today.replace(day=1),
            "months": months,
            "uid": self.env.uid,
            "now": fields.Datetime.now(),
        }
        settings = self.env["hr.relationship.health.mixin"]._health_settings()
        self._history_health(params, settings)
        self._history_positions(params)
        self._history_portfolios(params)
        self.env.invalidate_all()

    @api.model
    def _history_health(self, params, settings):
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_relationship_health_snapshot (
                    stakeholder_id, internal_client_id, company_id, month,
                    health_score, health_state, latest_satisfaction_index,
                    latest_csat, latest_nps,
                    create_uid, create_date, write_uid, write_date)
                SELECT s.stakeholder_id, s.internal_client_id, s.company_id,
                       past.month, score.value,
                       CASE WHEN score.value >= %(healthy_min)s THEN 'healthy'
                            WHEN score.value < %(at_risk_below)s THEN 'at_risk'
                            ELSE 'attention' END,
                       CASE WHEN s.latest_satisfaction_index IS NOT NULL
                            THEN result.satisfaction_index END,
                       CASE WHEN s.latest_csat IS NOT NULL THEN result.csat END,
                       CASE WHEN s.latest_nps IS NOT NULL THEN result.nps END,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM hr_relationship_health_snapshot s
            CROSS JOIN LATERAL (
                       SELECT n, (s.month - make_interval(months => n))::date
                                  AS month
                         FROM generate_series(1, %(months)s) n) past
             LEFT JOIN LATERAL (
                       SELECT r.satisfaction_index, r.csat, r.nps
                         FROM hr_satisfaction_result r
                        WHERE r.date < past.month + interval '1 month'
                          AND CASE WHEN s.stakeholder_id IS NOT NULL
                                   THEN r.scope = 'stakeholder'
                                        AND r.stakeholder_id = s.stakeholder_id
                                   ELSE r.scope = 'internal_client'
                                        AND r.internal_client_id
                                            = s.internal_client_id END
                     ORDER BY r.date DESC, r.id DESC
                        LIMIT 1) result ON TRUE
            -- A course of its own per relationship (-0.8 to 2.4 points a
            -- month, most improving) with a little monthly noise; a worse
            -- satisfaction then than now weighs on the score as it does in
            -- the health formula.
            CROSS JOIN LATERAL (
                       SELECT LEAST(100, GREATEST(0, ROUND((
                                  s.health_score
                                  - (MOD(s.id, 5) - 1) * 0.8 * past.n
                                  + (MOD(s.id * 7 + past.n * 13, 9) - 4)
                                  + COALESCE(0.3 * (result.csat - s.latest_csat), 0)
                                  + COALESCE(0.3 * (result.satisfaction_index
                                                    - s.latest_satisfaction_index), 0)
                                  + COALESCE(0.15 * (result.nps - s.latest_nps), 0)
                              )::numeric, 1))) AS value) score
                 WHERE s.month = %(month)s
                ON CONFLICT DO NOTHING
                """,
                healthy_min=settings["healthy_min"],
                at_risk_below=settings["at_risk_below"],
                **params,
            )
        )

    @api.model
    def _history_positions(self, params):
        """Positions a step less favourable before a month of their own,
        within the project's lifetime; project support from them."""
        order = [attitude for attitude, _label in ATTITUDES]
        self.env.cr.execute(
            SQL(
                """
                WITH past AS (
                    SELECT s.project_stakeholder_id, s.project_id,
                           s.stakeholder_id, s.company_id, s.influence,
                           s.interest, s.target_attitude, m.month,
                           (%(order)s::varchar[])[LEAST(
                               array_length(%(order)s::varchar[], 1),
                               array_position(%(order)s::varchar[], s.attitude)
                               + CASE WHEN m.n >= MOD(s.id, 4) + 2 THEN 1 ELSE 0 END
                           )] AS attitude
                      FROM hr_project_stakeholder_snapshot s
                      JOIN project_project project ON project.id = s.project_id
                CROSS JOIN LATERAL (
                           SELECT n, (s.month - make_interval(months => n))::date
                                      AS month
                             FROM generate_series(1, %(months)s) n) m
                     WHERE s.month = %(month)s
                       AND s.attitude IS NOT NULL
                       AND m.month >= date_trunc(
                               'month', COALESCE(project.date_start, m.month))
                ), positions AS (
                    INSERT INTO hr_project_stakeholder_snapshot (
                        project_stakeholder_id, project_id, stakeholder_id,
                        company_id, month, attitude, target_attitude, support,
                        influence, interest, is_below_target,
                        create_uid, create_date, write_uid, write_date)
                    SELECT project_stakeholder_id, project_id, stakeholder_id,
                           company_id, month, attitude, target_attitude,
                           %(support)s, influence, interest,
                           COALESCE(array_position(%(order)s::varchar[], attitude)
                               > array_position(%(order)s::varchar[],
                                                target_attitude), FALSE),
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM past
                    ON CONFLICT DO NOTHING
                    RETURNING project_id, company_id, month, support, influence,
                              is_below_target
                )
                INSERT INTO hr_project_support_snapshot (
                    project_id, company_id, month, support_index,
                    stakeholder_count, below_target_count,
                    create_uid, create_date, write_uid, write_date)
                SELECT project_id, MIN(company_id), month,
                       ROUND((100.0 * SUM(support * influence)
                              / NULLIF(SUM(influence), 0))::numeric, 1),
                       COUNT(*), COUNT(*) FILTER (WHERE is_below_target),
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM positions
              GROUP BY project_id, month
                ON CONFLICT DO NOTHING
                """,
                order=order,
                support=attitude_support_sql(SQL("past.attitude")),
                **params,
            )
        )

    @api.model
    def _history_portfolios(self, params):
        """Each HR colleague's portfolio with a few more overdue contacts
        and a lower coverage further back."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_relationship_portfolio_snapshot (
                    portfolio_id, company_id, month, stakeholder_count,
                    client_count, overdue_count, at_risk_count, coverage,
                    key_person_count, brokerage,
                    create_uid, create_date, write_uid, write_date)
                SELECT s.portfolio_id, s.company_id, past.month,
                       s.stakeholder_count, s.client_count,
                       GREATEST(0, s.overdue_count + past.n / 4
                                   + MOD(s.portfolio_id + past.n, 3) - 1),
                       s.at_risk_count + past.n / 6,
                       LEAST(100, GREATEST(0, ROUND((s.coverage - 2 * past.n
                           + MOD(s.portfolio_id * 3 + past.n, 5) - 2)::numeric,
                           1))),
                       s.key_person_count, s.brokerage,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM hr_relationship_portfolio_snapshot s
            CROSS JOIN LATERAL (
                       SELECT n, (s.month - make_interval(months => n))::date
                                  AS month
                         FROM generate_series(1, %(months)s) n) past
                 WHERE s.month = %(month)s
                ON CONFLICT DO NOTHING
                """,
                **params,
            )
        )

    @api.model
    def _demo_handover(self, user_id):
        """A colleague who left: their relationships handed over to the
        successors the handover wizard suggests, their user archived."""
        leaver = self.env["res.users"].browse(user_id)
        # The notes and introductions in the database's language.
        Handover = self.env["hr.relationship.handover"].with_context(
            lang=self._lang() or "en_US"
        )
        action = Handover._open_for(leaver, leaver.company_id)
        if action:
            Handover.browse(action["res_id"]).action_hand_over()
        leaver.action_archive()
