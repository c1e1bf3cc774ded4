# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrade check of the core/bridges split: an installed database keeps
every row.

Installs the last version of the single addon (the commit before the core's
manifest said 18.0.2.0.0, taken from git) with demo data into a database of
its own, adds data made by that version's own bench generators (a scaled
relationship book with relations, positions and interactions, captured
meetings and mails with capture switched on, candidates with applications),
reads the addon's whole shape, upgrades to the code of this checkout with
``-u hr_relationship`` and reads it again. It fails when

- a row of a table of the addon's models, of a column the addon added to
  another table, of one of its m2m tables, or of the surveys and mail
  templates, is gone or changed (``write_date``/``write_uid`` aside: Odoo
  rewrites the records of data files on every update), or one was added to
  the surveys and templates (a noupdate record loaded twice);
- an xmlid of the addon no longer names the same record under the core or a
  bridge, or a selection value of its fields is gone;
- a module installed before is not any more, or a bridge is not installed.

    python3 -m tools.check_upgrade [--db NAME] [--base REV] [--book SIZE]
                                   [--capture used|unused] [--keep]

With ``--capture unused`` the old database is installed without demo data
(whose companies capture) and never captures: the upgrade must then leave
the capture bridge uninstalled, and only what that bridge would have owned
(its fields' columns, its xmlids, its selection values) may go.

``--book small`` (default) is the size CI runs; ``10k`` and ``100k`` are the
relationship books of ``bench/bench_map_scale.py`` (``bench/bench_upgrade.py``
times them). Connects like the harness (PGHOST, PGPORT, PGUSER, and
PGPASSWORD or PGPASSFILE); drops and recreates the database. Prints the time
of each step; exits 1 when a check fails.
"""

import argparse
import json
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path

from scripts import harness

REPO = harness.REPO

SPLIT_VERSION = "18.0.2.0.0"
MOVED = REPO / harness.MODULE / "migrations" / SPLIT_VERSION / "moved_to_bridges.json"
CAPTURE = "hr_relationship_capture"
# Odoo runs once, quietly, without serving.
ONCE = ("--stop-after-init", "--log-level=warn", "--no-http")
# Rewritten by Odoo whenever it loads a data file again.
TOUCHED_BY_UPDATES = frozenset({"write_date", "write_uid"})
# Compared whole, beyond the addon's own: a noupdate survey or template of the
# addon loaded a second time shows as a new row here.
SHARED_TABLES = (
    "survey_survey",
    "survey_question",
    "survey_question_answer",
    "mail_template",
)
# The generators' sizes per book: bench_map_scale's block A is 10,000
# stakeholders; "small" scales its constants down to a CI-sized book.
BOOKS = {
    "small": {"blocks": [("U", 1)], "scale": 50, "capture": 200},
    "10k": {"blocks": [("A", 1)], "scale": 1, "capture": 2_000},
    "100k": {"blocks": [("A", 1), ("B", 9)], "scale": 1, "capture": 20_000},
}
# Runs in the previous version's ``odoo shell`` (its ``env``), with its bench/.
# That version's benchmarks are scripts, not a package: they import
# ``benchlib`` by plain name, as siblings of a directory on sys.path, so their
# directory goes there. Appended: nothing in it can shadow a module of Odoo or
# of this checkout.
OLD_DATA = """
import sys
sys.path.append({bench!r})
import bench_capture, bench_map_scale, bench_recruitment_steps
for name in ("STAKEHOLDERS", "EMPLOYEES", "CLIENTS", "PROJECTS", "HR_USERS",
             "DEPARTMENTS", "MANAGERS"):
    setattr(bench_map_scale, name, max(getattr(bench_map_scale, name) // {scale}, 1))
env = env(context=dict(env.context, tracking_disable=True))
for tag, factor in {blocks!r}:
    bench_map_scale.generate_block(env, tag, factor)
if {capture_used}:
    env.company.write({{"hr_capture_calendar": True, "hr_capture_email": True,
                       "hr_capture_mailbox": True}})
bench_capture.generate_people(env, {capture}, 5, 20)
bench_capture.generate_meetings(env, {capture}, {capture}, 5)
bench_capture.generate_messages(env, {capture} * 2, {capture}, 20, 5)
if {capture_used}:
    env["hr.relationship.capture.backfill"].create({{}}).action_run_backfill()
bench_recruitment_steps.setup(env, 20, "Upgrade check")
env.cr.commit()
"""


class Database:
    """The check's database, read through the harness's libpq connection."""

    def __init__(self, name):
        self.name = name

    def rows(self, query, params=()):
        conn = harness.pg_connect(self.name)
        try:
            with conn.cursor() as cr:
                cr.execute(query, params)
                return cr.fetchall()
        finally:
            conn.close()

    def columns(self, table):
        return sorted(
            name
            for (name,) in self.rows(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = 'public' AND table_name = %s",
                (table,),
            )
        )


def addon_tables(db, modules):
    """{table: columns to compare (None: all)} of the addon's shape: the tables
    of its models, its m2m tables and the columns it adds to other tables."""
    # Odoo gives a model an xmlid in every module that extends it: the
    # addon's own models are those no other module names.
    models = db.rows(
        """
        SELECT m.model FROM ir_model m
          JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
         WHERE NOT m.transient
         GROUP BY m.model
        HAVING bool_and(d.module = ANY(%s))
        """,
        (list(modules),),
    )
    tables = {model.replace(".", "_"): None for (model,) in models}
    fields = db.rows(
        """
        SELECT f.model, f.name, f.ttype, f.relation_table, f.store
          FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
          JOIN ir_model m ON m.id = f.model_id
         WHERE d.module = ANY(%s) AND NOT m.transient
        """,
        (list(modules),),
    )
    for model, name, ttype, relation_table, store in fields:
        table = model.replace(".", "_")
        if ttype == "many2many" and relation_table:
            tables[relation_table] = None
        elif store and tables.get(table, ()) is not None:
            tables.setdefault(table, set()).add(name)
    tables.update(dict.fromkeys(SHARED_TABLES))
    shape = {}
    for table, columns in tables.items():
        existing = db.columns(table)
        if not existing:
            continue
        wanted = existing if columns is None else [c for c in existing if c in columns]
        wanted = [c for c in wanted if c not in TOUCHED_BY_UPDATES]
        if wanted:
            shape[table] = wanted
    return shape


def table_rows(db, table, columns):
    """{id: digest} of the table's rows over ``columns``, or a Counter of
    digests for a table without ids (an m2m table)."""
    listed = ", ".join(f't."{column}"' for column in columns)
    digest = f"md5(ROW({listed})::text)"
    if "id" in db.columns(table):
        return dict(db.rows(f'SELECT t.id, {digest} FROM "{table}" t'))
    return Counter(row for (row,) in db.rows(f'SELECT {digest} FROM "{table}" t'))


def left_behind(db, bridges):
    """What the given bridges, not installed, take along: the columns of
    their fields, their xmlids and their selection values."""
    moved = json.loads(MOVED.read_text(encoding="utf-8"))
    names = [name for bridge in bridges for name in moved[bridge]["xmlids"]]
    fields = db.rows(
        """
        SELECT f.model, f.name FROM ir_model_fields f
          JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
         WHERE d.module = %s AND d.name = ANY(%s)
        """,
        (harness.MODULE, names),
    )
    selections = db.rows(
        """
        SELECT f.model, f.name, s.value FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
          JOIN ir_model_data d ON d.model = 'ir.model.fields.selection'
           AND d.res_id = s.id
         WHERE d.module = %s AND d.name = ANY(%s)
        """,
        (harness.MODULE, names),
    )
    return {
        "columns": {(model.replace(".", "_"), name) for model, name in fields},
        "xmlids": set(names),
        "selections": set(selections),
        "bridges": set(bridges),
    }


def snapshot(db, absent_bridges=()):
    absent = left_behind(db, absent_bridges)
    shape = {
        table: kept
        for table, columns in addon_tables(db, [harness.MODULE]).items()
        if (kept := [c for c in columns if (table, c) not in absent["columns"]])
    }
    return {
        "absent": absent,
        "shape": shape,
        "rows": {table: table_rows(db, table, cols) for table, cols in shape.items()},
        "xmlids": {
            name: (model, res_id)
            for name, model, res_id in db.rows(
                "SELECT name, model, res_id FROM ir_model_data WHERE module = %s",
                (harness.MODULE,),
            )
        },
        "selections": set(snapshot_selections(db)),
        "modules": dict(db.rows("SELECT name, state FROM ir_module_module")),
    }


def compare(before, after_db):
    """The differences, one sentence each (empty: nothing lost but what a
    bridge that is not installed takes along)."""
    problems = []
    absent = before["absent"]
    for table, columns in before["shape"].items():
        missing_columns = set(columns) - set(after_db.columns(table))
        if missing_columns:
            problems.append(f"{table}: columns gone: {sorted(missing_columns)}")
            continue
        old, new = before["rows"][table], table_rows(after_db, table, columns)
        if isinstance(old, Counter):
            lost = old - new
            if lost:
                problems.append(f"{table}: {sum(lost.values())} rows gone or changed")
            continue
        gone = sorted(set(old) - set(new))
        changed = sorted(i for i in set(old) & set(new) if old[i] != new[i])
        added = sorted(set(new) - set(old)) if table in SHARED_TABLES else []
        for what, ids in (("gone", gone), ("changed", changed), ("added", added)):
            if ids:
                problems.append(f"{table}: {len(ids)} rows {what} (ids {ids[:5]})")
    now = {
        (module, name): (model, res_id)
        for module, name, model, res_id in after_db.rows(
            "SELECT module, name, model, res_id FROM ir_model_data"
            " WHERE module = ANY(%s)",
            (list(harness.MODULES),),
        )
    }
    lost_xmlids = sorted(
        name
        for name, record in before["xmlids"].items()
        if name not in absent["xmlids"]
        and not any(now.get((module, name)) == record for module in harness.MODULES)
    )
    if lost_xmlids:
        problems.append(f"{len(lost_xmlids)} xmlids lost: {lost_xmlids[:10]}")
    gone = (
        before["selections"] - absent["selections"] - set(snapshot_selections(after_db))
    )
    if gone:
        problems.append(f"selection values gone: {sorted(gone)}")
    states = dict(after_db.rows("SELECT name, state FROM ir_module_module"))
    uninstalled = sorted(
        name
        for name, state in before["modules"].items()
        if state == "installed" and states.get(name) != "installed"
    )
    if uninstalled:
        problems.append(f"modules no longer installed: {uninstalled}")
    missing_bridges = [
        bridge
        for bridge in harness.BRIDGES
        if bridge not in absent["bridges"] and states.get(bridge) != "installed"
    ]
    if missing_bridges:
        problems.append(f"bridges not installed: {missing_bridges}")
    unwanted = [b for b in absent["bridges"] if states.get(b) == "installed"]
    if unwanted:
        problems.append(f"bridges installed that were not used: {unwanted}")
    return problems


def snapshot_selections(db):
    return db.rows(
        """
        SELECT f.model, f.name, s.value FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
          JOIN ir_model_data d ON d.model = 'ir.model.fields'
           AND d.res_id = f.id AND d.module = ANY(%s)
        """,
        (list(harness.MODULES),),
    )


def split_base():
    """The commit before the core's manifest first said SPLIT_VERSION."""
    bump = subprocess.run(
        ["git", "-C", str(REPO), "log", "--format=%H", "-S", f'"{SPLIT_VERSION}"']
        + ["--", f"{harness.MODULE}/__manifest__.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    if not bump:
        harness.die(f"No commit sets {SPLIT_VERSION}: nothing to upgrade from.")
    return subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", f"{bump[-1]}^"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def odoo(odoo_module, db, addons_repo, *args, **run):
    options = [
        arg
        for arg in harness.odoo_options(odoo_module)
        if not arg.startswith("--addons-path")
    ]
    command = [sys.executable, "-m", "odoo", *run.pop("subcommand", [])]
    command += ["-d", db, *options]
    command += [f"--addons-path={harness.addons_path(odoo_module, addons_repo)}"]
    return subprocess.run([*command, *args], check=True, **run)


def upgrade_errors(log):
    """What went wrong in the upgrade though it ended: an error logged, or a
    module's data that did not load (Odoo goes on without it)."""
    return [
        f"the upgrade logged: {line}"
        for line in log.splitlines()
        if " ERROR " in line or "failed to install" in line
    ]


def timed(label, action):
    start = time.perf_counter()
    result = action()
    print(f"[upgrade check] {label}: {time.perf_counter() - start:.1f} s", flush=True)
    return result


def prepare_old(args, base, book, db):
    """The database of the version before the split with its demo data and
    the generated book; its shape and rows as read then."""
    odoo_module = harness.check_odoo()
    with tempfile.TemporaryDirectory() as old_dir:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", base]
            + [harness.MODULE, "bench", "scripts"],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(old_dir, filter="data")
        # The demo data switches capture on: a database that never used it
        # has none.
        demo = [] if args.capture == "used" else ["--without-demo=all"]
        timed(
            f"install {base}" + (" with demo data" if not demo else ""),
            lambda: odoo(
                odoo_module, args.db, old_dir, "-i", harness.MODULE, *demo, *ONCE
            ),
        )
        script = OLD_DATA.format(
            bench=str(Path(old_dir) / "bench"),
            scale=book["scale"],
            blocks=book["blocks"],
            capture=book["capture"],
            capture_used=args.capture == "used",
        )
        timed(
            f"generate the {args.book} book",
            lambda: odoo(
                odoo_module,
                args.db,
                old_dir,
                "--log-level=warn",
                "--no-http",
                subcommand=["shell"],
                input=script,
                text=True,
            ),
        )
    (stakeholders,), (interactions,) = db.rows(
        "SELECT count(*) FROM hr_stakeholder"
        " UNION ALL SELECT count(*) FROM hr_relationship_interaction"
    )
    print(f"[upgrade check] {stakeholders} stakeholders, {interactions} interactions")
    absent = [] if args.capture == "used" else [CAPTURE]
    return timed("read the addon's tables", lambda: snapshot(db, absent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=f"{harness.MODULE}_upgrade_check")
    parser.add_argument("--base", help="the revision to upgrade from")
    parser.add_argument("--book", choices=BOOKS, default="small")
    parser.add_argument(
        "--capture",
        choices=("used", "unused"),
        default="used",
        help="whether the old database used capture (then installed without "
        "demo data, whose companies capture); unused, the capture bridge must "
        "stay uninstalled and only what it would have owned may go",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    odoo_module = harness.check_odoo()
    harness.ensure_postgres()
    base = args.base or split_base()
    book = BOOKS[args.book]
    db = Database(args.db)
    harness.drop_db(args.db)
    try:
        before = prepare_old(args, base, book, db)
        upgrade = timed(
            "upgrade to this checkout (-u hr_relationship)",
            lambda: odoo(
                odoo_module,
                args.db,
                REPO,
                "-u",
                harness.MODULE,
                *ONCE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ),
        )
        print(upgrade.stdout, end="", flush=True)
        problems = timed("compare", lambda: compare(before, db))
        problems += upgrade_errors(upgrade.stdout)
    except subprocess.CalledProcessError as error:
        print(error.stdout or "", end="")
        print(f"FAIL: {shlex.join(error.cmd[:4])} ... exited with {error.returncode}")
        return 1
    finally:
        if not args.keep:
            harness.drop_db(args.db)
    rows = sum(
        len(rows) if isinstance(rows, dict) else sum(rows.values())
        for rows in before["rows"].values()
    )
    print(
        f"[upgrade check] compared {len(before['shape'])} tables, {rows} rows, "
        f"{len(before['xmlids'])} xmlids"
    )
    for problem in problems:
        print("FAIL:", problem)
    print("upgrade check", "failed" if problems else "passed", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
