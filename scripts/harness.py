"""The one harness module: what `make demo`, `make test`, the translation
export, the top-level tests and the benchmarks share.

- Odoo: check_odoo() (provisioning it into var/ when this interpreter cannot
  import Odoo 19.0), addons_path(), odoo_options() and odoo_cmd().
- PostgreSQL: ensure_postgres() starts a stopped local cluster and creates the
  role; pg_connect(), db_exists(), drop_db() and friends. Passwords never go on
  a command line: libpq (psycopg2 in Odoo and here, psql, dropdb) reads them
  from PGPASSWORD or PGPASSFILE in the environment, and use_pgpass() points
  PGPASSFILE at var/pgpass for the role the harness created.
- Chromium: chromium() launches Debian's Chromium headless through Playwright
  for Python, the one browser client of the tests and benchmarks.

Only the standard library is imported at module level: this runs before
anything is provisioned. Everything else imports it as `from scripts import
harness`, and runs as a module from the repository root (`python3 -m
scripts.run_tests`, `python3 -m tools.check_bridges`, ...)."""

import getpass
import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from scripts import provision

REPO = Path(__file__).resolve().parent.parent
VAR = REPO / "var"
DATA_DIR = VAR / "data"
# The libpq password file of the role ensure_postgres() creates, if it does.
PGPASS = VAR / "pgpass"
# What PostgreSQL says when the harness's role is missing or has no password.
ROLE_PROBLEMS = ("does not exist", "no password supplied")
MODULE = "hr_relationship"
# The bridges beside the core, each a top-level folder of the repository.
BRIDGES = (
    "hr_relationship_recruitment",
    "hr_relationship_crm",
    "hr_relationship_capture",
    "hr_relationship_skills",
    "hr_relationship_digest",
    "hr_relationship_mail_plugin",
    "hr_relationship_spreadsheet_dashboard",
    "hr_relationship_recruitment_dashboard",
)
MODULES = (MODULE, *BRIDGES)
# Set once the harness re-runs itself in the provisioned virtual environment.
PROVISIONED = "HR_RELATIONSHIP_PROVISIONED"
# Odoo's log line prefix: "2026-01-01 10:00:00,123 4242 LEVEL db logger: msg"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) ")


def die(sentence, code=2):
    print(sentence, file=sys.stderr, flush=True)
    sys.exit(code)


def _import_odoo():
    """(odoo package, None) when this interpreter imports Odoo 19.0, else
    (None, a clause saying why not)."""
    try:
        import odoo
        import odoo.release
    except Exception as exc:  # any import failure means Odoo is not usable
        return None, (
            f"`{sys.executable} -c 'import odoo'` fails ({type(exc).__name__}: {exc})"
        )
    version = odoo.release.version
    if not version.startswith(provision.ODOO_SERIES):
        return None, (
            f"`{sys.executable}` imports Odoo {version} from {odoo_package_dir(odoo)}"
        )
    return odoo, None


def check_odoo():
    """Return the odoo package. When this interpreter cannot import Odoo 19.0,
    provision it into var/ and run the same command line again with the virtual
    environment's interpreter; exit 2 with one sentence when that fails."""
    odoo, problem = _import_odoo()
    if odoo is None:
        if os.environ.get(PROVISIONED):
            die(
                f"Odoo {provision.ODOO_SERIES} is missing: {problem}, even after "
                f"provisioning; remove {VAR / 'venv'} and run the command again."
            )
        print(
            f"Odoo {provision.ODOO_SERIES} is not importable here ({problem}): using "
            f"{VAR / 'venv'}, provisioned first if needed.",
            flush=True,
        )
        try:
            python = provision.ensure(VAR, sys.executable)
        except provision.ProvisionError as exc:
            die(str(exc))
        os.environ[PROVISIONED] = "1"
        sys.stdout.flush()
        # The very command line again (`-m scripts.run_tests ...`, options
        # included): sys.argv holds the module's file, which run as a script
        # could not import its package.
        os.execv(python, [str(python), *sys.orig_argv[1:]])
    missing = provision.missing_python_dependencies()
    if missing:
        die(
            f"{sys.executable} lacks the Python package(s) {', '.join(missing)} "
            f"that {MODULE} needs: run `{sys.executable} -m pip install -r "
            f"{provision.REQUIREMENTS}`."
        )
    return odoo


def odoo_package_dir(odoo):
    """The directory of the odoo package. Since 19.0 `odoo` is a namespace
    package, without __init__.py and so without odoo.__file__: its release
    module tells which checkout it comes from."""
    return Path(odoo.release.__file__).resolve().parent


def addons_path(odoo, repo=REPO):
    """Odoo's own addons directories, found from the package, plus `repo` (this
    repository, or another checkout of the addon)."""
    package = odoo_package_dir(odoo)
    candidates = [package.parent / "addons", package / "addons"]
    dirs = [str(path) for path in candidates if path.is_dir()]
    return ",".join(dirs + [str(repo)])


def pg_settings():
    """libpq-style connection settings with the harness defaults applied."""
    user = os.environ.get("PGUSER") or getpass.getuser()
    if user == "postgres":
        die(
            "Odoo refuses to run as the PostgreSQL superuser `postgres`: set PGUSER "
            "to another role that may create databases."
        )
    return {
        "host": os.environ.get("PGHOST") or "127.0.0.1",
        "port": os.environ.get("PGPORT") or "5432",
        "user": user,
    }


def pg_connect(dbname="postgres"):
    import psycopg2

    conn = psycopg2.connect(dbname=dbname, connect_timeout=5, **pg_settings())
    conn.autocommit = True
    return conn


def ensure_postgres():
    """Make sure PostgreSQL answers: start the local cluster if it is down and,
    on a fresh local cluster, create the role the harness connects as."""
    import psycopg2

    use_pgpass()
    try:
        pg_connect().close()
        return
    except psycopg2.OperationalError as exc:
        first_error = str(exc).strip().splitlines()[0]
    if any(problem in first_error for problem in ROLE_PROBLEMS):
        create_role(first_error)
        try:
            pg_connect().close()
            return
        except psycopg2.OperationalError as exc:
            message = str(exc).strip().splitlines()[0]
            if os.environ.get("PGPASSFILE") == str(PGPASS):
                PGPASS.unlink(missing_ok=True)
            die(
                f"PostgreSQL still refuses the role {pg_settings()['user']} "
                f"({message}): set PGPASSWORD to its password."
            )
    clusters = sorted(glob.glob("/etc/postgresql/*/main"))
    if not clusters or not shutil.which("pg_ctlcluster"):
        die(
            f"PostgreSQL is not reachable ({first_error}) and no local cluster "
            "was found to start: install PostgreSQL or set PGHOST/PGPORT/PGUSER."
        )
    for cluster in clusters:
        version = Path(cluster).parent.name
        print(f"Starting the local PostgreSQL {version} cluster...", flush=True)
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
            check=False,
        )
    deadline = time.monotonic() + 30
    role_created = False
    while True:
        try:
            pg_connect().close()
            return
        except psycopg2.OperationalError as exc:
            message = str(exc).strip().splitlines()[0]
            if not role_created and any(p in message for p in ROLE_PROBLEMS):
                create_role(message)
                role_created = True
                continue
            if time.monotonic() > deadline:
                die(f"PostgreSQL is still not reachable after starting it ({message}).")
            time.sleep(1)


def use_pgpass():
    """Let libpq read the password the harness gave the role it created."""
    if PGPASS.is_file() and not (
        os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE")
    ):
        os.environ["PGPASSFILE"] = str(PGPASS)


def psql_quote(value):
    """`value` as a single-quoted argument of a psql backslash command."""
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


def create_role(problem):
    """Create the role of pg_settings() in the local cluster as its `postgres`
    superuser, or give it a password when it has none. Debian asks for a
    password over TCP, so the role gets one, kept in var/pgpass for libpq; an
    existing password is never changed."""
    pg = pg_settings()
    if pg["host"] not in ("127.0.0.1", "localhost", "::1"):
        die(f"PostgreSQL on {pg['host']} refuses the connection ({problem}).")
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
    elif shutil.which("sudo") and not subprocess.call(
        ["sudo", "-n", "-u", "postgres", "true"], stderr=subprocess.DEVNULL
    ):
        prefix = ["sudo", "-n", "-u", "postgres"]
    else:
        die(
            f"PostgreSQL refuses the role {pg['user']} ({problem}) and creating "
            "it needs root: create a role that may create databases (see "
            "DEVELOPERS.md) or set PGUSER/PGPASSWORD."
        )
    password = os.environ.get("PGPASSWORD") or secrets.token_urlsafe(24)
    print(f"Setting up the PostgreSQL role {pg['user']}...", flush=True)
    # Through psql variables, on stdin: never on a command line.
    sql = (
        f"\\set role {psql_quote(pg['user'])}\n"
        f"\\set pass {psql_quote(password)}\n"
        "SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', "
        ":'pass') WHERE NOT EXISTS "
        "(SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec\n"
        "SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pass') "
        "FROM pg_authid WHERE rolname = :'role' AND rolpassword IS NULL "
        "\\gexec\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PGHOST", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGDATABASE")
    }
    # Connecting over the Unix socket lets the `postgres` user in by peer auth.
    cmd = [*prefix, "psql", "-p", pg["port"], "-q", "-v", "ON_ERROR_STOP=1"]
    done = subprocess.run(
        cmd, input=sql, text=True, env=env, cwd="/", capture_output=True, check=False
    )
    if done.returncode:
        lines = (done.stderr or done.stdout).strip().splitlines()
        reason = lines[-1] if lines else f"psql exit code {done.returncode}"
        die(f"Creating the PostgreSQL role {pg['user']} failed ({reason}).")
    if not os.environ.get("PGPASSWORD"):
        VAR.mkdir(parents=True, exist_ok=True)
        PGPASS.touch(mode=0o600)
        PGPASS.write_text(f"*:{pg['port']}:*:{pg['user']}:{password}\n")
        os.environ["PGPASSFILE"] = str(PGPASS)


def db_exists(name):
    conn = pg_connect()
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            return bool(cr.fetchone())
    finally:
        conn.close()


def module_installed(dbname, module):
    """Whether `module` is installed in the existing database `dbname`."""
    conn = pg_connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
            if not cr.fetchone()[0]:
                return False
            cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (module,))
            return cr.fetchone() == ("installed",)
    finally:
        conn.close()


def keep_offline(dbname):
    """Mark the companies as already enriched, so that partner_autocomplete
    (installed with CRM) does not call its web service when an administrator
    first opens the web client: the project talks to loopback only."""
    conn = pg_connect(dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name ="
                " 'res_company' AND column_name = 'iap_enrich_auto_done'"
            )
            if cr.fetchone():
                cr.execute("UPDATE res_company SET iap_enrich_auto_done = TRUE")
    finally:
        conn.close()


def drop_db(name):
    from psycopg2 import sql

    conn = pg_connect()
    try:
        with conn.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
    finally:
        conn.close()
    shutil.rmtree(DATA_DIR / "filestore" / name, ignore_errors=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_options(odoo, data_dir=DATA_DIR):
    """Odoo's options for the addons path, the data directory (None: Odoo's
    default) and the libpq settings of pg_settings(). There is no password
    option: the password stays in PGPASSWORD or PGPASSFILE, which libpq reads
    from the environment, so that it never shows on a command line."""
    pg = pg_settings()
    options = [f"--addons-path={addons_path(odoo)}"]
    if data_dir:
        options.append(f"--data-dir={data_dir}")
    options += [
        f"--db_host={pg['host']}",
        f"--db_port={pg['port']}",
        f"--db_user={pg['user']}",
    ]
    return options


def odoo_server_args(odoo, db, *args):
    """The options of Odoo's server command on database `db`, then `args`."""
    return [f"--database={db}", *odoo_options(odoo), *args]


def odoo_cmd(odoo, db, *args):
    """Command line for Odoo's server on database `db`, connected the libpq way."""
    return [sys.executable, "-m", "odoo", "server", *odoo_server_args(odoo, db, *args)]


# Debian's Chromium as the tests and benchmarks run it: headless, quiet, and
# without any traffic of its own (the project talks to loopback only).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_executable():
    """The system's Chromium (or Chrome) binary, or None."""
    for name in provision.BROWSERS:
        if path := shutil.which(name):
            return path
    return None


@contextmanager
def chromium():
    """A headless Chromium driven by Playwright for Python: yields Playwright's
    sync `Browser`, closed on exit. It runs the system's Chromium binary (which
    provisioning and .ci/run install), never a browser Playwright downloads;
    Playwright itself comes from test-requirements.txt. Raises RuntimeError
    with one sentence when either is missing."""
    executable = chromium_executable()
    if not executable:
        raise RuntimeError(
            "Chromium is missing: install Debian's chromium (apt-get install "
            "chromium); provisioning and .ci/run do."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RuntimeError(
            f"Playwright for Python is missing ({exc}): run `{sys.executable} -m "
            f"pip install -r {provision.TEST_REQUIREMENTS}`."
        ) from exc
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()
