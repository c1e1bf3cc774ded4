# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From 18.0: the stakeholder's Recruitment candidate becomes an applicant.

Odoo 19.0 merged ``hr.candidate`` into ``hr.applicant``, so
``hr_stakeholder.candidate_id`` (to ``hr_candidate``) becomes ``applicant_id``
(to ``hr_applicant``). Recruitment is updated before this module, and an
upgrade of it may already have dropped ``hr_candidate`` (and
``hr_applicant.candidate_id``); whatever of them is still there is saved in
``LEGACY_TABLE`` first, which stays as the record of the old links. Then each
stakeholder gets, in this order of preference:

1. the applicant of its candidate (the newest when several);
2. the newest applicant with the candidate's contact, else its email address;
3. the newest applicant with the stakeholder's own contact, else its email
   address (all that is left when the candidate is gone).

An applicant keeps one stakeholder at most (the constraint on
``applicant_id``): one already taken goes to the first stakeholder only. A
stakeholder without a match keeps no link, and its old candidate stays in
``LEGACY_TABLE``; nothing is deleted.
"""

import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, table_exists

_logger = logging.getLogger(__name__)

# Dropped by the uninstall hook (hooks.py, LEGACY_CANDIDATE_TABLE).
LEGACY_TABLE = "hr_relationship_recruitment_candidate_legacy"
# The newest first, as Recruitment lists them.
NEWEST = SQL("ORDER BY a.create_date DESC NULLS LAST, a.id DESC")


def _save_candidate_links(cr):
    """Copy each stakeholder's candidate, that candidate's contact and
    address and its newest applicant, as far as the tables still hold them;
    ``applicant_id`` is the link made of them."""
    cr.execute(
        SQL(
            """CREATE TABLE IF NOT EXISTS %s (
                stakeholder_id integer PRIMARY KEY,
                candidate_id integer NOT NULL,
                partner_id integer,
                email varchar,
                candidate_applicant_id integer,
                applicant_id integer
            )""",
            SQL.identifier(LEGACY_TABLE),
        )
    )
    cr.execute(
        SQL(
            """INSERT INTO %s (stakeholder_id, candidate_id)
               SELECT id, candidate_id FROM hr_stakeholder
                WHERE candidate_id IS NOT NULL
               ON CONFLICT (stakeholder_id) DO NOTHING""",
            SQL.identifier(LEGACY_TABLE),
        )
    )
    if not table_exists(cr, "hr_candidate"):
        _logger.info("hr_candidate is gone: stakeholders matched by their contact")
        return
    email = SQL("lower(c.email_from)")
    if column_exists(cr, "hr_candidate", "email_normalized"):
        email = SQL("COALESCE(c.email_normalized, lower(c.email_from))")
    cr.execute(
        SQL(
            """UPDATE %(legacy)s l
                  SET partner_id = c.partner_id, email = %(email)s
                 FROM hr_candidate c
                WHERE c.id = l.candidate_id""",
            legacy=SQL.identifier(LEGACY_TABLE),
            email=email,
        )
    )
    if column_exists(cr, "hr_applicant", "candidate_id"):
        cr.execute(
            SQL(
                """UPDATE %(legacy)s l
                      SET candidate_applicant_id = (
                          SELECT a.id FROM hr_applicant a
                           WHERE a.candidate_id = l.candidate_id
                           %(newest)s LIMIT 1
                      )""",
                legacy=SQL.identifier(LEGACY_TABLE),
                newest=NEWEST,
            )
        )


def _newest_applicant(cr, column, value, taken):
    """The newest applicant whose ``column`` is ``value``, none of ``taken``."""
    if not value or not column_exists(cr, "hr_applicant", column):
        return None
    cr.execute(
        SQL(
            "SELECT a.id FROM hr_applicant a WHERE %s = %s AND a.id != ALL(%s) %s"
            " LIMIT 1",
            SQL.identifier("a", column),
            value,
            list(taken),
            NEWEST,
        )
    )
    row = cr.fetchone()
    return row and row[0]


def migrate_stakeholder_candidates(cr):
    """Link each stakeholder that had a candidate to an applicant; returns
    the number linked by each rule (``candidate``, ``candidate_contact``,
    ``stakeholder_contact``) and left without (``unmatched``)."""
    counts = dict.fromkeys(
        ("candidate", "candidate_contact", "stakeholder_contact", "unmatched"), 0
    )
    if not column_exists(cr, "hr_stakeholder", "candidate_id"):
        return counts
    _save_candidate_links(cr)
    if not column_exists(cr, "hr_stakeholder", "applicant_id"):
        create_column(cr, "hr_stakeholder", "applicant_id", "int4")
    cr.execute("SELECT applicant_id FROM hr_stakeholder WHERE applicant_id IS NOT NULL")
    taken = {row[0] for row in cr.fetchall()}
    cr.execute(
        SQL(
            """SELECT l.stakeholder_id, l.candidate_applicant_id, l.partner_id, l.email,
                      s.partner_id, p.email_normalized
                 FROM %s l
                 JOIN hr_stakeholder s ON s.id = l.stakeholder_id
                 LEFT JOIN res_partner p ON p.id = s.partner_id
                WHERE s.applicant_id IS NULL
                ORDER BY l.stakeholder_id""",
            SQL.identifier(LEGACY_TABLE),
        )
    )
    for stakeholder, own, partner, email, s_partner, s_email in cr.fetchall():
        applicant, rule = None, "unmatched"
        if own and own not in taken:
            applicant, rule = own, "candidate"
        candidates = (
            ("candidate_contact", "partner_id", partner),
            ("candidate_contact", "email_normalized", email),
            ("stakeholder_contact", "partner_id", s_partner),
            ("stakeholder_contact", "email_normalized", s_email),
        )
        for name, column, value in candidates:
            if applicant:
                break
            applicant = _newest_applicant(cr, column, value, taken)
            rule = name if applicant else rule
        counts[rule] += 1
        if not applicant:
            continue
        taken.add(applicant)
        cr.execute(
            SQL(
                "UPDATE hr_stakeholder SET applicant_id = %s WHERE id = %s",
                applicant,
                stakeholder,
            )
        )
        cr.execute(
            SQL(
                "UPDATE %s SET applicant_id = %s WHERE stakeholder_id = %s",
                SQL.identifier(LEGACY_TABLE),
                applicant,
                stakeholder,
            )
        )
    _logger.info("Stakeholders' candidates to applicants: %s", counts)
    if counts["unmatched"]:
        _logger.warning(
            "%s stakeholders had a candidate without an applicant to link; "
            "their old candidate stays in %s",
            counts["unmatched"],
            LEGACY_TABLE,
        )
    return counts


def migrate(cr, version):
    if version:
        migrate_stakeholder_candidates(cr)
