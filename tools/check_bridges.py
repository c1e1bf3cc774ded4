# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bridges come and go around an installed core, which keeps its data.

On a database with the core alone (``make test`` runs it on the core-alone
database after the core's tests), as an organisation would:

1. installs CRM: ``hr_relationship_crm`` must install by itself;
2. ticks "Capture meetings and mail" in Settings (``res.config.settings``,
   saved as the Save button does): ``hr_relationship_capture`` must install;
3. uninstalls both bridges: the core stays installed and every row of its
   tables (its own columns) is as it was after step 2.

    python3 -m tools.check_bridges DBNAME

Connects like the harness; prints each step's time; exits 1 when a check
fails.
"""

import argparse
import subprocess
import sys
import time

from scripts import harness
from tools.check_upgrade import (
    ONCE,
    SHARED_TABLES,
    Database,
    addon_tables,
    table_rows,
)

CRM_BRIDGE = "hr_relationship_crm"
CAPTURE = "hr_relationship_capture"
TICK_CAPTURE = """
settings = env["res.config.settings"].create({"module_hr_relationship_capture": True})
settings.execute()
env.cr.commit()
"""
UNINSTALL = f"""
env["ir.module.module"].search(
    [("name", "in", {[CRM_BRIDGE, CAPTURE]!r})]
).button_immediate_uninstall()
env.cr.commit()
"""


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
                (list(harness.MODULES),),
            )
        )

    problems = []
    if states().get(CRM_BRIDGE) == "installed":
        harness.die(f"{args.db} has {CRM_BRIDGE} already: give a core-alone database.")
    # The core's tables and its own columns, before any bridge adds some.
    shape = {
        table: columns
        for table, columns in addon_tables(db, [harness.MODULE]).items()
        if table not in SHARED_TABLES
    }
    seconds = odoo(args.db, "-i", "crm", *ONCE)
    print(f"[bridges] install crm: {seconds:.1f} s", flush=True)
    if states().get(CRM_BRIDGE) != "installed":
        problems.append(f"installing crm did not install {CRM_BRIDGE}")
    seconds = shell(args.db, TICK_CAPTURE)
    print(f"[bridges] tick capture in Settings: {seconds:.1f} s", flush=True)
    if states().get(CAPTURE) != "installed":
        problems.append(f"ticking capture in Settings did not install {CAPTURE}")
    before = {table: table_rows(db, table, columns) for table, columns in shape.items()}
    seconds = shell(args.db, UNINSTALL)
    print(f"[bridges] uninstall both bridges: {seconds:.1f} s", flush=True)
    after = states()
    if after.get(harness.MODULE) != "installed":
        problems.append("the core is not installed after the bridges left")
    problems += [
        f"{bridge} is still {after.get(bridge)}"
        for bridge in (CRM_BRIDGE, CAPTURE)
        if after.get(bridge) != "uninstalled"
    ]
    problems += [
        f"{table}: rows changed when the bridges left"
        for table, columns in shape.items()
        if table_rows(db, table, columns) != before[table]
    ]
    print(f"[bridges] compared {len(shape)} tables of the core")
    for problem in problems:
        print("FAIL:", problem)
    print("bridges check", "failed" if problems else "passed", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
