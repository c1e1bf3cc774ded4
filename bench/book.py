# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one generator of relationship books: what every benchmark fills its
database with, as the ORM would have stored it.

A benchmark cannot create 100,000 stakeholders and a million interactions
through the ORM (it would take hours), so the rows go in with set-based
``INSERT ... SELECT`` statements. Those statements write every stored
computed field of the rows they insert with the formula of the field's
compute (a stakeholder's quadrant from its scores, its person from its
employee or contact, its cadence from its quadrant's setting, an
interaction's sentiment score...), and :meth:`Book.settle` fills the fields
that follow from the interactions with the models' own set-based refreshes.
``tests/test_book.py`` recomputes every stored computed field of a small
book through the ORM and finds no difference.

The few records that have many computes of other modules and are never
numerous (users, employees) are created through the ORM.

Numbering: each generated row has an ordinal ``n`` (1, 2, ...) within its
kind and book; the per-row choices are SQL expressions of ``n`` (as
``SQL("1 + mod(n, 5)")``), so that a benchmark describes its book's shape and
the book grows from a tenth to its full size by adding ``n`` from where it
stopped. Every method returns the ids it made, in the order of ``n``.
"""

import json
from datetime import date

from odoo import fields
from odoo.fields import Command
from odoo.tools import SQL

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"
# The scores every benchmark gives its stakeholders: all 25 cells of the grid.
INFLUENCE = SQL("1 + mod(n, 5)")
INTEREST = SQL("1 + mod(n / 5, 5)")
# The stored computed fields the statements below write, or leave empty as
# the ORM does for the rows they make. Any other one (a bridge's, such as the
# referral counts of a stakeholder) is computed through the ORM by settle().
WRITTEN = {
    "res.partner": {
        "complete_name",
        "email_normalized",
        "commercial_partner_id",
        "partner_share",
        "commercial_company_name",
        "company_registry",
        "phone_sanitized",
        "user_id",
    },
    "hr.internal.client": {
        "last_interaction_date",
        "latest_csat",
        "latest_nps",
        "latest_survey_date",
    },
    "hr.stakeholder": {
        "name",
        "email",
        "phone",
        "is_external",
        "person_partner_id",
        "quadrant",
        "contact_cadence_days",
        "last_interaction_date",
        "next_contact_date",
        "consent_date",
        "consent_required",
        "retention_date",
    },
    "hr.project.stakeholder": {
        "company_id",
        "attitude",
        "influence",
        "interest",
        "is_below_target",
    },
    "hr.relationship.interaction": {
        "sentiment",
        "sentiment_score",
        "sentiment_suggested",
        "sentiment_evidence",
    },
}


def _addon():
    """The core addon's constants; imported once Odoo knows its addons path
    (the benchmarks configure Odoo after importing this module)."""
    from odoo.addons.hr_relationship.models import (  # noqa: PLC0415
        hr_relationship_interaction,
        hr_stakeholder,
    )

    return (
        hr_stakeholder.HIGH_SCORE,
        hr_relationship_interaction.SENTIMENT_SCORES,
        hr_relationship_interaction.suggest_sentiment,
    )


def _ids(cr):
    return sorted(row[0] for row in cr.fetchall())


def _int_array(ids):
    return SQL("%s::int[]", list(ids))


class Book:
    """A relationship book named ``tag``: its partners carry the tag as
    their comment, its other records have names that start with it."""

    def __init__(self, env, tag):
        self.env = env
        self.tag = tag
        self.now = fields.Datetime.now()
        self.company_id = env.company.id
        # Everything this object inserted, per model: what the test checks;
        # and the editable computed fields it was given values for, as typed
        # on a form ({model: {field: ids}}), which no compute reproduces.
        self.made = {}
        self.typed = {}

    def _made(self, model, ids):
        self.made.setdefault(model, []).extend(ids)
        return ids

    def count(self, query):
        """The first column of the first row of ``query``."""
        self.env.cr.execute(query)
        return self.env.cr.fetchone()[0]

    # People made through the ORM: few, and with computes of other modules.

    def users(self, count, label="HR", email_domain=None, groups=(RELATIONSHIP_USER,)):
        """Internal users ``{tag}_{label}_{n}`` for n in 1..count, in
        ``groups`` as well (only the missing ones are created); all of them,
        in the order of ``n``."""
        login = f"{self.tag}_{label}_".lower()
        Users = self.env["res.users"].with_context(
            no_reset_password=True, tracking_disable=True, mail_create_nolog=True
        )
        existing = Users.search([("login", "=like", f"{login}%")])
        have = {user.login: user for user in existing}
        group_ids = [self.env.ref(xmlid).id for xmlid in ("base.group_user", *groups)]
        missing = [n for n in range(1, count + 1) if f"{login}{n}" not in have]
        if missing:
            created = Users.create(
                [
                    {
                        "name": f"Bench {self.tag} {label} {n}",
                        "login": f"{login}{n}",
                        "email": email_domain and f"{label.lower()}{n}@{email_domain}",
                        "group_ids": [Command.link(gid) for gid in group_ids],
                    }
                    for n in missing
                ]
            )
            have.update((user.login, user) for user in created)
        return Users.browse([have[f"{login}{n}"].id for n in range(1, count + 1)])

    def employees(self, count, label="Employee", departments=None):
        """Employees ``Bench {tag} {label} {n}`` (with their work contacts)
        through the ORM, in departments ``departments[n mod len]``."""
        departments = departments or self.env["hr.department"]
        Employees = self.env["hr.employee"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        employees = Employees.create(
            [
                {
                    "name": f"Bench {self.tag} {label} {n}",
                    "company_id": self.company_id,
                    "department_id": departments
                    and departments[n % len(departments)].id,
                }
                for n in range(count)
            ]
        )
        self.env.flush_all()
        return employees

    # Records made with SQL, their stored computed fields as the ORM's.

    def partners(self, first, last, label, email_domain=None, company=True):
        """Contacts ``{label} {n}`` for n in first..last, with the book's tag
        as comment and, with ``email_domain``, the address
        ``{label}{n}@{email_domain}`` (lower case, spaces removed)."""
        if last < first:
            return []
        email = (
            SQL(
                "lower(replace(%s, ' ', '')) || n || '@' || %s",
                label,
                email_domain,
            )
            if email_domain
            else SQL("NULL")
        )
        self.env.cr.execute(
            SQL(
                """
                WITH rows AS MATERIALIZED (
                    SELECT nextval('res_partner_id_seq') AS id,
                           %(label)s || ' ' || n AS name, %(email)s AS email
                      FROM generate_series(%(first)s, %(last)s) n
                     ORDER BY n
                )
                INSERT INTO res_partner (id, name, complete_name, comment, email,
                    email_normalized, commercial_partner_id, partner_share,
                    is_company, active, type, company_id, create_date, write_date,
                    create_uid, write_uid)
                SELECT id, name, name, %(tag)s, email, lower(email), id, TRUE,
                       FALSE, TRUE, 'contact', %(company)s, %(now)s, %(now)s,
                       %(uid)s, %(uid)s
                  FROM rows
                 ORDER BY id
                RETURNING id
                """,
                label=label,
                email=email,
                first=first,
                last=last,
                tag=self.tag,
                company=self.company_id if company else None,
                now=self.now,
                uid=self.env.uid,
            )
        )
        return self._made("res.partner", _ids(self.env.cr))

    def clients(self, first, last, hr_users, label=None, columns=None):
        """Internal clients ``{label} {n}`` (by default ``{tag} {n}``) for n
        in first..last, HR partner ``hr_users[n mod len]``; ``columns`` adds
        {column: SQL expression of n}."""
        if last < first:
            return []
        columns = columns or {}
        names = [SQL.identifier(name) for name in columns]
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_internal_client (name, company_id, hr_partner_id,
                    active, contact_cadence_days, create_date, write_date,
                    create_uid, write_uid%(names)s)
                SELECT %(label)s || ' ' || n, %(company)s,
                       (%(users)s)[1 + mod(n, %(user_count)s)], TRUE, 30, %(now)s,
                       %(now)s, %(uid)s, %(uid)s%(values)s
                  FROM generate_series(%(first)s, %(last)s) n
                 ORDER BY n
                RETURNING id
                """,
                names=SQL("").join(SQL(", %s", name) for name in names),
                values=SQL("").join(SQL(", %s", value) for value in columns.values()),
                label=label or self.tag,
                company=self.company_id,
                users=_int_array(hr_users.ids),
                user_count=len(hr_users),
                now=self.now,
                uid=self.env.uid,
                first=first,
                last=last,
            )
        )
        return self._made("hr.internal.client", _ids(self.env.cr))

    def stakeholders(
        self,
        people,
        owners,
        relation_type="project_partner",
        influence=INFLUENCE,
        interest=INTEREST,
        cadence=None,
        created=None,
    ):
        """Stakeholders of ``people``, a query of ``(n, partner_id,
        employee_id)`` rows (one of the two ids set), owned by
        ``owners[n * 7 mod len]``.

        ``relation_type``, ``influence``, ``interest``, ``cadence`` and
        ``created`` (the create date) are values or SQL expressions of ``n``.
        Without ``cadence`` a stakeholder starts with its quadrant's cadence
        from the settings, as one created on the form; a given cadence is a
        value typed on the form."""
        stakeholders = self.env["hr.stakeholder"]
        cadences = stakeholders._quadrant_cadences()
        self.env.cr.execute(
            SQL(
                """
                WITH people AS (%(people)s), chosen AS (
                    SELECT people.n, people.partner_id, people.employee_id,
                           (%(relation_type)s)::varchar AS relation_type,
                           (%(influence)s)::int AS influence,
                           (%(interest)s)::int AS interest,
                           (%(cadence)s)::int AS cadence,
                           (%(created)s)::timestamp AS create_date
                      FROM people
                ), quadrants AS (
                    SELECT chosen.*,
                           CASE WHEN influence >= %(high)s
                                THEN CASE WHEN interest >= %(high)s
                                          THEN 'manage_closely'
                                          ELSE 'keep_satisfied' END
                                ELSE CASE WHEN interest >= %(high)s
                                          THEN 'keep_informed'
                                          ELSE 'monitor' END
                           END AS quadrant
                      FROM chosen
                ), placed AS (
                    SELECT n, partner_id, employee_id, relation_type, influence,
                           interest, create_date, quadrant,
                           COALESCE(cadence,
                                    (%(cadences)s::jsonb ->> quadrant)::int, 0)
                               AS cadence
                      FROM quadrants
                )
                INSERT INTO hr_stakeholder (name, partner_id, employee_id,
                    person_partner_id, email, phone, is_external, consent_required,
                    company_id, owner_id, relation_type, attitude, influence,
                    interest, quadrant, contact_cadence_days, next_contact_date,
                    retention_date, active, create_date, write_date, create_uid,
                    write_uid)
                SELECT COALESCE(e.name, p.name), placed.partner_id, e.id,
                       COALESCE(e.work_contact_id, p.id),
                       CASE WHEN e.id IS NULL THEN p.email ELSE e.work_email END,
                       CASE WHEN e.id IS NULL THEN p.phone ELSE e.work_phone END,
                       e.id IS NULL,
                       e.id IS NULL OR placed.relation_type = 'alumnus',
                       %(company)s,
                       (%(owners)s)[1 + mod(placed.n * 7, %(owner_count)s)],
                       placed.relation_type, 'neutral', placed.influence,
                       placed.interest, placed.quadrant,
                       placed.cadence,
                       -- Not contacted yet: the cadence runs from the
                       -- creation, and so does a candidate's retention.
                       CASE WHEN placed.cadence > 0
                            THEN placed.create_date::date
                                 + LEAST(placed.cadence,
                                         %(max_date)s - placed.create_date::date)
                       END,
                       CASE WHEN placed.relation_type = 'candidate'
                            THEN placed.create_date::date + %(retention_days)s
                       END,
                       TRUE, placed.create_date, %(now)s, %(uid)s, %(uid)s
                  FROM placed
             LEFT JOIN hr_employee e ON e.id = placed.employee_id
             LEFT JOIN res_partner p ON p.id = placed.partner_id
                 ORDER BY placed.n
                RETURNING id
                """,
                people=people,
                relation_type=relation_type,
                influence=influence,
                interest=interest,
                cadence=cadence,
                created=self.now if created is None else created,
                high=_addon()[0],
                company=self.company_id,
                owners=_int_array(owners.ids),
                owner_count=len(owners),
                cadences=json.dumps(cadences),
                max_date=date.max,
                retention_days=7
                * stakeholders._retention_settings()["candidate_weeks"],
                now=self.now,
                uid=self.env.uid,
            )
        )
        ids = self._made("hr.stakeholder", _ids(self.env.cr))
        if cadence is not None:
            typed = self.typed.setdefault("hr.stakeholder", {})
            typed.setdefault("contact_cadence_days", []).extend(ids)
        return ids

    def link_clients(self, pairs):
        """Link stakeholders to internal clients: ``pairs`` is a query of
        ``(stakeholder_id, internal_client_id)`` rows."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_internal_client_stakeholder_rel
                       (stakeholder_id, internal_client_id)
                SELECT DISTINCT * FROM (%s) pairs
                """,
                pairs,
            )
        )

    def positions(self, pairs):
        """Project positions: ``pairs`` is a query of ``(project_id,
        stakeholder_id)`` rows; each starts where its stakeholder stands."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_project_stakeholder (project_id, stakeholder_id,
                    company_id, attitude, influence, interest, is_below_target,
                    create_date, write_date, create_uid, write_uid)
                SELECT pairs.project_id, s.id,
                       COALESCE(s.company_id, project.company_id, %(company)s),
                       COALESCE(s.attitude, 'neutral'),
                       COALESCE(NULLIF(s.influence, 0), 2),
                       COALESCE(NULLIF(s.interest, 0), 2), FALSE,
                       %(now)s, %(now)s, %(uid)s, %(uid)s
                  FROM (%(pairs)s) pairs(project_id, stakeholder_id)
                  JOIN hr_stakeholder s ON s.id = pairs.stakeholder_id
                  JOIN project_project project ON project.id = pairs.project_id
                 ORDER BY pairs.stakeholder_id, pairs.project_id
                RETURNING id
                """,
                pairs=pairs,
                company=self.company_id,
                now=self.now,
                uid=self.env.uid,
            )
        )
        return self._made("hr.project.stakeholder", _ids(self.env.cr))

    def interactions(self, moments, name="Bench contact"):
        """Interactions (meetings logged by hand) of ``moments``, a query of
        ``(n, date, user_id, stakeholder_id, internal_client_id, sentiment)``
        rows: one interaction each, with its stakeholder; ``sentiment`` is
        the one chosen (NULL: none, the subject's counts). Call
        :meth:`settle` once the book's interactions are in."""
        # They share their subject and have no summary: one suggestion.
        suggested, evidence = _addon()[2](name, False)
        self.env.cr.execute(
            SQL(
                """
                WITH moments AS MATERIALIZED (
                    SELECT nextval('hr_relationship_interaction_id_seq') AS id,
                           moments.*
                      FROM (%(moments)s) moments(n, date, user_id, stakeholder_id,
                                                 internal_client_id, sentiment)
                     ORDER BY moments.n
                ), created AS (
                    INSERT INTO hr_relationship_interaction (id, name, date,
                        interaction_type, source, company_id, user_id,
                        internal_client_id, sentiment_chosen, sentiment,
                        sentiment_score, sentiment_suggested, sentiment_evidence,
                        create_date, write_date, create_uid, write_uid)
                    SELECT id, %(name)s, date, 'meeting', 'manual', %(company)s,
                           user_id, internal_client_id, sentiment,
                           COALESCE(sentiment, %(suggested)s),
                           COALESCE((%(scores)s::jsonb
                                     ->> COALESCE(sentiment, %(suggested)s))::int, 0),
                           %(suggested)s, %(evidence)s,
                           %(now)s, %(now)s, %(uid)s, %(uid)s
                      FROM moments
                     ORDER BY id
                )
                INSERT INTO hr_relationship_interaction_stakeholder_rel
                       (interaction_id, stakeholder_id)
                SELECT id, stakeholder_id FROM moments
                RETURNING interaction_id
                """,
                moments=moments,
                name=name,
                company=self.company_id,
                scores=json.dumps(_addon()[1]),
                suggested=suggested,
                evidence=evidence or None,
                now=self.now,
                uid=self.env.uid,
            )
        )
        return self._made("hr.relationship.interaction", _ids(self.env.cr))

    def settle(self, stakeholder_ids, client_ids=()):
        """What follows from the interactions, as the ORM would store it: the
        contact dates of the stakeholders and clients (the models' own
        set-based refreshes) and the stakeholders' retention dates; then the
        stored computed fields of other modules on what this book made."""
        env = self.env
        stakeholder_ids = list(stakeholder_ids)
        Stakeholder = env["hr.stakeholder"]
        Stakeholder._refresh_contact_dates(stakeholder_ids)
        env["hr.internal.client"]._refresh_contact_dates(list(client_ids))
        # _compute_retention_date without consent (a generated book has
        # none): a candidate's record is kept some weeks after the latest of
        # its last contact and its creation; nobody else's has an end.
        settings = Stakeholder._retention_settings()
        env.cr.execute(
            SQL(
                """
                WITH fresh AS (
                    SELECT id, CASE WHEN relation_type = 'candidate'
                           THEN GREATEST(last_interaction_date, create_date::date)
                                + %(days)s
                           END AS retention_date
                      FROM hr_stakeholder
                     WHERE id = ANY(%(ids)s)
                )
                UPDATE hr_stakeholder stakeholder
                   SET retention_date = fresh.retention_date
                  FROM fresh
                 WHERE stakeholder.id = fresh.id
                   AND stakeholder.retention_date
                       IS DISTINCT FROM fresh.retention_date
                """,
                days=7 * settings["candidate_weeks"],
                ids=list(stakeholder_ids),
            )
        )
        Stakeholder.invalidate_model(["retention_date"])
        for model, ids in self.made.items():
            records = env[model].browse(ids)
            for field in records._fields.values():
                if (
                    field.store
                    and field.compute
                    and field.column_type
                    and field.name not in WRITTEN[model]
                ):
                    env.add_to_compute(field, records)
        env.flush_all()


def external(partner_ids, first):
    """``people`` of :meth:`Book.stakeholders` for contacts ``partner_ids``,
    numbered from ``first``."""
    return SQL(
        """
        SELECT (%s + ordinality - 1)::int AS n, partner_id, NULL::int AS employee_id
          FROM unnest(%s::int[]) WITH ORDINALITY AS rows(partner_id, ordinality)
        """,
        first,
        list(partner_ids),
    )


def internal(employee_ids, first):
    """``people`` of :meth:`Book.stakeholders` for employees ``employee_ids``,
    numbered from ``first``."""
    return SQL(
        """
        SELECT (%s + ordinality - 1)::int AS n, NULL::int AS partner_id, employee_id
          FROM unnest(%s::int[]) WITH ORDINALITY AS rows(employee_id, ordinality)
        """,
        first,
        list(employee_ids),
    )
