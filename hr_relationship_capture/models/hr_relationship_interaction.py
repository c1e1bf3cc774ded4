# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Interactions that log themselves: from calendar meetings, from e-mail and
from the relationships mailbox (mail forwarded or BCC'd to the relationships
alias by a relationship user becomes an interaction with the stakeholders it
involves).

Who and what is captured is decided by two set-based queries (one for
meetings, one for messages) that both the live capture and the backfill use:
the live capture of meetings creates the interactions through the ORM; the
capture of e-mail and the backfill insert them in one statement that skips
a key captured already. A row of either query holds everything an
interaction needs; its ``capture_key`` makes capture idempotent (unique).
E-mail is captured in the transaction of the person who writes it, which the
capture never fails (``_hr_capture_insert_or_skip``)."""

import logging
import re
from collections import Counter, defaultdict
from email.utils import parsedate_to_datetime

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import (
    SQL,
    email_normalize,
    email_split,
    html2plaintext,
    mute_logger,
    plaintext2html,
)

from odoo.addons.hr_relationship.models.hr_relationship_interaction import (
    EARLIEST_DATE,
    PLANNING_HORIZON_YEARS,
    SENTIMENT_SCORES,
    suggest_sentiment,
)
from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER
from odoo.addons.hr_relationship.tools.record_check import checked_records
from odoo.addons.mail.tools.alias_error import AliasError

from ..tools.mail_checks import failed_authentication, is_automatic

_logger = logging.getLogger(__name__)

# Context key of the capture's own writes, which are no edits by hand.
CAPTURE_CONTEXT = "hr_relationship_capture"
# Context key that switches capture off (data imports, benchmarks).
NO_CAPTURE_CONTEXT = "hr_relationship_no_capture"
CAPTURE_SOURCES = [
    ("calendar", "Calendar"),
    ("email", "E-mail"),
    ("mailbox", "Mailbox"),
]
# What a person changes on an interaction; the capture leaves an
# interaction edited this way alone.
HAND_FIELDS = {
    "name",
    "interaction_type",
    "stakeholder_ids",
    "internal_client_id",
    "project_id",
    "user_id",
    "sentiment",
    "sentiment_chosen",
    "summary",
    "topic_ids",
}
# Message types that are mail between people; notifications and notes are not.
MAIL_TYPES = ("email", "comment", "email_outgoing")
# Threads whose messages are never e-mail with a stakeholder: the
# interactions themselves (the mailbox posts the mail there) and chat.
UNCAPTURED_THREADS = ("hr.relationship.interaction", "discuss.channel")
# Header lines of a message forwarded inline, in English and Dutch.
FORWARDED_HEADER = re.compile(
    r"^\s*[>*]*\s*(from|to|cc|van|aan)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE
)
FORWARDED_DATE = re.compile(
    r"^\s*[>*]*\s*(date|sent|datum|verzonden)\s*:\s*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
SUBJECT_PREFIX = re.compile(r"^\s*((fwd?|fw|tr|doorst|re|antw)\s*:\s*)+", re.I)
# Attachments above this size are not kept on the interaction.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
# Addresses of one mail looked at, at most.
MAX_ADDRESSES = 500
# Records of a batch of the backfill (setting): a batch is two set-based
# queries whatever its size, so it takes more records than a daily job's.
BACKFILL_BATCH_PARAM = "hr_relationship_capture.backfill_batch_size"
BACKFILL_BATCH_DEFAULT = 1000


class HrRelationshipInteraction(models.Model):
    """Interactions captured from meetings, e-mail and the relationships
    mailbox; uninstalling the capture keeps them, as manual ones."""

    _inherit = "hr.relationship.interaction"

    source = fields.Selection(
        selection_add=CAPTURE_SOURCES,
        ondelete={value: "set default" for value, _label in CAPTURE_SOURCES},
    )
    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    mail_message_id = fields.Many2one(
        "mail.message",
        string="Message",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    origin_model = fields.Char(
        readonly=True,
        copy=False,
        help="Model of the record the interaction was captured from.",
    )
    origin_res_id = fields.Many2oneReference(
        string="Origin Record",
        model_field="origin_model",
        readonly=True,
        copy=False,
    )
    capture_key = fields.Char(
        readonly=True,
        copy=False,
        help="What the interaction was captured from, once per meeting, per "
        "stakeholder, thread and day of mail, or per mailbox message.",
    )
    is_capture_edited = fields.Boolean(
        string="Edited by Hand",
        readonly=True,
        copy=False,
        help="Someone changed this captured interaction: it stays when its "
        "meeting is cancelled or deleted.",
    )
    suggested_emails = fields.Text(
        string="Suggested Stakeholders",
        readonly=True,
        copy=False,
        help="Addresses of the captured mail that match no stakeholder. "
        "Nobody becomes a stakeholder until someone decides so.",
    )

    _capture_key_unique = models.Constraint(
        "UNIQUE(capture_key)",
        "This meeting or mail has been captured already.",
    )

    def write(self, vals):
        if self.env.context.get(CAPTURE_CONTEXT) or not HAND_FIELDS & set(vals):
            return super().write(vals)
        captured = self.filtered(
            lambda i: i.source != "manual" and not i.is_capture_edited
        )
        if captured:
            other = self - captured
            result = super(HrRelationshipInteraction, captured).write(
                dict(vals, is_capture_edited=True)
            )
            if other:
                super(HrRelationshipInteraction, other).write(vals)
            return result
        return super().write(vals)

    def action_open_capture_origin(self):
        """Open the meeting, the message's record or the mail the interaction
        was captured from."""
        checked_records(self, single=True)
        model = self.origin_model
        if not model or model not in self.env or not self.origin_res_id:
            return False
        record = self.env[model].browse(self.origin_res_id).exists()
        if not record:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------
    # Shared pieces of the capture queries
    # ------------------------------------------------------------

    @api.model
    def _hr_capture_group_id(self):
        return self.env["ir.model.data"]._xmlid_to_res_id(RELATIONSHIP_USER)

    @api.model
    def _hr_capture_member_sql(self, user):
        """SQL: whether res_users ``user`` (an alias) has the relationship
        user group, given or implied by another group it was given."""
        # Odoo 18.0 also writes the implied groups of a user into
        # res_groups_users_rel; from 19.0 the table holds only the groups
        # given (group_ids), so the groups implying ours are followed here.
        return SQL(
            """EXISTS (
                SELECT 1 FROM res_groups_users_rel member
                 WHERE member.uid = %(user)s.id
                   AND member.gid IN (
                       WITH RECURSIVE implying(gid) AS (
                           SELECT %(group)s::integer
                            UNION
                           SELECT rel.gid FROM res_groups_implied_rel rel
                             JOIN implying ON rel.hid = implying.gid)
                       SELECT gid FROM implying))""",
            user=SQL.identifier(user),
            group=self._hr_capture_group_id(),
        )

    @api.model
    def _hr_capture_date_range(self):
        today = fields.Date.context_today(self)
        return EARLIEST_DATE, today + relativedelta(years=PLANNING_HORIZON_YEARS)

    @api.model
    def _hr_capture_flush(self):
        """The capture queries read these; pending ORM writes go first."""
        self.env["res.users"].flush_model(["active", "share", "hr_capture_opt_out"])
        self.env["hr.stakeholder"].flush_model(
            ["person_partner_id", "active", "is_anonymised", "company_id"]
        )
        self.env["res.company"].flush_model(
            [
                "hr_capture_calendar",
                "hr_capture_email",
                "hr_capture_keep_body",
                "hr_capture_body_max_length",
                "hr_capture_excluded_domains",
            ]
        )
        self.flush_model(["capture_key", "calendar_event_id"])

    @api.model
    def _hr_capture_partner_allowed(self, partner, company):
        """SQL: the partner's e-mail domain is not excluded by the company."""
        return SQL(
            "(%(partner)s.email_normalized IS NULL OR split_part("
            "%(partner)s.email_normalized, '@', 2) <> ALL(string_to_array("
            "replace(replace(lower(COALESCE(%(company)s.hr_capture_excluded_domains,"
            " '')), ' ', ''), '@', ''), ',')))",
            partner=SQL.identifier(partner),
            company=SQL.identifier(company),
        )

    @api.model
    def _hr_capture_body_sql(self, html, company):
        """SQL: the body the company keeps of ``html``, as HTML (or NULL)."""
        return SQL(
            "CASE WHEN %(company)s.hr_capture_keep_body AND %(html)s IS NOT NULL "
            "THEN '<p>' || left(btrim(regexp_replace(%(html)s::text, "
            "'<[^>]*>', ' ', 'g')), GREATEST(%(company)s.hr_capture_body_max_length,"
            " 1)) || '</p>' END",
            html=html,
            company=SQL.identifier(company),
        )

    @api.model
    def _hr_capture_client_sql(self, stakeholder_ids, company_id):
        """SQL: the one internal client of the company all these stakeholders
        belong to, NULL when none or several."""
        return SQL(
            """(SELECT MIN(hits.client_id) FROM (
                   SELECT rel.internal_client_id AS client_id
                     FROM hr_internal_client_stakeholder_rel rel
                     JOIN hr_internal_client client
                       ON client.id = rel.internal_client_id
                      AND client.company_id = %(company_id)s
                    WHERE rel.stakeholder_id = ANY(%(stakeholder_ids)s)
                    GROUP BY rel.internal_client_id
                   HAVING COUNT(DISTINCT rel.stakeholder_id)
                          = cardinality(%(stakeholder_ids)s)
               ) hits HAVING COUNT(*) = 1)""",
            stakeholder_ids=stakeholder_ids,
            company_id=company_id,
        )

    @api.model
    def _hr_relationship_users_sql(self, people):
        """SQL: the relationship users (who capture) among ``people``
        (a relation with partner_id), as user_id, user_partner_id."""
        return SQL(
            """SELECT %(people)s.*, hr_user.id AS user_id,
                      hr_user.partner_id AS user_partner_id
                 FROM %(people)s
                 JOIN res_users hr_user
                   ON hr_user.partner_id = %(people)s.partner_id
                  AND hr_user.active AND NOT hr_user.share
                  AND hr_user.hr_capture_opt_out IS NOT TRUE
                  AND %(member)s""",
            people=SQL.identifier(people),
            member=self._hr_capture_member_sql("hr_user"),
        )

    @api.model
    def _hr_stakeholders_sql(self, people, channel):
        """SQL: the stakeholders standing for ``people`` whose company
        captures ``channel``, outside excluded domains."""
        return SQL(
            """SELECT %(people)s.*, stakeholder.id AS stakeholder_id,
                      stakeholder.company_id, stakeholder.owner_id
                 FROM %(people)s
                 JOIN hr_stakeholder stakeholder
                   ON stakeholder.person_partner_id = %(people)s.partner_id
                  AND stakeholder.active
                  AND stakeholder.is_anonymised IS NOT TRUE
                 JOIN res_company company
                   ON company.id = stakeholder.company_id AND company.%(channel)s
                 JOIN res_partner person ON person.id = %(people)s.partner_id
                WHERE %(allowed)s""",
            people=SQL.identifier(people),
            channel=SQL.identifier(channel),
            allowed=self._hr_capture_partner_allowed("person", "company"),
        )

    # ------------------------------------------------------------
    # Meetings
    # ------------------------------------------------------------

    @api.model
    def _hr_meeting_candidates_sql(self, scope):
        """SQL selecting one row per meeting and company to capture:
        capture_key, event_id, company_id, user_id, stakeholder_ids, name,
        date, internal_client_id, summary. ``scope`` filters
        calendar_event ``event``."""
        earliest, latest = self._hr_capture_date_range()
        return SQL(
            """
            WITH event AS (
                SELECT event.id, event.name, event.user_id, event.description,
                       CASE WHEN event.allday THEN event.start_date
                            ELSE event.start::date END AS date
                  FROM calendar_event event
             LEFT JOIN res_users_settings organizer_settings
                    ON organizer_settings.user_id = event.user_id
                 WHERE (%(scope)s) AND event.active
                   AND COALESCE(event.privacy,
                                organizer_settings.calendar_default_privacy,
                                'public') <> 'private'
                   -- Of a recurring meeting, the occurrences that took
                   -- place and the next one (the planned contact).
                   AND NOT (event.recurrence_id IS NOT NULL
                            AND event.start > %(now)s
                            AND EXISTS (
                                SELECT 1 FROM calendar_event earlier
                                 WHERE earlier.recurrence_id = event.recurrence_id
                                   AND earlier.active
                                   AND earlier.start > %(now)s
                                   AND earlier.start < event.start))
            ), attendee AS (
                SELECT rel.calendar_event_id AS event_id,
                       rel.res_partner_id AS partner_id
                  FROM calendar_event_res_partner_rel rel
                  JOIN event ON event.id = rel.calendar_event_id
            ), hr AS (%(hr)s), chosen AS (
                -- The organizer when a relationship user, else the first one.
                SELECT DISTINCT ON (hr.event_id) hr.event_id, hr.user_id,
                       hr.user_partner_id
                  FROM hr JOIN event ON event.id = hr.event_id
                 ORDER BY hr.event_id, hr.user_id = event.user_id DESC, hr.user_id
            ), stakeholders AS (%(stakeholders)s), grouped AS (
                SELECT stakeholders.event_id, stakeholders.company_id,
                       chosen.user_id,
                       array_agg(DISTINCT stakeholders.stakeholder_id)
                           AS stakeholder_ids
                  FROM stakeholders
                  JOIN chosen ON chosen.event_id = stakeholders.event_id
                 WHERE stakeholders.partner_id <> chosen.user_partner_id
                 GROUP BY stakeholders.event_id, stakeholders.company_id,
                          chosen.user_id
            )
            SELECT 'calendar:' || grouped.event_id || ':' || grouped.company_id
                       AS capture_key,
                   grouped.event_id, grouped.company_id, grouped.user_id,
                   grouped.stakeholder_ids,
                   COALESCE(NULLIF(event.name, ''), %(default_name)s) AS name,
                   event.date,
                   %(client)s AS internal_client_id,
                   %(body)s AS summary
              FROM grouped
              JOIN event ON event.id = grouped.event_id
              JOIN res_company company ON company.id = grouped.company_id
             WHERE event.date BETWEEN %(earliest)s AND %(latest)s
            """,
            scope=scope,
            hr=self._hr_relationship_users_sql("attendee"),
            stakeholders=self._hr_stakeholders_sql("attendee", "hr_capture_calendar"),
            client=self._hr_capture_client_sql(
                SQL("grouped.stakeholder_ids"), SQL("grouped.company_id")
            ),
            body=self._hr_capture_body_sql(SQL("event.description"), "company"),
            default_name=_("Meeting"),
            now=fields.Datetime.now(),
            earliest=earliest,
            latest=latest,
        )

    # ------------------------------------------------------------
    # E-mail
    # ------------------------------------------------------------

    @api.model
    def _hr_email_candidates_sql(self, scope, extra_recipients=()):
        """SQL selecting one row per stakeholder, thread and day to capture
        from mail.message ``message`` in ``scope``: capture_key, message_id,
        company_id, user_id, stakeholder_ids, name, date, internal_client_id,
        summary, model, res_id, unnamed. A key captured already gives no row.

        A message without a subject is named after its document once
        inserted (``unnamed``, see _hr_name_after_documents): the document's
        name is no column (mail.message.record_name is computed since 19.0)."""
        return SQL(
            """
            WITH message AS (
                SELECT message.id, message.model, message.res_id,
                       message.author_id, message.date, message.subject,
                       message.body
                  FROM mail_message message
             LEFT JOIN mail_message_subtype subtype
                    ON subtype.id = message.subtype_id
                 WHERE (%(scope)s)
                   AND message.message_type IN %(types)s
                   AND message.is_internal IS NOT TRUE
                   AND subtype.internal IS NOT TRUE
                   AND message.res_id IS NOT NULL
                   AND message.model NOT IN %(uncaptured)s
            ), people AS (
                SELECT message.id AS message_id, message.author_id AS partner_id,
                       TRUE AS is_author
                  FROM message WHERE message.author_id IS NOT NULL
                 UNION ALL
                SELECT rel.mail_message_id, rel.res_partner_id, FALSE
                  FROM mail_message_res_partner_rel rel
                  JOIN message ON message.id = rel.mail_message_id
                 UNION ALL
                SELECT message.id, extra.partner_id, FALSE
                  FROM message
            CROSS JOIN unnest(%(extra_recipients)s::integer[]) extra(partner_id)
            ), hr AS (%(hr)s), stakeholders AS (%(stakeholders)s),
            owner AS (%(owners)s), found AS (
                -- Sent by a relationship user to stakeholders.
                SELECT hr.message_id, hr.user_id, stakeholders.stakeholder_id,
                       stakeholders.company_id
                  FROM hr
                  JOIN stakeholders
                    ON stakeholders.message_id = hr.message_id
                   AND NOT stakeholders.is_author
                   AND stakeholders.partner_id <> hr.user_partner_id
                 WHERE hr.is_author
                 UNION ALL
                -- Received from a stakeholder: by the relationship users it
                -- went to, else by the relationship's owner.
                SELECT stakeholders.message_id,
                       COALESCE(MIN(recipient.user_id), MIN(owner.user_id)),
                       stakeholders.stakeholder_id, stakeholders.company_id
                  FROM stakeholders
             LEFT JOIN hr recipient
                    ON recipient.message_id = stakeholders.message_id
                   AND NOT recipient.is_author
                   AND recipient.user_partner_id <> stakeholders.partner_id
             LEFT JOIN owner ON owner.user_id = stakeholders.owner_id
                 WHERE stakeholders.is_author
                   AND NOT EXISTS (
                       SELECT 1 FROM hr
                        WHERE hr.message_id = stakeholders.message_id
                          AND hr.is_author)
                 GROUP BY stakeholders.message_id, stakeholders.stakeholder_id,
                          stakeholders.company_id
                HAVING COALESCE(MIN(recipient.user_id), MIN(owner.user_id))
                       IS NOT NULL
            ), keyed AS (
                SELECT DISTINCT ON (capture_key)
                       'email:' || found.stakeholder_id || ':' || message.model
                           || ':' || message.res_id || ':' || message.date::date
                           AS capture_key,
                       found.message_id, found.company_id, found.user_id,
                       ARRAY[found.stakeholder_id] AS stakeholder_ids,
                       message.model, message.res_id, message.date::date AS date,
                       NULLIF(btrim(message.subject), '') AS subject,
                       message.body
                  FROM found JOIN message ON message.id = found.message_id
                 ORDER BY capture_key, message.date, message.id
            )
            SELECT keyed.capture_key, keyed.message_id, keyed.company_id,
                   keyed.user_id, keyed.stakeholder_ids,
                   left(COALESCE(keyed.subject, %(default_name)s), 256) AS name,
                   keyed.date,
                   %(client)s AS internal_client_id,
                   %(body)s AS summary,
                   keyed.model, keyed.res_id,
                   keyed.subject IS NULL AS unnamed
              FROM keyed
              JOIN res_company company ON company.id = keyed.company_id
             WHERE NOT EXISTS (
                   SELECT 1 FROM hr_relationship_interaction interaction
                    WHERE interaction.capture_key = keyed.capture_key)
            """,
            scope=scope,
            extra_recipients=list(extra_recipients),
            types=MAIL_TYPES,
            uncaptured=UNCAPTURED_THREADS,
            hr=self._hr_relationship_users_sql("people"),
            stakeholders=self._hr_stakeholders_sql("people", "hr_capture_email"),
            owners=SQL(
                """SELECT hr_user.id AS user_id FROM res_users hr_user
                   WHERE hr_user.active AND NOT hr_user.share
                     AND hr_user.hr_capture_opt_out IS NOT TRUE
                     AND %(member)s
                     AND hr_user.id IN (SELECT owner_id FROM stakeholders)""",
                member=self._hr_capture_member_sql("hr_user"),
            ),
            client=self._hr_capture_client_sql(
                SQL("keyed.stakeholder_ids"), SQL("keyed.company_id")
            ),
            body=self._hr_capture_body_sql(SQL("keyed.body"), "company"),
            default_name=_("E-mail"),
        )

    # ------------------------------------------------------------
    # Creating what was found
    # ------------------------------------------------------------

    @api.model
    def _hr_capture_env(self):
        return self.sudo().with_context(
            **{
                CAPTURE_CONTEXT: True,
                "tracking_disable": True,
                "mail_create_nolog": True,
                "mail_create_nosubscribe": True,
                "mail_notrack": True,
            }
        )

    @api.model
    def _hr_capture_values(self, row, source):
        """Values of one interaction from one candidate row."""
        values = {
            "name": row["name"],
            "date": row["date"],
            "interaction_type": "meeting" if source == "calendar" else "email",
            "source": source,
            "company_id": row["company_id"],
            "user_id": row["user_id"],
            "stakeholder_ids": [fields.Command.set(row["stakeholder_ids"])],
            "internal_client_id": row["internal_client_id"] or False,
            "summary": row["summary"] or False,
            "capture_key": row["capture_key"],
        }
        if source == "calendar":
            values.update(
                calendar_event_id=row["event_id"],
                origin_model="calendar.event",
                origin_res_id=row["event_id"],
            )
        else:
            values.update(
                mail_message_id=row["message_id"],
                origin_model=row["model"],
                origin_res_id=row["res_id"],
            )
        return values

    @api.model
    def _hr_capture_fetch(self, query):
        self.env.cr.execute(query)
        columns = [column.name for column in self.env.cr.description]
        return [dict(zip(columns, row, strict=True)) for row in self.env.cr.fetchall()]

    @api.model
    def _hr_capture_emails(self, message_ids, extra_recipients=()):
        """Capture the e-mail among these messages (sent also to the
        partners ``extra_recipients``); returns the new interactions. One
        query when nothing is to be captured."""
        if not message_ids:
            return self.browse()
        self._hr_capture_flush()
        candidates = self._hr_email_candidates_sql(
            SQL("message.id = ANY(%s)", list(message_ids)), extra_recipients
        )
        self.env.cr.execute(SQL("SELECT capture_key FROM (%s) candidate", candidates))
        keys = [key for (key,) in self.env.cr.fetchall()]
        if not keys:
            return self.browse()
        return self._hr_capture_created(
            *self._hr_capture_insert_or_skip(candidates, "email", keys)
        )

    @api.model
    def _hr_capture_insert_or_skip(self, candidates, source, keys):
        """Insert the interactions of ``candidates`` with these capture keys
        in the user's transaction, which the capture must never cost: a key
        captured in the meantime is skipped.

        Insert-or-ignore (ON CONFLICT DO NOTHING) skips a key committed
        before this transaction began. One committed by a concurrent
        transaction (two people writing on the same thread the same day) is
        not visible to this one, whose snapshot is older (Odoo works in
        REPEATABLE READ): PostgreSQL answers the conflict with a
        serialization failure. Inside a savepoint that holds nothing but
        this insert, the failure means exactly that the key is captured
        already; the other keys are inserted one by one."""
        try:
            # The database logs the refused statement, which is no error here.
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False):
                return self._hr_capture_insert(
                    SQL(
                        "SELECT * FROM (%s) candidate WHERE capture_key = ANY(%s)",
                        candidates,
                        list(keys),
                    ),
                    source,
                )
        except psycopg2.errors.SerializationFailure:
            if len(keys) == 1:
                _logger.info(
                    "Capture: %s was captured by a concurrent transaction", keys[0]
                )
                return [], [], []
        inserted = ([], [], [])
        for key in keys:
            for done, new in zip(
                inserted,
                self._hr_capture_insert_or_skip(candidates, source, [key]),
                strict=True,
            ):
                done.extend(new)
        return inserted

    @api.model
    def _hr_capture_created(self, interaction_ids, stakeholder_ids, client_ids):
        """What the ORM does when it creates interactions, for those the
        capture inserted: the contact dates of their stakeholders and
        clients, their health and network figures, and the pulses after
        them."""
        Interaction = self._hr_capture_env()
        env = Interaction.env
        Interaction.invalidate_model()
        env["hr.stakeholder"].invalidate_model(["interaction_ids"])
        env["hr.internal.client"].invalidate_model(["interaction_ids"])
        if stakeholder_ids:
            env["hr.stakeholder"]._refresh_contact_dates(list(stakeholder_ids))
        if client_ids:
            env["hr.internal.client"]._refresh_contact_dates(list(client_ids))
        interactions = Interaction.browse(interaction_ids)
        Interaction._refresh_figures(*interactions._touched_relationships())
        env["hr.satisfaction.survey"]._send_pulses_for_interactions(interactions)
        return interactions.with_env(self.env)

    # ------------------------------------------------------------
    # Backfill
    # ------------------------------------------------------------

    @api.model
    def _hr_capture_insert(self, candidates, source):
        """Insert the interactions of ``candidates`` (one of the candidate
        queries) in one statement, skipping what was captured already.
        Returns (interaction ids, stakeholder ids, client ids)."""
        if source == "calendar":
            link = SQL(
                "candidate.event_id, NULL::integer, 'calendar.event', "
                "candidate.event_id"
            )
            unnamed = SQL("FALSE")
        else:
            link = SQL(
                "NULL::integer, candidate.message_id, candidate.model, candidate.res_id"
            )
            unnamed = SQL("candidate.unnamed")
        self.env.cr.execute(
            SQL(
                """
                WITH candidate AS (%(candidates)s), inserted AS (
                    INSERT INTO hr_relationship_interaction (
                        name, date, interaction_type, source, company_id,
                        user_id, sentiment, sentiment_score, summary,
                        internal_client_id, capture_key, calendar_event_id,
                        mail_message_id, origin_model, origin_res_id,
                        create_uid, create_date, write_uid, write_date)
                    -- Nobody chose a sentiment: what the text suggests
                    -- replaces this placeholder below.
                    SELECT candidate.name, candidate.date, %(type)s, %(source)s,
                           candidate.company_id, candidate.user_id, 'neutral', 0,
                           candidate.summary, candidate.internal_client_id,
                           candidate.capture_key, %(link)s,
                           %(uid)s, now() AT TIME ZONE 'UTC',
                           %(uid)s, now() AT TIME ZONE 'UTC'
                      FROM candidate
                        ON CONFLICT (capture_key) DO NOTHING
                    RETURNING id, capture_key, internal_client_id
                ), linked AS (
                    INSERT INTO hr_relationship_interaction_stakeholder_rel
                        (interaction_id, stakeholder_id)
                    SELECT inserted.id, unnest(candidate.stakeholder_ids)
                      FROM inserted
                      JOIN candidate
                        ON candidate.capture_key = inserted.capture_key
                    RETURNING stakeholder_id
                )
                SELECT (SELECT array_agg(id) FROM inserted),
                       (SELECT array_agg(DISTINCT stakeholder_id) FROM linked),
                       (SELECT array_agg(DISTINCT internal_client_id)
                          FROM inserted WHERE internal_client_id IS NOT NULL),
                       (SELECT array_agg(inserted.id)
                          FROM inserted
                          JOIN candidate
                            ON candidate.capture_key = inserted.capture_key
                         WHERE %(unnamed)s)
                """,
                candidates=candidates,
                type="meeting" if source == "calendar" else "email",
                source=source,
                link=link,
                unnamed=unnamed,
                uid=self.env.uid,
            )
        )
        interaction_ids, stakeholder_ids, client_ids, unnamed_ids = (
            self.env.cr.fetchone()
        )
        if unnamed_ids:
            self._hr_name_after_documents(unnamed_ids)
        if interaction_ids:
            self._hr_capture_suggest_sentiment(interaction_ids)
        return interaction_ids or [], stakeholder_ids or [], client_ids or []

    @api.model
    def _hr_capture_suggest_sentiment(self, interaction_ids):
        """The sentiment of the interactions just inserted, as their subject
        and body suggest it (nobody chose one): their texts in one query,
        analysed in one batch, written in one statement (what the computes
        of the sentiment fields give without a choice)."""
        self.env.cr.execute(
            SQL(
                "SELECT id, name, summary FROM hr_relationship_interaction "
                "WHERE id = ANY(%s)",
                list(interaction_ids),
            )
        )
        ids, suggested, evidence, scores = [], [], [], []
        for interaction_id, name, summary in self.env.cr.fetchall():
            sentiment, phrases = suggest_sentiment(name, summary)
            ids.append(interaction_id)
            suggested.append(sentiment)
            evidence.append(phrases or None)
            scores.append(SENTIMENT_SCORES[sentiment])
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_relationship_interaction interaction
                   SET sentiment_suggested = suggestion.sentiment,
                       sentiment_evidence = suggestion.evidence,
                       sentiment = suggestion.sentiment,
                       sentiment_score = suggestion.score
                  FROM unnest(%s::integer[], %s::varchar[], %s::varchar[],
                              %s::integer[])
                       AS suggestion(id, sentiment, evidence, score)
                 WHERE interaction.id = suggestion.id
                """,
                ids,
                suggested,
                evidence,
                scores,
            )
        )

    @api.model
    def _hr_name_after_documents(self, interaction_ids):
        """Name the captured e-mail interactions ``interaction_ids``, whose
        message had no subject, after the document the message is on, as
        mail shows it (its display name, read as superuser). One query per
        model of document, plus one for the update."""
        self.env.cr.execute(
            SQL(
                "SELECT id, origin_model, origin_res_id "
                "FROM hr_relationship_interaction WHERE id = ANY(%s)",
                list(interaction_ids),
            )
        )
        by_document = defaultdict(lambda: defaultdict(list))
        for interaction_id, model, res_id in self.env.cr.fetchall():
            by_document[model][res_id].append(interaction_id)
        named_ids, names = [], []
        for model, interactions_by_res_id in by_document.items():
            if model not in self.env:
                continue
            documents = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .browse(interactions_by_res_id)
                .exists()
            )
            for document in documents:
                if name := (document.display_name or "").strip():
                    for interaction_id in interactions_by_res_id[document.id]:
                        named_ids.append(interaction_id)
                        names.append(name[:256])
        if named_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE hr_relationship_interaction interaction "
                    "SET name = named.name "
                    "FROM unnest(%s::integer[], %s::varchar[]) named(id, name) "
                    "WHERE interaction.id = named.id",
                    named_ids,
                    names,
                )
            )

    @api.model
    def _hr_backfill_batch_size(self):
        return self.env["hr.relationship.job.progress"]._batch_size(
            BACKFILL_BATCH_PARAM, BACKFILL_BATCH_DEFAULT
        )

    @api.model
    def _hr_backfill_batch(self, source, ids, since, companies):
        """Capture what ``companies`` have to capture since ``since`` (a
        datetime) among the calendar.event (``source`` "calendar") or
        mail.message ("email") ``ids``, with the contact dates of the
        stakeholders and clients it touches: a fixed number of queries
        whatever the size of the batch. Returns how many interactions."""
        self._hr_capture_flush()
        if source == "calendar":
            self.env["calendar.event"].flush_model()
            candidates = self._hr_meeting_candidates_sql(
                SQL("event.start >= %s AND event.id = ANY(%s)", since, list(ids))
            )
        else:
            self.env["mail.message"].flush_model()
            candidates = self._hr_email_candidates_sql(
                SQL("message.date >= %s AND message.id = ANY(%s)", since, list(ids))
            )
        interactions, stakeholder_ids, client_ids = self._hr_capture_insert(
            SQL(
                "SELECT * FROM (%s) candidate WHERE candidate.company_id = ANY(%s)",
                candidates,
                companies.ids,
            ),
            source,
        )
        self.invalidate_model()
        self.env["hr.stakeholder"].invalidate_model(["interaction_ids"])
        self.env["hr.internal.client"].invalidate_model(["interaction_ids"])
        if stakeholder_ids:
            self.env["hr.stakeholder"]._refresh_contact_dates(stakeholder_ids)
        if client_ids:
            self.env["hr.internal.client"]._refresh_contact_dates(client_ids)
        return len(interactions)

    @api.model
    def _hr_backfill_steps(self, since, companies, counted):
        """The steps of hr.relationship.job.progress._run_batches that
        capture the meetings and mail of ``companies`` since ``since`` (a
        date): the meetings that start since then, then the messages sent
        since then, a batch at a time by ascending id. ``counted(source,
        count)`` hears what each batch captured, within its transaction."""
        since_dt = fields.Datetime.to_datetime(since)

        def step(source, model, column):
            def process(ids):
                counted(
                    source, self._hr_backfill_batch(source, ids, since_dt, companies)
                )

            return (
                model,
                self.env[model],
                SQL("%s >= %s", SQL.identifier("rec", column), since_dt),
                process,
            )

        return [
            step("calendar", "calendar.event", "start"),
            step("email", "mail.message", "date"),
        ]

    @api.model
    def _hr_backfill(self, since, companies, job="capture_backfill"):
        """Capture the meetings and mail of ``companies`` since ``since``
        (a date) as the job ``job``, in batches (see _hr_backfill_steps).
        Running it twice adds nothing. Called outside a cron, the whole of
        it belongs to the caller's transaction. Returns {source: count}."""
        counts = dict.fromkeys(("calendar", "email"), 0)

        def counted(source, count):
            counts[source] += count

        self.env["hr.relationship.job.progress"]._run_batches(
            job,
            self._hr_backfill_steps(since, companies, counted),
            size=self._hr_backfill_batch_size(),
        )
        _logger.info(
            "Relationship capture backfill since %s: %s meeting and %s e-mail "
            "interactions",
            since,
            counts["calendar"],
            counts["email"],
        )
        return counts

    # ============================================================
    # The relationships mailbox
    # ============================================================

    # ------------------------------------------------------------
    # Reading the mail
    # ------------------------------------------------------------

    @api.model
    def _hr_mailbox_forwarded_parts(self, message):
        """Headers of the messages forwarded as attachments."""
        parts = []
        if message is None:
            return parts
        for part in message.walk():
            if part.get_content_type() != "message/rfc822":
                continue
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is not None:
                parts.append(
                    {
                        "addresses": [
                            value
                            for header in ("From", "To", "Cc")
                            for value in inner.get_all(header, [])
                        ],
                        "date": inner.get("Date"),
                        "subject": inner.get("Subject"),
                    }
                )
        return parts

    @api.model
    def _hr_mailbox_read(self, msg_dict, message=None):
        """What the mailbox takes from a mail: the sender's address, the
        other addresses (From/To/Cc and a forwarded message's headers),
        the subject and the date of the contact."""
        sender = email_normalize(msg_dict.get("email_from") or "") or False
        raw = [msg_dict.get("email_from"), msg_dict.get("to"), msg_dict.get("cc")]
        text = html2plaintext(msg_dict.get("body") or "")
        dates = []
        forwarded = self._hr_mailbox_forwarded_parts(message)
        for part in forwarded:
            raw.extend(str(value) for value in part["addresses"])
            dates.append(part["date"])
        raw.extend(match.group(2) for match in FORWARDED_HEADER.finditer(text))
        dates.extend(match.group(2) for match in FORWARDED_DATE.finditer(text))
        aliases = set(
            self.env["mail.alias"]
            .sudo()
            .search([("alias_model_id.model", "=", self._name)])
            .mapped("alias_full_name")
        )
        addresses = []
        for value in raw:
            for address in email_split(str(value or "")):
                normalized = email_normalize(address)
                if (
                    normalized
                    and normalized != sender
                    and normalized not in aliases
                    and normalized.split("@")[0] not in aliases
                    and normalized not in addresses
                ):
                    addresses.append(normalized)
        subject = (msg_dict.get("subject") or "").strip()
        if forwarded and not subject:
            subject = str(forwarded[0]["subject"] or "")
        return {
            "sender": sender,
            "addresses": addresses[:MAX_ADDRESSES],
            "subject": SUBJECT_PREFIX.sub("", subject).strip(),
            "date": self._hr_mailbox_date(dates, msg_dict.get("date")),
        }

    @api.model
    def _hr_mailbox_date(self, forwarded_dates, mail_date):
        """The forwarded message's date when readable, else the mail's."""
        latest = self._hr_capture_date_range()[1]
        for value in forwarded_dates:
            try:
                when = parsedate_to_datetime(str(value).strip())
            except (TypeError, ValueError, IndexError):
                continue
            if when and EARLIEST_DATE <= when.date() <= latest:
                return when.date()
        when = fields.Datetime.to_datetime(mail_date) if mail_date else None
        if when and EARLIEST_DATE <= when.date() <= latest:
            return when.date()
        return fields.Date.context_today(self)

    @api.model
    def _hr_mailbox_sender(self, sender):
        """The relationship user who sent the mail, or an empty recordset."""
        if not sender:
            return self.env["res.users"]
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [("partner_id.email_normalized", "=", sender), ("share", "=", False)]
            )
        )
        return users.filtered(lambda user: user.has_group(RELATIONSHIP_USER))[:1]

    @api.model
    def _hr_mailbox_match(self, user, addresses):
        """(company, stakeholders, unmatched addresses) of the mail: the
        company of the sender's with the relationships mailbox on that has
        the most stakeholders among the addresses."""
        companies = user.company_ids.filtered("hr_capture_mailbox")
        excluded = {
            company.id: company._hr_capture_excluded_domain_set()
            for company in companies
        }
        stakeholders = (
            self.env["hr.stakeholder"]
            .sudo()
            .search(
                [
                    ("person_partner_id.email_normalized", "in", addresses),
                    ("company_id", "in", companies.ids),
                    ("is_anonymised", "=", False),
                ]
            )
            if addresses and companies
            else self.env["hr.stakeholder"]
        )
        stakeholders = stakeholders.filtered(
            lambda s: (
                (s.person_partner_id.email_normalized or "").split("@")[-1]
                not in excluded[s.company_id.id]
            )
        )
        if not stakeholders:
            return companies[:1], stakeholders, addresses
        counts = Counter(stakeholders.company_id.ids)
        company_id = max(
            counts, key=lambda cid: (counts[cid], cid == user.company_id.id)
        )
        company = self.env["res.company"].browse(company_id)
        stakeholders = stakeholders.filtered(lambda s: s.company_id == company)
        matched = set(stakeholders.mapped("person_partner_id.email_normalized"))
        unmatched = [
            address
            for address in addresses
            if address not in matched
            and address.split("@")[-1] not in excluded[company.id]
        ]
        return company, stakeholders, unmatched

    # ------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """An automatic mail (an out-of-office reply) is no contact and gets
        no answer either (RFC 3834): the mailbox ignores it, without the
        bounce that would answer one auto-reply with another."""
        if route[0] == self._name and is_automatic(message):
            _logger.info(
                "Relationships mailbox: automatic mail %s from %s ignored",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    def _alias_get_error(self, message, message_dict, alias):
        error = super()._alias_get_error(message, message_dict, alias)
        if error:
            return error
        read = self._hr_mailbox_read(message_dict, message)
        reason = False
        user = self._hr_mailbox_sender(read["sender"])
        if failed_authentication(message):
            # Its From header may name any relationship user: the mail is
            # nobody's, and goes back to that address, whose owner learns
            # that somebody wrote in their name.
            reason = AliasError(
                "hr_unauthenticated",
                _(
                    "the mail failed its sender authentication (SPF, DKIM or "
                    "DMARC), so it cannot be logged in the name of its sender"
                ),
            )
        elif not read["sender"]:
            reason = AliasError("hr_no_sender", _("the mail has no sender"))
        elif not user:
            reason = AliasError(
                "hr_not_relationship_user",
                _("only relationship users may write to the relationships mailbox"),
            )
        elif user.hr_capture_opt_out:
            reason = AliasError(
                "hr_opted_out", _("the sender switched the capture of contacts off")
            )
        elif not user.company_ids.filtered("hr_capture_mailbox"):
            reason = AliasError(
                "hr_mailbox_off", _("the relationships mailbox is switched off")
            )
        elif not self._hr_mailbox_match(user, read["addresses"])[1]:
            reason = AliasError(
                "hr_no_stakeholder",
                _("no address in the mail belongs to a stakeholder"),
            )
        if reason:
            message_dict["hr_relationship_bounce_reason"] = reason.message
            _logger.warning(
                "Relationships mailbox: mail %s from %s refused: %s",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
                reason.message,
            )
            return reason
        # Read once from the raw mail, which message_new no longer sees.
        message_dict["hr_relationship_mail"] = read
        return False

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """One interaction of the mail forwarded or BCC'd to the mailbox."""
        if not isinstance(msg_dict, dict):
            raise UserError(_("The relationships mailbox reads parsed mail only."))
        read = msg_dict.pop("hr_relationship_mail", None) or self._hr_mailbox_read(
            msg_dict
        )
        msg_dict.pop("hr_relationship_bounce_reason", None)
        user = self._hr_mailbox_sender(read["sender"])
        company, stakeholders, unmatched = (
            self._hr_mailbox_match(user, read["addresses"])
            if user
            else (self.env["res.company"], self.env["hr.stakeholder"], [])
        )
        if not stakeholders:
            raise UserError(
                _(
                    "The mail from %(sender)s names no stakeholder the "
                    "relationships mailbox may log.",
                    sender=msg_dict.get("email_from") or _("an unknown sender"),
                )
            )
        key = "mailbox:%s" % (msg_dict.get("message_id") or "")[:200]
        Interaction = self._hr_capture_env()
        if msg_dict.get("message_id"):
            existing = Interaction.search([("capture_key", "=", key)], limit=1)
            if existing:
                return existing
        attachments = msg_dict.get("attachments") or []
        kept = [
            attachment
            for attachment in attachments
            if len(attachment[1] or b"") <= MAX_ATTACHMENT_BYTES
        ]
        if len(kept) < len(attachments):
            _logger.warning(
                "Relationships mailbox: %s attachment(s) of mail %s over %s bytes "
                "not kept",
                len(attachments) - len(kept),
                msg_dict.get("message_id"),
                MAX_ATTACHMENT_BYTES,
            )
            msg_dict["attachments"] = kept
        summary = False
        if company.hr_capture_keep_body:
            text = html2plaintext(msg_dict.get("body") or "")
            summary = plaintext2html(text[: company.hr_capture_body_max_length])
        return Interaction.create(
            {
                "name": (read["subject"] or _("E-mail"))[:256],
                "date": read["date"],
                "interaction_type": "email",
                "source": "mailbox",
                "company_id": company.id,
                "user_id": user.id,
                "stakeholder_ids": [fields.Command.set(stakeholders.ids)],
                "internal_client_id": self._hr_capture_common_client(stakeholders).id,
                "summary": summary,
                "suggested_emails": "\n".join(unmatched) or False,
                "capture_key": key if msg_dict.get("message_id") else False,
            }
        )

    @api.model
    def _hr_capture_common_client(self, stakeholders):
        """The one internal client all these stakeholders belong to."""
        clients = None
        for stakeholder in stakeholders:
            mine = stakeholder.internal_client_ids.filtered(
                lambda c, s=stakeholder: c.company_id == s.company_id
            )
            clients = mine if clients is None else clients & mine
        if clients and len(clients) == 1:
            return clients
        return self.env["hr.internal.client"]
