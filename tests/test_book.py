# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""bench/book.py writes what the ORM would have: a small book generated in the
test database (ODOO_DB, opened in this process, rolled back at the end), then
every stored computed field of every record the generator inserted with SQL
computed again through the ORM and compared with the column as written."""

import os
import unittest

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry
from odoo.tools import SQL

from scripts import harness

RELATION_TYPES = ["project_partner", "candidate", "alumnus", "supplier", "manager"]
SENTIMENTS = ["very_negative", "negative", "neutral", "positive", "very_positive"]


def generate(env):
    """A small book with every kind of row and choice the benchmarks make."""
    from bench.book import Book, external, internal  # noqa: PLC0415

    book = Book(env, "test_book")
    users = book.users(3, email_domain="hr.book.example.com")
    clients = book.clients(1, 4, users)
    partners = book.partners(1, 30, "Book person", email_domain="book.example.com")
    partners += book.partners(31, 40, "Book contact")
    employees = book.employees(6)
    types = SQL("(%s::varchar[])[1 + mod(n, %s)]", RELATION_TYPES, len(RELATION_TYPES))
    created = SQL("%s - (mod(n, 3) * 200 || ' days')::interval", book.now)
    stakeholders = book.stakeholders(
        external(partners, 1), users, relation_type=types, created=created
    )
    # Cadences typed on the form, as some benchmarks give them.
    stakeholders += book.stakeholders(
        internal(employees.ids, 41),
        users,
        relation_type=types,
        cadence=SQL("(ARRAY[0, 14, 30, 90])[1 + mod(n, 4)]"),
    )
    book.link_clients(
        SQL(
            "SELECT s, (%s::int[])[1 + mod(s, 4)] FROM unnest(%s::int[]) s",
            clients,
            stakeholders,
        )
    )
    project = env["project.project"].create({"name": "Book project"})
    book.positions(
        SQL(
            "SELECT %s, s FROM unnest(%s::int[]) s WHERE mod(s, 2) = 0",
            project.id,
            stakeholders,
        )
    )
    today = fields.Date.context_today(env["hr.stakeholder"])
    # Past contacts and, for some, a planned one; every fifth for a client.
    book.interactions(
        SQL(
            """
            SELECT n, %(today)s - mod(n * 17, 400) + CASE WHEN mod(n, 6) = 0
                   THEN 420 ELSE 0 END,
                   (%(users)s::int[])[1 + mod(n, 3)],
                   (%(book)s::int[])[1 + mod(n * 13, %(size)s)],
                   CASE WHEN mod(n, 5) = 0 THEN (%(clients)s::int[])[1 + mod(n, 4)]
                   END,
                   (%(sentiments)s::varchar[])[1 + mod(n, 5)]
              FROM generate_series(1, 120) n
             WHERE mod(n * 13, %(size)s) < %(size)s - 5
            """,
            today=today,
            users=users.ids,
            book=stakeholders,
            size=len(stakeholders),
            clients=clients,
            sentiments=SENTIMENTS,
        )
    )
    book.settle(stakeholders, clients)
    return book


class TestBook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.environ.get("ODOO_DB"):
            raise AssertionError(
                "ODOO_DB is not set: run these tests through `make test`, or set "
                "ODOO_DB to a database with hr_relationship installed."
            )
        harness.use_pgpass()
        odoo.tools.config.parse_config(
            [*harness.odoo_options(odoo), "--log-level=warn", "--no-http"],
            setup_logging=False,
        )
        cls.registry = Registry(os.environ["ODOO_DB"])

    def test_stored_computed_fields_as_the_orm_computes_them(self):
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            book = generate(env)
            env.flush_all()
            self.assertEqual(
                set(book.made),
                {
                    "res.partner",
                    "hr.internal.client",
                    "hr.stakeholder",
                    "hr.project.stakeholder",
                    "hr.relationship.interaction",
                },
            )
            differences = []
            for model, ids in book.made.items():
                differences += self.recompute(
                    env, model, ids, book.typed.get(model, {})
                )
            self.assertFalse(
                differences,
                "book.py wrote what the ORM does not compute:\n"
                + "\n".join(differences[:40]),
            )
        finally:
            cr.rollback()
            cr.close()

    def recompute(self, env, model, ids, typed):
        """Every stored computed column of ``ids`` as written, against the
        ORM's computation of it from scratch; the differences. A value the
        book was given for an editable computed field (``typed``: {field:
        ids}) is an input, as one typed on a form: what depends on it is
        computed from it."""
        records = env[model].browse(ids)
        computed = [
            field
            for field in records._fields.values()
            if field.store and field.compute and field.column_type
        ]
        self.assertTrue(computed, model)
        written = {
            row[0]: row[1:]
            for row in env.execute_query(
                SQL(
                    "SELECT id, %s FROM %s WHERE id = ANY(%s)",
                    SQL(", ").join(SQL.identifier(field.name) for field in computed),
                    SQL.identifier(records._table),
                    list(ids),
                )
            )
        }
        self.assertEqual(len(written), len(ids), model)
        env.invalidate_all()
        for field in computed:
            env.add_to_compute(field, records - records.browse(typed.get(field.name)))
        differences = []
        for record in records:
            for field, raw in zip(computed, written[record.id], strict=True):
                if record.id in typed.get(field.name, ()):
                    continue
                value = field.convert_to_cache(record[field.name], record)
                wrote = field.convert_to_cache(raw, record)
                # The ORM stores 0 and False, not NULL, where its column
                # conversion says so.
                null = field.convert_to_column(value, record, validate=False) is None
                if wrote != value or (raw is None) != null:
                    differences.append(
                        f"{model}({record.id}).{field.name}: wrote {raw!r},"
                        f" the ORM computes {value!r}"
                    )
        # What the comparison reads must not have been written meanwhile.
        self.assertFalse(
            [f for f in computed if env.records_to_compute(f)], "left to compute"
        )
        return differences


if __name__ == "__main__":
    unittest.main()
