"""`make demo`: a database with hr_relationship and its demo data, served on
http://localhost:8069. Running it again updates the module instead."""

import os
import re
import subprocess
import sys

import harness


def main():
    odoo = harness.check_odoo()
    db = os.environ.get("DB") or "hr_relationship_demo"
    port = os.environ.get("HTTP_PORT") or "8069"
    harness.ensure_postgres()

    if harness.db_exists(db) and harness.module_installed(db, harness.MODULE):
        print(f"Database {db} exists: updating {harness.MODULE}...")
        init = ["-u", harness.MODULE]
    else:
        print(f"Installing {harness.MODULE} with demo data in database {db}...")
        init = ["-i", harness.MODULE]
    sys.stdout.flush()
    rc = subprocess.call(
        harness.odoo_cmd(odoo, db, *init, "--stop-after-init", "--no-http")
    )
    if rc:
        sys.exit(f"Installing {harness.MODULE} in {db} failed (exit code {rc}).")
    harness.keep_offline(db)

    print(
        f"\nOdoo serves {db} on http://localhost:{port} - log in as admin / admin "
        "(Ctrl+C stops it).\n",
        flush=True,
    )
    serve = harness.odoo_cmd(
        odoo, db, f"--http-port={port}", f"--db-filter=^{re.escape(db)}$"
    )
    os.execv(serve[0], serve)


if __name__ == "__main__":
    main()
