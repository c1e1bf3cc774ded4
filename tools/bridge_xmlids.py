# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Write what the split of 18.0.2.0.0 moves from the core to each bridge.

Reads a database where the core and every bridge were installed fresh (with
demo data, so that demo records count too) and writes, per bridge, the xmlid
names it defines that the core does not, and the m2m relations and SQL
constraints Odoo registered under it, to the core's migration:

    python3 -m tools.bridge_xmlids DBNAME

Connects like the harness (PGHOST, PGPORT, PGUSER, and PGPASSWORD or
PGPASSFILE). Run it again whenever a bridge gains or loses a record that the
single addon of 18.0.1.3.0 had.
"""

import argparse
import json

from scripts import harness

MIGRATION = harness.REPO / harness.MODULE / "migrations" / "18.0.2.0.0"
TARGET = MIGRATION / "moved_to_bridges.json"
# The bridges that 18.0.2.0.0 split from the single addon; later bridges
# (the digest, the mail plugin, the dashboards) were never part of it.
SPLIT_BRIDGES = (
    "hr_relationship_recruitment",
    "hr_relationship_crm",
    "hr_relationship_capture",
    "hr_relationship_skills",
)


def moved(cr, bridge):
    cr.execute(
        """
        SELECT name FROM ir_model_data WHERE module = %s
        EXCEPT
        SELECT name FROM ir_model_data WHERE module = %s
        ORDER BY name
        """,
        (bridge, harness.MODULE),
    )
    xmlids = [name for (name,) in cr.fetchall()]
    owned = {}
    for table in ("ir_model_relation", "ir_model_constraint"):
        cr.execute(
            f"""
            SELECT DISTINCT owned.name FROM {table} owned
              JOIN ir_module_module module ON module.id = owned.module
             WHERE module.name = %s ORDER BY owned.name
            """,
            (bridge,),
        )
        owned[table] = [name for (name,) in cr.fetchall()]
    return {
        "xmlids": xmlids,
        "relations": owned["ir_model_relation"],
        "constraints": owned["ir_model_constraint"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    args = parser.parse_args()
    harness.use_pgpass()
    conn = harness.pg_connect(args.db)
    try:
        with conn.cursor() as cr:
            spec = {bridge: moved(cr, bridge) for bridge in SPLIT_BRIDGES}
    finally:
        conn.close()
    empty = [bridge for bridge, what in spec.items() if not what["xmlids"]]
    if empty:
        harness.die(
            f"{args.db} has no xmlid of {', '.join(empty)}: install them first."
        )
    TARGET.write_text(
        json.dumps(spec, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    for bridge, what in spec.items():
        counts = ", ".join(f"{len(names)} {kind}" for kind, names in what.items())
        print(f"{bridge}: {counts}")


if __name__ == "__main__":
    main()
