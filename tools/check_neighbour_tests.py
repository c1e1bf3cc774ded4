# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Good neighbour check: Odoo's own tests of the apps the addon extends.

Installs two throw-away databases with demo data: the apps alone (with the
addon's own dependencies, so that the two differ only by the addon) and the
same apps plus hr_relationship. Once both are installed, it runs the apps'
own tests (``--test-tags /hr,/crm,...``) in each, reads the failing and
erroring test ids from each run's log and lists the tests that fail only
with the addon.

    python3 -m tools.check_neighbour_tests [--apps project,mail] [--keep]

The tests run on installed databases, not while installing: an app's
at-install tests then run with the addon's tables in the database, as they
do when the app is updated or tested in a database that has the addon.
Connects like the harness (PGHOST, PGPORT, PGUSER, and PGPASSWORD or
PGPASSFILE, never a password option). Logs go to var/log/. Exits 1 when a
test fails only with the addon, 2 when a database cannot be installed or a
test run ends without a test result.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import time

from scripts import harness

APPS = (
    "hr",
    "crm",
    "project",
    "survey",
    "calendar",
    "mail",
    "hr_recruitment",
    "hr_skills",
    "privacy_lookup",
)
LOG_DIR = harness.VAR / "log"
# What Odoo's test result logs for each failed test, after the line prefix
# "date time pid LEVEL db ": "<logger>: FAIL: <description>" (or ERROR).
FAILED = re.compile(r" (?:ERROR|CRITICAL) \S+ (\S+): (FAIL|ERROR): (.+)$")
# An error outside a test method: "setUpClass (odoo.addons.x.tests.y.TestZ)".
FIXTURE = re.compile(r"^(\w+) \((?:odoo\.addons\.)?([\w.]+)\)$")
# The run's closing count: "0 failed, 1 error(s) of 12 tests when loading ...".
TALLY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")


def addon_depends():
    """The modules the manifests of the core and its bridges depend on,
    themselves aside."""
    depends = []
    for module in harness.MODULES:
        path = os.path.join(harness.REPO, module, "__manifest__.py")
        with open(path, encoding="utf-8") as manifest:
            depends += ast.literal_eval(manifest.read())["depends"]
    return [name for name in dict.fromkeys(depends) if name not in harness.MODULES]


def test_id(logger, description):
    """One id per test method, whatever part of it failed: a subtest
    ("Subtest TestX.test_y (k=v)") counts as its test, a class fixture as
    ``<module>.TestX.setUpClass``."""
    fixture = FIXTURE.match(description)
    if fixture and not description.startswith("Subtest "):
        return f"{fixture.group(2)}.{fixture.group(1)}"
    description = description.removeprefix("Subtest ").split(" (")[0].strip()
    return f"{logger.removeprefix('odoo.addons.')}.{description}"


def read_log(path):
    """(failing test ids, the run's last ``failed, errors of tests`` count)."""
    failing, tally = set(), None
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = FAILED.search(line.rstrip("\n"))
            if match:
                failing.add(test_id(match.group(1), match.group(3)))
            counted = TALLY.search(line)
            if counted:
                tally = tuple(int(number) for number in counted.groups())
    return failing, tally


def run_odoo(odoo, db, log_name, *args):
    """Odoo's server command on ``db`` with its output in a log file; the
    exit code, the log path and the seconds it took."""
    log_path = LOG_DIR / f"{db}-{log_name}.log"
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        rc = subprocess.run(
            harness.odoo_cmd(odoo, db, *args, "--stop-after-init"),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        ).returncode
    return rc, log_path, time.monotonic() - started


def install(odoo, db, modules):
    harness.drop_db(db)
    print(f"Installing {','.join(modules)} with demo data in {db}", flush=True)
    # Since 19.0 a new database gets demo data only when asked.
    rc, log_path, seconds = run_odoo(
        odoo, db, "install", "-i", ",".join(modules), "--with-demo", "--log-level=warn"
    )
    print(f"    {seconds:.0f}s, log: {log_path}", flush=True)
    if rc:
        harness.die(f"Installing {db} failed (exit code {rc}); see {log_path}")
    harness.keep_offline(db)


def run_tests(odoo, db, apps):
    tags = ",".join(f"/{app}" for app in apps)
    print(f"Running the tests {tags} in {db}", flush=True)
    rc, log_path, seconds = run_odoo(
        odoo,
        db,
        "tests",
        "--test-enable",
        f"--test-tags={tags}",
        "--http-interface=127.0.0.1",
        f"--http-port={harness.free_port()}",
        "--log-level=info",
    )
    failing, tally = read_log(log_path)
    if tally is None:
        harness.die(f"The tests in {db} gave no result (exit {rc}); see {log_path}")
    failed, errors, total = tally
    print(
        f"    {seconds:.0f}s: {failed} failed, {errors} errored of {total} tests;"
        f" log: {log_path}",
        flush=True,
    )
    return failing


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--apps",
        default=",".join(APPS),
        help="comma-separated Odoo apps whose tests run (default: %(default)s)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep both databases afterwards"
    )
    parser.add_argument(
        "--db-prefix",
        default=f"{harness.MODULE}_neighbour",
        help="the databases are PREFIX_apps and PREFIX_addon (default: %(default)s)",
    )
    return parser.parse_args()


def main():
    options = parse_args()
    apps = [app.strip() for app in options.apps.split(",") if app.strip()]
    if not apps:
        harness.die("--apps names no app.")
    odoo = harness.check_odoo()
    harness.ensure_postgres()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    base = list(dict.fromkeys(apps + addon_depends()))
    databases = {
        "apps": (f"{options.db_prefix}_apps", base),
        "addon": (f"{options.db_prefix}_addon", [*base, *harness.MODULES]),
    }
    started = time.monotonic()
    failing = {}
    try:
        for db, modules in databases.values():
            install(odoo, db, modules)
        for name, (db, _modules) in databases.items():
            failing[name] = run_tests(odoo, db, apps)
    finally:
        if not options.keep:
            for db, _modules in databases.values():
                harness.drop_db(db)
    only_addon = sorted(failing["addon"] - failing["apps"])
    print(f"Done in {time.monotonic() - started:.0f}s.", flush=True)
    if failing["apps"]:
        print(f"{len(failing['apps'])} test(s) fail without the addon as well:")
        for test in sorted(failing["apps"]):
            print(f"    {test}")
    if only_addon:
        print(f"{len(only_addon)} test(s) fail only with {harness.MODULE}:")
        for test in only_addon:
            print(f"    {test}")
        sys.exit(1)
    print(f"No test of {','.join(apps)} fails only with {harness.MODULE}.")


if __name__ == "__main__":
    main()
