"""A throw-away PostgreSQL primary and its streaming standby, for `make test`'s
part (e): the addon's read-only methods run on a read replica.

`clusters()` makes both under var/replica/PID/: `initdb` a primary that listens on
127.0.0.1 only (no Unix socket, so nothing meets the system's cluster), trusts
normal and replication connections from there, and replicates synchronously
with `synchronous_commit = remote_apply`: a commit returns once the standby
has applied it, so a read on the standby right after a write sees the write.
The standby is a `pg_basebackup -R` of it in hot standby. Both stop, and their
directories go, when the `with` block ends, however it ends.

PostgreSQL refuses to run as root: as root, the tools run as the `postgres` OS
user, which owns the data directories. Where the machine cannot do it (no
server binaries, no `postgres` user, a cluster that does not start), Skip says
why; the caller reports it loudly and counts the part as skipped."""

import glob
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from scripts import harness

# One directory a process: a run of the tests and a benchmark may overlap.
BASE = harness.VAR / "replica"
LOG_DIR = harness.VAR / "log"
# The superuser initdb creates, and the role Odoo connects as: Odoo refuses
# one named `postgres`. Trust authentication, on 127.0.0.1 only.
ROLE = "odoo"
HOST = "127.0.0.1"
TOOLS = ("initdb", "pg_ctl", "pg_basebackup", "postgres")
PG_HBA = f"""\
host all all {HOST}/32 trust
host replication all {HOST}/32 trust
"""
PRIMARY_CONF = f"""
listen_addresses = '{HOST}'
unix_socket_directories = ''
wal_level = replica
max_wal_senders = 4
hot_standby = on
synchronous_commit = remote_apply
# A throw-away cluster: what a crash would lose does not matter.
fsync = off
full_page_writes = off
# The tests count the primary's transactions: none of its own, then.
autovacuum = off
"""


class Skip(Exception):
    """This machine cannot run a primary and a standby; the message says why."""


def bindir():
    """The directory of PostgreSQL's server binaries."""
    candidates = []
    if shutil.which("pg_config"):
        done = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        )
        candidates.append(done.stdout.strip())
    # Debian's pg_config (libpq-dev) may name a client-only directory.
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda path: [int(n) for n in re.findall(r"\d+", path)],
        reverse=True,
    )
    for path in candidates:
        if path and all((Path(path) / tool).is_file() for tool in TOOLS):
            return Path(path)
    raise Skip(
        f"no PostgreSQL server binaries ({', '.join(TOOLS)}) in `pg_config "
        "--bindir` or /usr/lib/postgresql/*/bin"
    )


def run_as():
    """The command prefix and (uid, gid) of the OS user PostgreSQL runs as:
    this one, or `postgres` when this is root."""
    if os.geteuid():
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise Skip("running as root, and there is no `postgres` OS user") from exc
    if not shutil.which("runuser"):
        raise Skip("running as root, and there is no `runuser` to run as postgres")
    return ["runuser", "-u", "postgres", "--"], (user.pw_uid, user.pw_gid)


class Cluster:
    """One PostgreSQL cluster in BASE/pid/name, on a free port of 127.0.0.1."""

    def __init__(self, name, tools, pid=None):
        pid = pid or os.getpid()
        self.name = name
        self.bindir, self.prefix, self.owner = tools
        self.dir = BASE / str(pid) / name
        self.port = harness.free_port()
        self.log = LOG_DIR / f"replica-{pid}-{name}.log"

    def tool(self, tool, *args, timeout=300):
        """Run a PostgreSQL tool as the clusters' OS user; Skip on failure."""
        cmd = [*self.prefix, str(self.bindir / tool), *map(str, args)]
        done = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            # Not in our process group: Ctrl+C reaches us, and we stop it.
            start_new_session=True,
            timeout=timeout,
            check=False,
            cwd="/",
        )
        if done.returncode:
            lines = (done.stderr or done.stdout).strip().splitlines()
            raise Skip(
                f"`{tool}` of the {self.name} failed: "
                f"{lines[-1] if lines else f'exit code {done.returncode}'}"
                f" (log: {self.log})"
            )

    def make_dirs(self):
        """An empty data directory (0700) and a log file, owned by the OS user."""
        self.dir.mkdir(mode=0o700)
        self.log.write_text("")
        if self.owner:
            for path in (self.dir, self.log):
                os.chown(path, *self.owner)

    def append_conf(self, text):
        with open(self.dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(text)

    def start(self):
        self.tool("pg_ctl", "-D", self.dir, "-l", self.log, "-w", "-t", 60, "start")

    def stop(self):
        if (self.dir / "postmaster.pid").exists():
            try:
                self.tool("pg_ctl", "-D", self.dir, "-m", "fast", "-w", "stop")
            except (Skip, subprocess.TimeoutExpired):
                self.tool("pg_ctl", "-D", self.dir, "-m", "immediate", "stop")

    def query(self, sql):
        return query(self.port, "postgres", sql)


def query(port, dbname, sql, *params):
    """The rows of `sql` (None for a command) in `dbname` of the cluster on
    `port`, in a connection of its own: within a transaction, PostgreSQL
    keeps serving the statistics it read first."""
    import psycopg2

    conn = psycopg2.connect(
        host=HOST, port=port, user=ROLE, dbname=dbname, connect_timeout=5
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall() if cr.description else None
    finally:
        conn.close()


def wait_for(what, predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise Skip(f"{what} did not happen within {timeout}s")
        time.sleep(0.5)


def remove_leftovers(tools):
    """Stop the clusters of runs that were killed, and remove their
    directories."""
    for path in BASE.glob("*"):
        pid = int(path.name) if path.name.isdigit() else None
        if pid and pid_alive(pid):
            continue
        for name in ("standby", "primary"):
            cluster = Cluster(name, tools, pid)
            if pid and cluster.dir.is_dir():
                try:
                    cluster.stop()
                except Skip as exc:
                    print(f"    {exc}", flush=True)
        shutil.rmtree(path, ignore_errors=True)


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def clusters():
    """Yield (primary, standby), two started Clusters in synchronous streaming
    replication; stop and remove them on exit. Raises Skip when this machine
    cannot run them."""
    tools = (bindir(), *run_as())
    remove_leftovers(tools)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    primary, standby = Cluster("primary", tools), Cluster("standby", tools)
    primary.dir.parent.mkdir(parents=True)
    try:
        primary.make_dirs()
        primary.tool(
            "initdb", "-D", primary.dir, f"--username={ROLE}", "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        (primary.dir / "pg_hba.conf").write_text(PG_HBA)
        primary.append_conf(PRIMARY_CONF + f"port = {primary.port}\n")
        primary.start()
        standby.make_dirs()
        standby.tool(
            "pg_basebackup", "-D", standby.dir, "-R", "-X", "stream",
            "-h", HOST, "-p", primary.port, "-U", ROLE, "--no-sync",
        )  # fmt: skip
        standby.append_conf(f"port = {standby.port}\n")
        standby.start()
        # Synchronous only now: with no standby yet, every commit would wait.
        primary.query("ALTER SYSTEM SET synchronous_standby_names = '*'")
        primary.query("SELECT pg_reload_conf()")
        wait_for(
            "the standby's synchronous streaming",
            lambda: primary.query(
                "SELECT 1 FROM pg_stat_replication WHERE sync_state = 'sync'"
            ),
        )
        yield primary, standby
    finally:
        for cluster in (standby, primary):
            try:
                cluster.stop()
            except Skip as exc:
                print(f"    {exc}", flush=True)
        shutil.rmtree(primary.dir.parent, ignore_errors=True)


def odoo_cmd(odoo, db, primary, *args):
    """Odoo's server on database `db` of `primary`, then `args`. Through
    odoo-bin, not `-m odoo`: with --workers, Odoo starts its gevent process as
    `sys.executable sys.argv[0] gevent ...`, which fails for `odoo/__main__.py`
    (and the server then starts it again and again)."""
    odoo_bin = harness.odoo_package_dir(odoo).parent / "odoo-bin"
    if not odoo_bin.is_file():
        raise Skip(f"{odoo_bin} is missing: Odoo's multi-process server needs it")
    return [
        sys.executable,
        str(odoo_bin),
        "server",
        f"--database={db}",
        f"--addons-path={harness.addons_path(odoo)}",
        f"--data-dir={primary.dir.parent / 'odoo-data'}",
        f"--db_host={HOST}",
        f"--db_port={primary.port}",
        f"--db_user={ROLE}",
        *args,
    ]
