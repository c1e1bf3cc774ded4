# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util
from pathlib import Path

from odoo.tests import tagged
from odoo.tools import SQL

from .common import RecruitmentCase

SCRIPT = Path(__file__).parents[1] / "migrations" / "19.0.1.0.0" / "pre-migration.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("hrr_pre_migration_19", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrationFrom18(RecruitmentCase):
    """An 18.0 database linked stakeholders to ``hr_candidate``: the
    migration links each to an applicant of that person and loses no link.
    The 18.0 tables and columns are built here, in the test's transaction."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.script = _load_script()

    def _stakeholder(self, name, email=None):
        partner = self.env["res.partner"].create({"name": name, "email": email})
        return self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "relation_type": "candidate",
                "company_id": self.company.id,
            }
        )

    def _build_18_shape(self):
        """``hr_candidate`` with its rows, ``hr_applicant.candidate_id`` and
        ``hr_stakeholder.candidate_id``, as 18.0 had them."""
        self.env.flush_all()
        self.env.cr.execute(
            """CREATE TABLE hr_candidate (
                id serial PRIMARY KEY, partner_id integer, partner_name varchar,
                email_from varchar, email_normalized varchar, company_id integer
            )"""
        )
        self.env.cr.execute("ALTER TABLE hr_applicant ADD COLUMN candidate_id integer")
        self.env.cr.execute(
            "ALTER TABLE hr_stakeholder ADD COLUMN candidate_id integer"
        )

    def _candidate(self, name, partner=None, email=None):
        self.env.cr.execute(
            SQL(
                "INSERT INTO hr_candidate (partner_id, partner_name, email_from,"
                " email_normalized, company_id) VALUES (%s, %s, %s, %s, %s)"
                " RETURNING id",
                partner and partner.id,
                name,
                email,
                email and email.lower(),
                self.company.id,
            )
        )
        return self.env.cr.fetchone()[0]

    def _link(self, table, record_id, candidate_id):
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET candidate_id = %s WHERE id = %s",
                SQL.identifier(table),
                candidate_id,
                record_id,
            )
        )

    def _legacy(self):
        self.env.cr.execute(
            SQL(
                "SELECT stakeholder_id, candidate_id, applicant_id FROM %s",
                SQL.identifier(self.script.LEGACY_TABLE),
            )
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    def _migrate(self):
        counts = self.script.migrate_stakeholder_candidates(self.env.cr)
        self.env.invalidate_all()
        return counts

    def test_links_move_to_applicants(self):
        self._build_18_shape()
        # 1. Two applications of one candidate: the newest is the link.
        older = self.applicant
        newer = self._applicant("Noor Nieuw", "noor.nieuw@example.com")
        noor = self._stakeholder("Noor Nieuw")
        c_noor = self._candidate("Noor Nieuw", email="noor.nieuw@example.com")
        for applicant in older | newer:
            self._link("hr_applicant", applicant.id, c_noor)
        self._link("hr_stakeholder", noor.id, c_noor)
        # 2. A candidate no applicant points to: its contact finds one.
        piet = self._stakeholder("Piet Partner")
        by_partner = self._applicant("Piet", partner_id=piet.partner_id.id)
        c_piet = self._candidate("Piet", partner=piet.partner_id)
        self._link("hr_stakeholder", piet.id, c_piet)
        # 3. ... or its address.
        eva = self._stakeholder("Eva Email")
        by_email = self._applicant("Eva E.", "Eva.Email@example.com")
        c_eva = self._candidate("Eva E.", email="Eva.Email@example.com")
        self._link("hr_stakeholder", eva.id, c_eva)
        # 4. A candidate row gone: the stakeholder's own contact.
        gone = self._stakeholder("Gijs Gone", "gijs@example.com")
        by_own = self._applicant("Gijs", "gijs@example.com")
        self._link("hr_stakeholder", gone.id, 999999)
        # 5. Nothing to match: no link, the old one kept.
        lost = self._stakeholder("Loes Lost")
        c_lost = self._candidate("Loes Lost", email="loes@example.com")
        self._link("hr_stakeholder", lost.id, c_lost)
        # 6. The same candidate twice: its applicant goes to the first only.
        twin = self._stakeholder("Noor Twin")
        self._link("hr_stakeholder", twin.id, c_noor)
        # Not linked in 18.0: left alone.
        alone = self._stakeholder("Anne Alone")
        stakeholders_before = (
            self.env["hr.stakeholder"].with_context(active_test=False).search_count([])
        )

        counts = self._migrate()

        self.assertEqual(
            counts,
            {
                "candidate": 1,
                "candidate_contact": 3,
                "stakeholder_contact": 1,
                "unmatched": 1,
            },
        )
        self.assertEqual(noor.applicant_id, newer)
        self.assertEqual(piet.applicant_id, by_partner)
        self.assertEqual(eva.applicant_id, by_email)
        self.assertEqual(gone.applicant_id, by_own)
        self.assertFalse(lost.applicant_id)
        # The twin's candidate matches Noor's address: the older application.
        self.assertEqual(twin.applicant_id, older)
        self.assertFalse(alone.applicant_id)
        # Nothing lost: every stakeholder stays, every old link is on record.
        self.assertEqual(
            self.env["hr.stakeholder"].with_context(active_test=False).search_count([]),
            stakeholders_before,
        )
        self.assertEqual(
            self._legacy(),
            {
                noor.id: (c_noor, newer.id),
                piet.id: (c_piet, by_partner.id),
                eva.id: (c_eva, by_email.id),
                gone.id: (999999, by_own.id),
                lost.id: (c_lost, None),
                twin.id: (c_noor, older.id),
            },
        )
        # The new links work: Noor's applications show both her records
        # (her twin's went to her older application, by her address).
        self.assertEqual(newer.hr_stakeholder_count, 2)
        self.assertEqual(by_partner.hr_stakeholder_count, 1)
        # Running again changes nothing.
        self.assertEqual(self._migrate()["unmatched"], 1)
        self.assertEqual(noor.applicant_id, newer)

    def test_without_candidate_table(self):
        """Recruitment's upgrade dropped ``hr_candidate`` and
        ``hr_applicant.candidate_id`` first: the stakeholder's own contact or
        address is all that is left."""
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE hr_stakeholder ADD COLUMN candidate_id integer"
        )
        by_partner = self._stakeholder("Piet Partner")
        applicant = self._applicant("Piet", partner_id=by_partner.partner_id.id)
        by_email = self._stakeholder("Eva Email", "eva@example.com")
        email_applicant = self._applicant("Eva", "eva@example.com")
        self._link("hr_stakeholder", by_partner.id, 41)
        self._link("hr_stakeholder", by_email.id, 42)
        counts = self._migrate()
        self.assertEqual(counts["stakeholder_contact"], 2)
        self.assertEqual(by_partner.applicant_id, applicant)
        self.assertEqual(by_email.applicant_id, email_applicant)

    def test_nothing_to_do_on_a_19_database(self):
        self.assertEqual(sum(self._migrate().values()), 0)
