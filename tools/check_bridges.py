# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bridges come and go around an installed core, which keeps its data.

On a database with the core alone (``make test`` runs it on the core-alone
database after the core's tests), as an organisation would:

1. installs CRM: ``hr_relationship_crm`` must install by itself;
2. ticks "Capture meetings and mail" in Settings (``res.config.settings``,
   saved as the Save button does): ``hr_relationship_capture`` must install;
3. installs Recruitment: ``hr_relationship_recruitment`` must install by
   itself; then an applicant, kept as stakeholder and hired, answers the
   candidate pulse that the bridge ships (its survey, answers and results);
4. installs the mail plugin: ``hr_relationship_mail_plugin`` must install
   by itself; a mail is then logged through its route's method (an
   interaction of its source);
5. installs Dashboards: ``hr_relationship_spreadsheet_dashboard`` must
   install by itself, and with Recruitment there,
   ``hr_relationship_recruitment_dashboard`` too;
6. uninstalls the CRM, capture, mail plugin and dashboard bridges and the
   Recruitment app, which takes its bridge along: the core stays installed, and every
   row of its tables (its own columns) and of the surveys' tables is as it
   was after step 5, but for the selection values the bridges added to the core's
   fields: those rows are kept with the field's default, or no audience for
   a candidates' campaign (``FALLBACKS``, as DEVELOPERS.md says).

    python3 -m tools.check_bridges DBNAME

Connects like the harness; prints each step's time; exits 1 when a check
fails.
"""

import argparse
import subprocess
import sys
import time
from collections import Counter

from scripts import harness

# Odoo runs once, quietly, without serving.
ONCE = ("--stop-after-init", "--log-level=warn", "--no-http")
# Rewritten by Odoo whenever it loads a data file again.
TOUCHED_BY_UPDATES = frozenset({"write_date", "write_uid"})
# Tables addon_tables() compares whole beyond the addon's own (the surveys
# and mail templates it ships records to); this check compares the surveys'
# tables by SURVEY_TABLES instead.
SHARED_TABLES = (
    "survey_survey",
    "survey_question",
    "survey_question_answer",
    "mail_template",
)
CRM_BRIDGE = "hr_relationship_crm"
CAPTURE = "hr_relationship_capture"
RECRUITMENT = "hr_recruitment"
RECRUITMENT_BRIDGE = "hr_relationship_recruitment"
MAIL_PLUGIN = "mail_plugin"
MAIL_PLUGIN_BRIDGE = "hr_relationship_mail_plugin"
DASHBOARDS = "spreadsheet_dashboard"
DASHBOARD_BRIDGE = "hr_relationship_spreadsheet_dashboard"
# Needs both the dashboard and the recruitment bridges; leaves with either.
RECRUITMENT_DASHBOARD = "hr_relationship_recruitment_dashboard"
# Installed by their app and checked here; the digest and skills bridges come
# with the core (Employees needs both apps) and leave only with it.
BRIDGES = (
    CRM_BRIDGE,
    CAPTURE,
    RECRUITMENT_BRIDGE,
    MAIL_PLUGIN_BRIDGE,
    DASHBOARD_BRIDGE,
    RECRUITMENT_DASHBOARD,
)
# Uninstalled at the end: the bridges an app or a setting installed, and
# Recruitment, which takes its bridge along.
LEAVING = (CRM_BRIDGE, CAPTURE, MAIL_PLUGIN_BRIDGE, DASHBOARD_BRIDGE, RECRUITMENT)
# Compared whole beside the core's tables: the surveys and their answers,
# which hang on a bridge's survey too. Not the mail templates (of the core's
# shared tables): no bridge ships one.
SURVEY_TABLES = (
    "survey_survey",
    "survey_question",
    "survey_question_answer",
    "survey_user_input",
    "survey_user_input_line",
)
# What a row holds once the bridge that added its selection value left:
# the field's default (``ondelete`` "set default"), or nothing where the
# field has none. The rows stay.
FALLBACKS = {
    ("hr_relationship_interaction", "source"): "manual",
    ("hr_relationship_interaction", "interaction_type"): "meeting",
    ("hr_satisfaction_survey", "audience"): None,
}
TICK_CAPTURE = """
settings = env["res.config.settings"].create({"module_hr_relationship_capture": True})
settings.execute()
env.cr.commit()
"""
# A hire with the pulse on, answered, through the bridge's own steps.
ANSWER_PULSE = """
env = env(context=dict(env.context, tracking_disable=True))
env["res.config.settings"].create({"hr_candidate_pulse": True}).execute()
job = env["hr.job"].create({"name": "Bridges check job"})
hired = env["hr.recruitment.stage"].create(
    {"name": "Bridges check hired", "hired_stage": True, "job_ids": job.ids}
)
applicant = env["hr.applicant"].create(
    {
        "partner_name": "Bridges Check",
        "email_from": "bridges.check@example.com",
        "job_id": job.id,
    }
)
env["hr.applicant.stakeholder.wizard"].create(
    {"applicant_id": applicant.id}
).action_confirm()
applicant.stage_id = hired
Campaign = env["hr.satisfaction.survey"]
pulse = Campaign.search([("pulse_applicant_id", "=", applicant.id)])
answer = pulse.user_input_ids
roles = {q.hr_metric_role: q for q in pulse.survey_id.question_ids}
answer._save_lines(roles["satisfaction"], "4")
answer._save_lines(roles["service_performance"], "5")
answer._mark_done()
pulse.action_close()
assert pulse.result_ids, "the candidate pulse stored no results"
env.cr.commit()
"""
# A mail logged from Outlook or Gmail, through the bridge's own method.
LOG_PLUGIN_MAIL = """
stakeholder = env["hr.stakeholder"].search([], limit=1)
env["hr.relationship.interaction"]._hr_log_plugin_mail(
    stakeholder.id, "<p>Bridges check mail</p>", "Bridges check"
)
env.cr.commit()
"""
UNINSTALL = f"""
env["ir.module.module"].search(
    [("name", "in", {list(LEAVING)!r})]
).button_immediate_uninstall()
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


def odoo(db, *args, **run):
    odoo_module = harness.check_odoo()
    command = [sys.executable, "-m", "odoo", *run.pop("subcommand", [])]
    command += ["-d", db, *harness.odoo_options(odoo_module), *args]
    start = time.perf_counter()
    subprocess.run(command, check=True, **run)
    return time.perf_counter() - start


def shell(db, script):
    return odoo(
        db,
        "--log-level=warn",
        "--no-http",
        subcommand=["shell"],
        input=script,
        text=True,
    )


def bridge_values(db, shape):
    """{(table, column): values} of the selection values the bridges added
    to the core's fields (not the core's own)."""
    rows = db.rows(
        """
        SELECT f.model, f.name, s.value FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
          JOIN ir_model_data d ON d.model = 'ir.model.fields.selection'
           AND d.res_id = s.id
         WHERE d.module = ANY(%s)
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data c
                WHERE c.model = 'ir.model.fields.selection'
                  AND c.res_id = s.id AND c.module = %s)
        """,
        (list(BRIDGES), harness.MODULE),
    )
    added = {}
    for model, field, value in rows:
        table = model.replace(".", "_")
        if field in shape.get(table, ()):
            added.setdefault((table, field), set()).add(value)
    return added


def column_values(db, table, column):
    return dict(db.rows(f'SELECT id, "{column}" FROM "{table}"'))


# Rows of these tables belong to the record their columns name: a message
# on a lead, a server action or a cron of a bridge (19.0 gives server actions
# and crons a chatter) leaves with that record, which is the bridge's.
OWNED_BY_RECORD = {"mail_message": ("model", "res_id")}


def owners(db, table):
    """{id: (model, res_id)} of the rows of ``table`` that belong to a record."""
    model, res_id = OWNED_BY_RECORD[table]
    return {
        id_: (owner_model, owner_id)
        for id_, owner_model, owner_id in db.rows(
            f'SELECT id, "{model}", "{res_id}" FROM "{table}"'
        )
    }


def record_exists(db, model, res_id):
    table = (model or "").replace(".", "_")
    if not res_id or not db.columns(table):
        return False
    return bool(db.rows(f'SELECT 1 FROM "{table}" WHERE id = %s', (res_id,)))


def left_with_their_record(db, table, before, after, owned):
    """The ids of ``table`` lost with the record they belong to: not lost
    data of the core's, and listed by the record's model."""
    gone = {
        id_
        for id_ in before.keys() - after.keys()
        if id_ in owned and not record_exists(db, *owned[id_])
    }
    models = sorted({owned[id_][0] for id_ in gone})
    if gone:
        print(
            f"[bridges] {table}: {len(gone)} rows left with their records "
            f"({', '.join(models)})",
            flush=True,
        )
    return gone


def compare(table, before, after):
    """What differs between two table_rows() of ``table``."""
    if isinstance(before, Counter):
        return [f"{table}: rows changed"] if before != after else []
    problems = []
    lost = before.keys() - after.keys()
    if lost:
        problems.append(f"{table}: {len(lost)} rows lost, ids {sorted(lost)[:10]}")
    added = after.keys() - before.keys()
    if added:
        problems.append(f"{table}: {len(added)} rows added, ids {sorted(added)[:10]}")
    changed = [id_ for id_ in before.keys() & after.keys() if before[id_] != after[id_]]
    if changed:
        problems.append(
            f"{table}: {len(changed)} rows changed, ids {sorted(changed)[:10]}"
        )
    return problems


def fallen_back(column, values, before, after, fallback):
    """Problems, and how many rows changed to ``fallback``: every row that
    held one of the bridges' ``values`` holds ``fallback``, the others what
    they held."""
    problems, count = [], 0
    for id_, value in before.items():
        expected = fallback if value in values else value
        count += value in values
        if id_ in after and after[id_] != expected:
            problems.append(
                f"{column}: row {id_} holds {after[id_]!r}, not {expected!r}"
            )
    return problems, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    args = parser.parse_args()
    harness.ensure_postgres()
    db = Database(args.db)

    def states():
        return dict(
            db.rows(
                "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)",
                ([*harness.MODULES, RECRUITMENT],),
            )
        )

    problems = []
    if any(states().get(bridge) == "installed" for bridge in BRIDGES):
        harness.die(f"{args.db} has a bridge already: give a core-alone database.")
    # The core's tables and its own columns, before any bridge adds some,
    # and the surveys' tables.
    shape = {
        table: columns
        for table, columns in addon_tables(db, [harness.MODULE]).items()
        if table not in SHARED_TABLES
    }
    shape.update(
        (table, [c for c in db.columns(table) if c not in TOUCHED_BY_UPDATES])
        for table in SURVEY_TABLES
    )
    seconds = odoo(args.db, "-i", "crm", *ONCE)
    print(f"[bridges] install crm: {seconds:.1f} s", flush=True)
    if states().get(CRM_BRIDGE) != "installed":
        problems.append(f"installing crm did not install {CRM_BRIDGE}")
    seconds = shell(args.db, TICK_CAPTURE)
    print(f"[bridges] tick capture in Settings: {seconds:.1f} s", flush=True)
    if states().get(CAPTURE) != "installed":
        problems.append(f"ticking capture in Settings did not install {CAPTURE}")
    seconds = odoo(args.db, "-i", RECRUITMENT, *ONCE)
    print(f"[bridges] install {RECRUITMENT}: {seconds:.1f} s", flush=True)
    if states().get(RECRUITMENT_BRIDGE) != "installed":
        harness.die(f"installing {RECRUITMENT} did not install {RECRUITMENT_BRIDGE}")
    seconds = shell(args.db, ANSWER_PULSE)
    print(f"[bridges] answer the candidate pulse: {seconds:.1f} s", flush=True)
    seconds = odoo(args.db, "-i", MAIL_PLUGIN, *ONCE)
    print(f"[bridges] install {MAIL_PLUGIN}: {seconds:.1f} s", flush=True)
    if states().get(MAIL_PLUGIN_BRIDGE) != "installed":
        harness.die(f"installing {MAIL_PLUGIN} did not install {MAIL_PLUGIN_BRIDGE}")
    seconds = shell(args.db, LOG_PLUGIN_MAIL)
    print(f"[bridges] log a mail from the add-in: {seconds:.1f} s", flush=True)
    seconds = odoo(args.db, "-i", DASHBOARDS, *ONCE)
    print(f"[bridges] install {DASHBOARDS}: {seconds:.1f} s", flush=True)
    problems += [
        f"installing {DASHBOARDS} did not install {bridge}"
        for bridge in (DASHBOARD_BRIDGE, RECRUITMENT_DASHBOARD)
        if states().get(bridge) != "installed"
    ]

    added = bridge_values(db, shape)
    unknown = sorted(set(added) - set(FALLBACKS))
    problems += [
        f"{table}.{column}: a bridge adds {sorted(added[table, column])} with "
        "no documented fallback (FALLBACKS)"
        for table, column in unknown
    ]
    compared = {
        table: [c for c in columns if (table, c) not in added]
        for table, columns in shape.items()
    }
    before = {table: table_rows(db, table, cols) for table, cols in compared.items()}
    owned = {table: owners(db, table) for table in OWNED_BY_RECORD if table in compared}
    before_values = {key: column_values(db, *key) for key in added}
    seconds = shell(args.db, UNINSTALL)
    print(
        f"[bridges] uninstall the CRM, capture, mail plugin and dashboard "
        f"bridges and {RECRUITMENT}: "
        f"{seconds:.1f} s",
        flush=True,
    )
    after = states()
    if after.get(harness.MODULE) != "installed":
        problems.append("the core is not installed after the bridges left")
    problems += [
        f"{module} is still {after.get(module)}"
        for module in (*BRIDGES, RECRUITMENT)
        if after.get(module) != "uninstalled"
    ]
    for table, columns in compared.items():
        rows = table_rows(db, table, columns)
        if table in owned:
            for id_ in left_with_their_record(
                db, table, before[table], rows, owned[table]
            ):
                del before[table][id_]
        problems += compare(table, before[table], rows)
    for (table, column), values in sorted(added.items()):
        fallback = FALLBACKS.get((table, column))
        found, count = fallen_back(
            f"{table}.{column}",
            values,
            before_values[table, column],
            column_values(db, table, column),
            fallback,
        )
        problems += found
        print(
            f"[bridges] {table}.{column}: {count} rows of {sorted(values)} "
            f"fall back to {fallback!r}"
        )
    print(f"[bridges] compared {len(compared)} tables of the core and the surveys")
    for problem in problems:
        print("FAIL:", problem)
    print("bridges check", "failed" if problems else "passed", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
