"""`make test`: (a) install the core and every bridge with demo data in a
throw-away database and run their Odoo tests, (b) install the core alone (no
CRM, Recruitment or Calendar; Odoo installs Skills and the digest with
Employees, and their bridges follow) with demo data and run its tests there,
(c) run the top-level tests/ against a server on the first database, (d) prove
that the core alone installs without demo data, then drop the databases; (e)
prove that the read-only methods run on a read replica, in a primary and a
standby of its own (scripts/replica.py; a machine that cannot run them skips
it, loudly). The closing line is "N passed, N failed[, N skipped]". (The
upgrade of a database of the single addon of before the split ran an 18.0
commit of it: the tag `18.0` keeps that check; on 19.0 the migrations have
tests of their own.)

The counts come from the test frameworks' own results (scripts/test_results.py
writes them as JSON), never from the log: Odoo's aggregated OdooTestResult for
the addon's tests, unittest's result for the top-level ones. Installing a
database is a check, not a test: a failed check (an install, a server that does
not answer, an ERROR line no failing test explains) fails the run and is listed
as such, but counts neither as passed nor as failed.

With --install-only, only the install without demo data runs (the CI's check
of a freshly provisioned interpreter). --test-tags, -k, --skip and --db narrow
the run while working on one part."""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

from scripts import harness, replica

LOG_DIR = harness.VAR / "log"
MAX_BLOCK_LINES = 40
PARTS = ("odoo-tests", "core-alone", "toplevel", "nodemo", "replica")
ALL_TAGS = ",".join(f"/{module}" for module in harness.MODULES)
CORE_TAGS = f"/{harness.MODULE}"


class OdooRun:
    """An Odoo process whose output goes to a log file and is scanned on the fly
    for ERROR/CRITICAL lines (the test counts come from its results file)."""

    def __init__(self, cmd, log_path):
        self.log_path = log_path
        self.bad_blocks = []  # ERROR/CRITICAL lines, each with its traceback
        self.proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
            # Own process group, so that stopping it also stops its Chromium.
            start_new_session=True,
            # `-m scripts.test_results` and `-m tools.<tool>` import from the root.
            cwd=harness.REPO,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        block = None
        with open(self.log_path, "w", encoding="utf-8") as log:
            for line in self.proc.stdout:
                log.write(line)
                log.flush()
                line = line.rstrip("\n")
                match = harness.LOG_LINE.match(line)
                if not match:
                    # A traceback continues the ERROR line above it.
                    if block is not None and len(block) < MAX_BLOCK_LINES:
                        block.append(line)
                    continue
                block = None
                level = match.group(1)
                if level in ("ERROR", "CRITICAL"):
                    block = [line]
                    self.bad_blocks.append(block)
                if level in ("WARNING", "ERROR", "CRITICAL") or (
                    level == "INFO" and ".tests." in line and "Starting " in line
                ):
                    print("   ", line, flush=True)

    def wait(self):
        rc = self.proc.wait()
        self.reader.join()
        return rc

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.reader.join(timeout=10)


class Tally:
    """The tests, counted from their results, and the checks around them."""

    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.checks = []  # (what was checked, whether it held)
        self.problems = []  # (message, detail lines)
        self.skipped_parts = []  # why a part could not run here

    def add_tests(self, passed, failed, skipped):
        self.passed += passed
        self.failed += failed
        self.skipped += skipped

    def check(self, name, ok, message=None, details=()):
        """Record a check; one that fails is listed with `message`."""
        self.checks.append((name, ok))
        if not ok:
            self.problems.append((message or f"Check failed: {name}", list(details)))
        return ok

    def note_bad_lines(self, run, what, explained):
        """List ERROR/CRITICAL lines; they fail a check of their own unless a
        failing test is `explained` to account for them."""
        lines = [line for block in run.bad_blocks[:20] for line in block]
        if lines and explained:
            self.problems.append((f"{what} logged ERROR/CRITICAL lines", lines))
        self.check(
            f"{what} logs no ERROR/CRITICAL line",
            explained or not lines,
            f"{what} logged ERROR/CRITICAL lines",
            lines,
        )


def banner(text):
    print(f"\n=== {text}", flush=True)


def read_results(path):
    """The JSON scripts/test_results.py wrote, or None when it wrote none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def results_cmd(*args):
    return [sys.executable, "-m", "scripts.test_results", *map(str, args)]


def odoo_tests(odoo, db, tally, runs, options, modules, test_tags, label):
    """Install (or, on an existing --db, update) `modules` with demo data in
    `db` and run the tests `test_tags` selects unless they are skipped;
    whether `db` loaded."""
    port = harness.free_port()
    log_path = LOG_DIR / f"{db}-install-tests.log"
    results_path = LOG_DIR / f"{db}-odoo-results.json"
    installed = ",".join(modules)
    results_path.unlink(missing_ok=True)
    with_tests = bool(test_tags)
    verb = "Updating" if options.db else "Installing"
    title = f"({label}) {verb} {installed} with demo data in {db}"
    if with_tests:
        title += f" and running their tests ({test_tags})"
    banner(title)
    print(f"    log: {log_path}", flush=True)
    test_options = ["--test-enable", f"--test-tags={test_tags}"]
    # Since 19.0 a new database gets demo data only when asked; on an
    # existing --db, the flag changes nothing.
    run = OdooRun(
        results_cmd(
            "odoo",
            results_path,
            "--",
            *harness.odoo_server_args(
                odoo,
                db,
                "-u" if options.db else "-i",
                installed,
                "--with-demo",
                *(test_options if with_tests else []),
                "--stop-after-init",
                "--http-interface=127.0.0.1",
                f"--http-port={port}",
                f"--screenshots={LOG_DIR}",
                "--log-level=info",
            ),
        ),
        log_path,
    )
    runs.append(run)
    rc = run.wait()
    results = read_results(results_path)
    loaded = results is not None and db in results["databases"]
    tally.check(
        f"{verb.lower()} {installed} with demo data in {db}",
        loaded,
        f"{db} did not load (exit code {rc}); see {log_path}",
    )
    failed = 0
    report = results["databases"][db] if loaded else None
    if report is not None:
        ran, skipped = report["tests_run"], report["skipped"]
        failed = report["failures"] + report["errors"]
        tally.add_tests(max(ran - failed - skipped, 0), failed, skipped)
        print(
            f"    Odoo tests: {ran} ran, {report['failures']} failed, "
            f"{report['errors']} errors, {skipped} skipped",
            flush=True,
        )
        if failed:
            tally.problems.append(
                (
                    f"{report['failures']} Odoo test(s) failed and "
                    f"{report['errors']} errored; see {log_path}",
                    [],
                )
            )
        tally.check(
            f"Odoo tests selected by {test_tags} ran in {db}",
            ran > 0,
            f"No Odoo test of {installed} ran ({test_tags})",
        )
    elif loaded and with_tests:
        tally.check("Odoo reported test results", False)
    if loaded:
        tally.check(
            "Odoo exited cleanly",
            not rc or bool(failed),
            f"Odoo exited with code {rc} while installing and testing",
        )
    tally.note_bad_lines(run, "The install with tests", explained=bool(failed))
    return loaded


def wait_http(url, run, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run.proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status == 200
        except OSError:
            time.sleep(1)
    return False


def toplevel_tests(odoo, db, tally, runs, options):
    port = harness.free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = LOG_DIR / f"{db}-server.log"
    results_path = LOG_DIR / f"{db}-toplevel-results.json"
    results_path.unlink(missing_ok=True)
    banner(f"(c) Serving {db} on {url} and running the top-level tests/")
    print(f"    server log: {log_path}", flush=True)
    harness.keep_offline(db)
    server = OdooRun(
        harness.odoo_cmd(
            odoo,
            db,
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--db-filter=^{re.escape(db)}$",
            "--max-cron-threads=0",
            "--log-level=info",
        ),
        log_path,
    )
    runs.append(server)
    try:
        # The first static file request maps every addon's static directory;
        # done by concurrent browser requests on Python 3.11.7, the manifest
        # parsing behind it can hit a CPython race, so do it once up front.
        ready = wait_http(f"{url}/web/login", server)
        ready = ready and wait_http(f"{url}/web/static/img/favicon.ico", server)
        if not tally.check(
            f"the Odoo server answers on {url}",
            ready,
            f"The Odoo server did not answer on {url}; see {log_path}",
        ):
            return
        env = server_env(url, db)
        patterns = [arg for pattern in options.patterns for arg in ("-k", pattern)]
        proc = run_unittest(
            "tests", env, results_path, LOG_DIR / f"{db}-toplevel-tests.log", patterns
        )
    finally:
        server.stop()
    tally_unittest(
        tally,
        results_path,
        proc,
        server,
        "top-level",
        f" (-k {options.patterns})" if patterns else "",
    )


def server_env(url, db, **extra):
    """The environment of tests against the server on `url` (see
    tests/odoo_client.py), with `extra`."""
    return dict(
        os.environ,
        ODOO_URL=url,
        ODOO_DB=db,
        ODOO_LOGIN="admin",
        ODOO_PASSWORD="admin",
        **extra,
    )


def run_unittest(package, env, results_path, log_path, patterns=()):
    """Run the unittest tests of `package` with `env`; print and keep their
    output in `log_path`."""
    proc = subprocess.run(
        results_cmd("unittest", results_path, package, *patterns),
        cwd=harness.REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        check=False,
    )
    print(proc.stdout, flush=True)
    log_path.write_text(proc.stdout)
    return proc


def tally_unittest(tally, results_path, proc, server, what, narrowed=""):
    """Count the results run_unittest() wrote of the `what` tests, which ran
    against `server`."""
    results = read_results(results_path)
    if not tally.check(
        f"the {what} tests reported their results",
        results is not None,
        f"The {what} tests wrote no results (exit code {proc.returncode})",
    ):
        return
    bad = results["failures"] + results["errors"] + results["unexpected_successes"]
    passed = len(results["passed"]) + len(results["expected_failures"])
    tally.add_tests(passed, len(bad), len(results["skipped"]))
    if bad:
        tally.problems.append((f"{len(bad)} {what} test(s) failed; see above", bad))
    tally.check(
        f"{what} tests ran",
        results["tests_run"] > 0,
        f"No {what} test ran{narrowed}",
    )
    tally.check(
        f"the {what} tests exited cleanly",
        not proc.returncode or bool(bad),
        f"The {what} tests exited with code {proc.returncode}",
    )
    tally.note_bad_lines(
        server, f"The server under the {what} tests", explained=bool(bad)
    )


def replica_tests(odoo, db, tally, runs):
    """(e) The read-only methods on a read replica: a primary and a streaming
    standby of our own (scripts/replica.py), the core with demo data in the
    primary, a server that reads from the standby and tests/replica against
    it. A machine that cannot run the clusters skips the part, loudly."""
    banner("(e) The read-only methods on a read replica (a primary and its standby)")
    started = time.monotonic()
    try:
        with replica.clusters() as (primary, standby):
            print(
                f"    primary on port {primary.port}, standby on {standby.port}; "
                f"logs: {primary.log}, {standby.log}",
                flush=True,
            )
            first = len(runs)
            try:
                replica_served_tests(odoo, db, tally, runs, primary, standby)
            finally:
                # Odoo first, also when interrupted: the clusters stop next.
                for run in runs[first:]:
                    run.stop()
    except replica.Skip as exc:
        line = "!" * 78
        print(f"\n{line}\n!!! REPLICA TEST SKIPPED: {exc}\n{line}", flush=True)
        tally.add_tests(0, 0, 1)
        tally.skipped_parts.append(f"REPLICA TEST SKIPPED: {exc}")
    print(f"    (e) took {time.monotonic() - started:.0f}s", flush=True)


def replica_served_tests(odoo, db, tally, runs, primary, standby):
    install_log = LOG_DIR / f"{db}-install.log"
    print(f"    installing {harness.MODULE} with demo data: {install_log}", flush=True)
    if not install_check(
        replica.odoo_cmd(odoo, db, primary, "-i", harness.MODULE, "--with-demo"),
        install_log,
        tally,
        runs,
        f"{harness.MODULE} installs with demo data in the primary",
        "Installing in the primary",
    ):
        return
    port = harness.free_port()
    url = f"http://127.0.0.1:{port}"
    server_log = LOG_DIR / f"{db}-server.log"
    results_path = LOG_DIR / f"{db}-results.json"
    results_path.unlink(missing_ok=True)
    print(f"    serving on {url} with two workers: {server_log}", flush=True)
    server = OdooRun(
        replica.odoo_cmd(
            odoo,
            db,
            primary,
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--gevent-port={harness.free_port()}",
            f"--db-filter=^{re.escape(db)}$",
            "--workers=2",
            "--max-cron-threads=0",
            f"--db_replica_host={replica.HOST}",
            f"--db_replica_port={standby.port}",
            "--log-level=info",
        ),
        server_log,
    )
    runs.append(server)
    try:
        if not tally.check(
            f"the Odoo server with a replica answers on {url}",
            wait_http(f"{url}/web/login", server),
            f"The Odoo server with a replica did not answer on {url}; see {server_log}",
        ):
            return
        env = server_env(
            url,
            db,
            REPLICA_PRIMARY_PORT=str(primary.port),
            REPLICA_STANDBY_PORT=str(standby.port),
            REPLICA_SERVER_LOG=str(server_log),
        )
        proc = run_unittest(
            "tests/replica", env, results_path, LOG_DIR / f"{db}-tests.log"
        )
    finally:
        server.stop()
    tally_unittest(tally, results_path, proc, server, "replica")


def core_test_tags(test_tags):
    """The part of `test_tags` that selects the core's own tests."""
    return ",".join(
        tag
        for tag in test_tags.split(",")
        if tag.lstrip("-/").split(":")[0].split("[")[0] == harness.MODULE
    )


def install_without_demo(odoo, db, tally, runs):
    """A check, not a test: the addon installs without demo data (Odoo's
    default since 19.0)."""
    log_path = LOG_DIR / f"{db}-install.log"
    banner(f"(d) Installing {harness.MODULE} alone without demo data in {db}")
    print(f"    log: {log_path}", flush=True)
    if install_check(
        harness.odoo_cmd(odoo, db, "-i", harness.MODULE),
        log_path,
        tally,
        runs,
        f"{harness.MODULE} installs without demo data",
        "Installing without demo data",
    ):
        print("    installed cleanly", flush=True)


def install_check(cmd, log_path, tally, runs, claim, what):
    """A check, not a test: the install `cmd` exits cleanly and logs no
    ERROR/CRITICAL line; whether it did."""
    run = OdooRun(
        [*cmd, "--stop-after-init", "--no-http", "--log-level=info"], log_path
    )
    runs.append(run)
    rc = run.wait()
    lines = [line for block in run.bad_blocks[:20] for line in block]
    return tally.check(
        claim,
        not (rc or lines),
        f"{what} failed (exit code {rc}); see {log_path}",
        lines,
    )


def tool_check(tool, args, tally, runs, title, claim):
    """A check, not a test: `python3 -m tools.<tool>` with `args` (the
    database last) holds `claim`."""
    log_path = LOG_DIR / f"{args[-1]}-{tool}.log"
    banner(title)
    print(f"    log: {log_path}", flush=True)
    run = OdooRun([sys.executable, "-m", f"tools.{tool}", *args], log_path)
    runs.append(run)
    rc = run.wait()
    lines = [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if line.startswith(("FAIL:", "["))
    ]
    for line in lines:
        print(f"    {line}", flush=True)
    if tally.check(
        claim,
        not rc,
        f"tools.{tool} failed (exit code {rc}); see {log_path}",
        [line for line in lines if line.startswith("FAIL:")],
    ):
        print(f"    held: {claim}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--install-only",
        action="store_true",
        help="only prove that the addon installs without demo data",
    )
    parser.add_argument(
        "--test-tags",
        default=ALL_TAGS,
        help="Odoo's --test-tags for the tests in the database with every "
        "module (default: %(default)s), e.g. "
        f"/{harness.MODULE}:TestAccessRights; the core-alone database runs "
        f"the core's part of them",
    )
    parser.add_argument(
        "-k",
        dest="patterns",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only the top-level tests matching this unittest -k pattern "
        "(repeatable), e.g. -k test_rpc",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=PARTS,
        help="leave out a part: the Odoo tests with every module (the database "
        "is still installed unless the top-level tests are left out too), the "
        "core alone with its tests, the top-level tests, the core's install "
        "without demo data, or the read replica's tests (repeatable)",
    )
    parser.add_argument(
        "--db",
        help="use this existing database with demo data and every module "
        "instead of a throw-away one: the modules are updated there, and the "
        "database is kept",
    )
    return parser.parse_args()


def run_parts(odoo, options, tally, runs, demo_db, core_db, nodemo_db):
    """The parts (a) to (e) that the options leave in."""
    if not options.install_only:
        # Part (a)'s database serves the top-level tests too.
        loaded = not {"odoo-tests", "toplevel"} <= set(options.skip) and odoo_tests(
            odoo,
            options.db or demo_db,
            tally,
            runs,
            options,
            harness.MODULES,
            "" if "odoo-tests" in options.skip else options.test_tags,
            "a",
        )
        if "core-alone" not in options.skip:
            core_tags = core_test_tags(options.test_tags)
            if core_tags:
                core_loaded = odoo_tests(
                    odoo,
                    core_db,
                    tally,
                    runs,
                    options,
                    [harness.MODULE],
                    core_tags,
                    "b",
                )
                if core_loaded:
                    tool_check(
                        "check_bridges",
                        [core_db],
                        tally,
                        runs,
                        f"(b) Bridges installed and uninstalled around the core in "
                        f"{core_db}",
                        "bridges install with their app or setting and leave the "
                        "core's data intact",
                    )
        if loaded and "toplevel" not in options.skip:
            toplevel_tests(odoo, options.db or demo_db, tally, runs, options)
    if options.install_only or "nodemo" not in options.skip:
        install_without_demo(odoo, nodemo_db, tally, runs)
    if not options.install_only and "replica" not in options.skip:
        replica_tests(odoo, f"{demo_db}_replica", tally, runs)


def main():
    options = parse_args()
    odoo = harness.check_odoo()
    harness.ensure_postgres()
    if options.db and not harness.db_exists(options.db):
        harness.die(f"The database {options.db} given by --db does not exist.")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    # A CI timeout or `kill` must still drop the databases, like Ctrl+C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    prefix = os.environ.get("TEST_DB_PREFIX") or f"{harness.MODULE}_test"
    demo_db = f"{prefix}_{os.getpid()}"
    core_db = f"{demo_db}_core"
    nodemo_db = f"{demo_db}_nodemo"
    throw_away = [core_db, nodemo_db] + ([] if options.db else [demo_db])
    tally, runs = Tally(), []
    started = time.monotonic()
    try:
        run_parts(odoo, options, tally, runs, demo_db, core_db, nodemo_db)
    except KeyboardInterrupt:
        tally.check("the run was not interrupted", False, "Interrupted")
    finally:
        for run in runs:
            run.stop()
        for db in throw_away:
            harness.drop_db(db)

    test_parts = {"odoo-tests", "toplevel", "replica"}
    tests_wanted = not options.install_only and not test_parts <= set(options.skip)
    if tests_wanted and tally.passed + tally.failed + tally.skipped == 0:
        tally.check("some test ran", False, "No test ran at all")
    banner(f"Summary ({time.monotonic() - started:.0f}s, logs in {LOG_DIR})")
    for message, details in tally.problems:
        print(f"FAILED: {message}")
        for line in details:
            print(f"    {line}")
    for message in tally.skipped_parts:
        print(f"!!! {message}")
    failed_checks = [name for name, ok in tally.checks if not ok]
    print(
        f"Checks (not counted as tests): {len(tally.checks) - len(failed_checks)} "
        f"held, {len(failed_checks)} failed",
        flush=True,
    )
    if tests_wanted:
        summary = f"{tally.passed} passed, {tally.failed} failed"
        if tally.skipped:
            summary += f", {tally.skipped} skipped"
        if failed_checks:
            summary += f" ({len(failed_checks)} check(s) failed)"
        print(summary, flush=True)
    else:
        # An install-only run is a check, not a test run: a count of zero
        # tests here would read as if the test suite had run nothing.
        verdict = "failed" if failed_checks else "held"
        print(f"Install-only run: no tests were asked for; the checks {verdict}.")
    sys.exit(1 if tally.failed or failed_checks else 0)


if __name__ == "__main__":
    main()
