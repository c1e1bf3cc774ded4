# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Real upgrade check of 18.0.1.1.0: stakeholder-project links become positions.

Installs the previous version of the addon (taken from git) without demo
data into a database of its own, links stakeholders to projects there the
way that version did (its many2many), upgrades the database to the code of
this checkout and checks that every link became a position, with the
stakeholder's attitude as initial attitude, and that the old table is gone.

    python3 -m tools.check_upgrade_project_positions [--db NAME] [--old-rev REV]

Connects like the harness (PGHOST, PGPORT, PGUSER, and PGPASSWORD or
PGPASSFILE, never a password option); drops and recreates the database.
Exits 1 when a check fails.
"""

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO

from bench import benchlib
from scripts import harness

# Runs in the previous version's odoo shell, whose ``env`` it uses.
OLD_DATA = """
names = [f"Upgrade Person {n}" for n in range(4)]
partners = env["res.partner"].create([{"name": name} for name in names])
attitudes = ["champion", "supporter", "sceptic", "blocker"]
stakeholders = env["hr.stakeholder"].create([
    {"partner_id": p.id, "relation_type": "other", "attitude": a, "influence": n + 1}
    for n, (p, a) in enumerate(zip(partners, attitudes))
])
projects = env["project.project"].create([{"name": f"Upgrade {n}"} for n in range(3)])
projects[0].hr_stakeholder_ids = stakeholders
projects[1].hr_stakeholder_ids = stakeholders[:2]
stakeholders[3].project_ids = projects[2]
env.cr.commit()
"""


def odoo_command(db, addons, *args, subcommand=None):
    command = [sys.executable, "-m", "odoo", *([subcommand] if subcommand else [])]
    command += ["-d", db]
    command += [arg for arg in benchlib.db_args() if not arg.startswith("--addons")]
    command += [f"--addons-path={addons}", *args]
    return command


def query(db, sql):
    output = subprocess.run(
        ["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-d", db, "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(line.split("|")) for line in output.splitlines() if line]


def previous_revision():
    """The commit before the one that bumped the manifest to 18.0.1.1.0."""
    bump = subprocess.run(
        ["git", "-C", harness.REPO, "log", "--format=%H", "-S", '"18.0.1.1.0"', "--"]
        + ["hr_relationship/__manifest__.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return f"{bump[-1]}^"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="hr_relationship_upgrade")
    parser.add_argument("--old-rev", default=None)
    args = parser.parse_args()
    old_rev = args.old_rev or previous_revision()
    new_addons = benchlib.addons_path()
    with tempfile.TemporaryDirectory() as old_dir:
        archive = subprocess.run(
            ["git", "-C", harness.REPO, "archive", old_rev, "hr_relationship"],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(old_dir, filter="data")
        old_addons = benchlib.addons_path(old_dir)
        subprocess.run(["dropdb", "--if-exists", args.db], check=True)
        common = ["--stop-after-init", "--log-level=warn"]
        subprocess.run(
            odoo_command(
                args.db,
                old_addons,
                "-i",
                "hr_relationship",
                "--without-demo=all",
                *common,
            ),
            check=True,
        )
        subprocess.run(
            odoo_command(args.db, old_addons, "--log-level=warn", subcommand="shell"),
            input=OLD_DATA,
            text=True,
            check=True,
        )
    links = set(
        query(
            args.db,
            "SELECT rel.stakeholder_id, rel.project_id, s.attitude"
            "  FROM hr_stakeholder_project_rel rel"
            "  JOIN hr_stakeholder s ON s.id = rel.stakeholder_id",
        )
    )
    print(f"{old_rev}: {len(links)} stakeholder-project links")
    subprocess.run(
        odoo_command(args.db, new_addons, "-u", "hr_relationship", *common),
        check=True,
    )
    version = query(
        args.db,
        "SELECT latest_version FROM ir_module_module WHERE name = 'hr_relationship'",
    )
    positions = set(
        query(
            args.db,
            "SELECT stakeholder_id, project_id, initial_attitude"
            "  FROM hr_project_stakeholder",
        )
    )
    old_tables = query(
        args.db,
        "SELECT tablename FROM pg_tables"
        " WHERE tablename LIKE 'hr_stakeholder_project_rel%'",
    )
    snapshots = query(args.db, "SELECT COUNT(*) FROM hr_project_support_snapshot")
    failures = []
    if version != [("18.0.1.1.0",)]:
        failures.append(f"module version is {version}")
    if not links:
        failures.append("the previous version has no links to migrate")
    if links - positions:
        failures.append(f"links without a position: {sorted(links - positions)}")
    if old_tables:
        failures.append(f"old tables left: {old_tables}")
    if snapshots != [("3",)]:
        failures.append(f"expected 3 project support snapshots, got {snapshots}")
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(positions)} positions after the upgrade")
    print("upgrade check", "failed" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
