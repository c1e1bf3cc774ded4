"""`make test`: install hr_relationship with demo data in a throw-away database
and run its Odoo tests, run the top-level tests/ against a server on that
database, prove the module installs without demo data, then drop both
databases. The closing line is "N passed, N failed[, N skipped]".

With --install-only, only the install without demo data runs (the CI's check
of a freshly provisioned interpreter)."""

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import harness

LOG_DIR = harness.VAR / "log"
RESULT = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests "
    r"when loading database"
)
MAX_BLOCK_LINES = 40


class OdooRun:
    """An Odoo process whose output goes to a log file and is scanned on the fly
    for the tests result, skipped tests and ERROR/CRITICAL lines."""

    def __init__(self, cmd, log_path):
        self.log_path = log_path
        self.result = None  # (failed, errors, run)
        self.skipped = 0
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
                message = line[match.end() :].split(": ", 1)[-1]
                if result := RESULT.search(line):
                    self.result = tuple(int(n) for n in result.groups())
                if level == "INFO" and message.startswith("skipped "):
                    self.skipped += 1
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
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.problems = []

    def fail(self, message, details=()):
        self.failed += 1
        self.problems.append((message, list(details)))

    def note_bad_lines(self, run, what):
        """Report ERROR/CRITICAL lines; count them as a failure of their own only
        when no failing test already accounts for them."""
        if not run.bad_blocks:
            return False
        lines = [line for block in run.bad_blocks[:20] for line in block]
        self.problems.append((f"{what} logged ERROR/CRITICAL lines", lines))
        return True


def banner(text):
    print(f"\n=== {text}", flush=True)


def odoo_tests(odoo, db, tally, runs):
    port = harness.free_port()
    log_path = LOG_DIR / f"{db}-install-tests.log"
    banner(
        f"(a) Installing {harness.MODULE} with demo data in {db} and running its tests"
    )
    print(f"    log: {log_path}", flush=True)
    run = OdooRun(
        harness.odoo_cmd(
            odoo,
            db,
            "-i",
            harness.MODULE,
            "--test-enable",
            f"--test-tags=/{harness.MODULE}",
            "--stop-after-init",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--screenshots={LOG_DIR}",
            "--log-level=info",
        ),
        log_path,
    )
    runs.append(run)
    rc = run.wait()
    if run.result is None:
        tally.fail(f"Odoo reported no tests result (exit code {rc}); see {log_path}")
        tally.note_bad_lines(run, "The install with tests")
        return False
    failed, errors, ran = run.result
    skipped = min(run.skipped, ran - failed - errors)
    tally.passed += ran - failed - errors - skipped
    tally.skipped += skipped
    tally.failed += failed + errors
    if failed or errors:
        tally.problems.append(
            (f"{failed} Odoo test(s) failed and {errors} errored", [])
        )
    print(
        f"    Odoo tests: {ran} ran, {failed} failed, {errors} errors, "
        f"{skipped} skipped",
        flush=True,
    )
    if ran == 0:
        tally.fail(f"No Odoo test of {harness.MODULE} ran")
    if tally.note_bad_lines(run, "The install with tests") and not (failed or errors):
        tally.failed += 1
    if rc and not (failed or errors):
        tally.fail(f"Odoo exited with code {rc} while installing and testing")
    return True


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


UNITTEST_RAN = re.compile(r"^Ran (\d+) tests? in ", re.M)
UNITTEST_COUNTS = re.compile(r"(failures|errors|skipped|unexpected successes)=(\d+)")


def toplevel_tests(odoo, db, tally, runs):
    port = harness.free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = LOG_DIR / f"{db}-server.log"
    banner(f"(b) Serving {db} on {url} and running the top-level tests/")
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
        if not (ready and wait_http(f"{url}/web/static/img/favicon.ico", server)):
            tally.fail(f"The Odoo server did not answer on {url}; see {log_path}")
            return
        env = dict(
            os.environ,
            ODOO_URL=url,
            ODOO_DB=db,
            ODOO_LOGIN="admin",
            ODOO_PASSWORD="admin",
        )
        proc = subprocess.run(
            [sys.executable, "-m", "unittest", "discover", "-s", "tests", "-v"],
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
        (LOG_DIR / f"{db}-toplevel-tests.log").write_text(proc.stdout)
    finally:
        server.stop()
    ran = UNITTEST_RAN.findall(proc.stdout)
    if not ran:
        tally.fail(f"The top-level tests did not report (exit code {proc.returncode})")
        return
    ran = int(ran[-1])
    tail = proc.stdout[proc.stdout.rfind("\nRan ") :]
    counts = {key: int(n) for key, n in UNITTEST_COUNTS.findall(tail)}
    bad = counts.get("failures", 0) + counts.get("errors", 0)
    bad += counts.get("unexpected successes", 0)
    skipped = counts.get("skipped", 0)
    tally.passed += max(ran - bad - skipped, 0)
    tally.skipped += skipped
    tally.failed += bad
    if bad:
        tally.problems.append((f"{bad} top-level test(s) failed; see above", []))
    if proc.returncode and not bad:
        tally.fail(f"The top-level tests exited with code {proc.returncode}")
    if tally.note_bad_lines(server, "The server under the top-level tests") and not bad:
        tally.failed += 1


def install_without_demo(odoo, db, tally, runs):
    log_path = LOG_DIR / f"{db}-install.log"
    banner(f"(c) Installing {harness.MODULE} without demo data in {db}")
    print(f"    log: {log_path}", flush=True)
    run = OdooRun(
        harness.odoo_cmd(
            odoo,
            db,
            "-i",
            harness.MODULE,
            "--without-demo=all",
            "--stop-after-init",
            "--no-http",
            "--log-level=info",
        ),
        log_path,
    )
    runs.append(run)
    rc = run.wait()
    if rc or run.bad_blocks:
        tally.fail(f"Installing without demo data failed (exit code {rc})")
        tally.note_bad_lines(run, "The install without demo data")
    else:
        tally.passed += 1
        print("    installed cleanly", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--install-only",
        action="store_true",
        help="only prove that the addon installs without demo data",
    )
    args = parser.parse_args()
    odoo = harness.check_odoo()
    harness.ensure_postgres()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    # A CI timeout or `kill` must still drop the databases, like Ctrl+C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    prefix = os.environ.get("TEST_DB_PREFIX") or f"{harness.MODULE}_test"
    demo_db = f"{prefix}_{os.getpid()}"
    nodemo_db = f"{demo_db}_nodemo"
    tally, runs = Tally(), []
    started = time.monotonic()
    try:
        if not args.install_only and odoo_tests(odoo, demo_db, tally, runs):
            toplevel_tests(odoo, demo_db, tally, runs)
        install_without_demo(odoo, nodemo_db, tally, runs)
    except KeyboardInterrupt:
        tally.fail("Interrupted")
    finally:
        for run in runs:
            run.stop()
        for db in (demo_db, nodemo_db):
            harness.drop_db(db)

    if tally.passed + tally.failed + tally.skipped == 0:
        tally.fail("No test ran at all")
    banner(f"Summary ({time.monotonic() - started:.0f}s, logs in {LOG_DIR})")
    for message, details in tally.problems:
        print(f"FAILED: {message}")
        for line in details:
            print(f"    {line}")
    summary = f"{tally.passed} passed, {tally.failed} failed"
    if tally.skipped:
        summary += f", {tally.skipped} skipped"
    print(summary, flush=True)
    sys.exit(1 if tally.failed else 0)


if __name__ == "__main__":
    main()
