# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the hand-run benchmarks share: configuration, the module, measuring.

The benchmarks import it as ``from bench.benchlib import ...`` and run as
modules from the repository root (``python3 -m bench.<script>``). The plumbing
(addons path, PostgreSQL, the database password, Chromium) is the harness's:
``scripts/harness.py``.
"""

import gc
import subprocess
import sys
import time
from collections import namedtuple
from contextlib import closing, contextmanager

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from scripts import harness

# libpq reads the password of the role the harness created from var/pgpass.
harness.use_pgpass()

Measurement = namedtuple("Measurement", "ms queries result")

# Headless Debian Chromium through Playwright, as the top-level browser test.
chromium = harness.chromium


def addons_path(repo=harness.REPO):
    """Odoo's own addons directories plus ``repo`` (this repository)."""
    return harness.addons_path(odoo, repo)


def db_args():
    """Odoo's command-line options for the addons path and the libpq settings.

    No password: libpq reads ``PGPASSWORD`` or ``PGPASSFILE`` from the
    environment. The benchmarks keep Odoo's default data directory.
    """
    return harness.odoo_options(odoo, data_dir=None)


def configure():
    """Make sure PostgreSQL answers, then configure Odoo in this process."""
    harness.ensure_postgres()
    # No server in this process: without --no-http, 19.0 warns that the
    # server's interface is not set.
    odoo.tools.config.parse_config(db_args() + ["--log-level=warn", "--no-http"])


def ensure_module(db, module="hr_relationship"):
    """Install ``module`` (hr_relationship or one of its bridges) without
    demo (Odoo's default for a new database since 19.0), or update it when
    it is there.

    Odoo creates ``db`` when it does not exist. ``-u`` makes the tables match
    the code being measured; it skips a module that is not installed yet,
    just as ``-i`` skips one that is.
    """
    command = [sys.executable, "-m", "odoo", "-d", db, *db_args()]
    command += ["-i", module, "-u", module]
    command += ["--stop-after-init", "--log-level=warn", "--no-http"]
    subprocess.run(command, check=True)


def prepare(db, reset=False, module="hr_relationship"):
    """Configure Odoo and bring ``db`` to the code being measured; with
    ``reset``, drop it first so that the data is generated anew."""
    configure()
    if reset:
        harness.drop_db(db)
    ensure_module(db, module)


@contextmanager
def environment(db, **context):
    """A superuser environment on ``db``; committed on exit like a request."""
    with Registry(db).cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context)


def vacuum(db):
    """Give the planner the statistics and visibility map a live database has."""
    with closing(odoo.sql_db.db_connect(db).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE")


def run_counted(env, action):
    """Run ``action()`` from a cold ORM cache; its time and SQL query count.

    Pending writes are flushed before the count starts, and the ones the
    action leaves (including precommit hooks such as tracking) before it
    stops, so each measurement holds exactly the action's own work.
    """
    env.flush_all()
    env.invalidate_all()
    env.cr.flush()
    # Each run starts like a fresh request; collections during the run count.
    gc.collect()
    start_queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = action()
    env.flush_all()
    env.cr.flush()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - start_queries
    return Measurement(elapsed * 1000, queries, result)


def measure(env, label, action):
    """``run_counted`` and print its figures with ``action``'s result string."""
    measurement = run_counted(env, action)
    print(
        f"{label:<58} {measurement.ms:>10.0f} ms {measurement.queries:>7} queries"
        f"  ({measurement.result})",
        flush=True,
    )
    return measurement
