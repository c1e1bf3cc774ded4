"""`make demo`: a database with hr_relationship, every bridge and their demo
data, served on http://localhost:8069. Running it again updates the modules
instead (a database of the single addon before the split gains its bridges
in that update)."""

import os
import re
import subprocess
import sys

from scripts import harness


def main():
    odoo = harness.check_odoo()
    db = os.environ.get("DB") or "hr_relationship_demo"
    port = os.environ.get("HTTP_PORT") or "8069"
    harness.ensure_postgres()

    modules = ",".join(harness.MODULES)
    if harness.db_exists(db) and harness.module_installed(db, harness.MODULE):
        print(f"Database {db} exists: updating {modules}...")
        # Updating the core updates the bridges that depend on it; -i adds
        # those that are not there yet.
        init = ["-u", harness.MODULE, "-i", modules]
    else:
        print(f"Installing {modules} with demo data in database {db}...")
        init = ["-i", modules]
    sys.stdout.flush()
    # A new database gets demo data only when asked, since Odoo 19.0.
    rc = subprocess.call(
        harness.odoo_cmd(
            odoo, db, *init, "--with-demo", "--stop-after-init", "--no-http"
        )
    )
    if rc:
        sys.exit(f"Installing {modules} in {db} failed (exit code {rc}).")
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
