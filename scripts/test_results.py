"""Run tests and write their results, as the test framework counted them, to a
JSON file: the counts `make test` (scripts/run_tests.py) reports, taken from
the results objects rather than from the log.

    python3 -m scripts.test_results odoo RESULTS.json -- ODOO SERVER OPTIONS
    python3 -m scripts.test_results unittest RESULTS.json PACKAGE [-k PATTERN]...

`odoo` runs Odoo's server command in this process (typically with -d, -i or
-u, --test-enable and --stop-after-init) and then reads, for each database it
loaded, the registry's aggregated `OdooTestResult` (`_assertion_report`),
which holds the at-install and the post-install tests. It writes

    {"exit_code": 0, "databases": {"db": {"tests_run": 120, "failures": 0,
     "errors": 0, "skipped": 1}}}

where a database loaded without --test-enable has null and a database that
failed to load has no entry. `unittest` discovers the tests of PACKAGE (a
package in the current directory: `tests` in the repository root) like
`python3 -m unittest discover -s PACKAGE -t . -v` (with -k as unittest's
own), runs them with unittest's text runner and writes the ids of the tests
per outcome from unittest's result:

    {"tests_run": 8, "passed": [...], "failures": [...], "errors": [...],
     "skipped": [...], "expected_failures": [...], "unexpected_successes": [...]}

Either exits with the exit code of the run it wraps.
"""

import argparse
import json
import sys
import unittest
from pathlib import Path


def write(path, data):
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def run_odoo(results_path, odoo_args):
    from odoo.cli.server import Server
    from odoo.orm.registry import Registry

    exit_code = 0
    try:
        Server().run(odoo_args)  # ends with sys.exit(rc)
    except SystemExit as exc:
        code = exc.code
        exit_code = code if isinstance(code, int) else (1 if code else 0)
    finally:
        databases = {}
        for db, registry in Registry.registries.snapshot.items():
            report = registry._assertion_report
            if report is None:  # loaded without --test-enable: no tests
                databases[db] = None
                continue
            databases[db] = {
                "tests_run": report.testsRun,
                "failures": report.failures_count,
                "errors": report.errors_count,
                "skipped": report.skipped,
            }
        write(results_path, {"exit_code": exit_code, "databases": databases})
    return exit_code


class RecordingResult(unittest.TextTestResult):
    """unittest's text result that also keeps the ids of the passed tests."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(test.id())


def run_unittest(results_path, package, patterns):
    loader = unittest.TestLoader()
    if patterns:
        # What `python3 -m unittest -k PATTERN` does with a pattern.
        loader.testNamePatterns = [p if "*" in p else f"*{p}*" for p in patterns]
    # From the current directory, the tests import as their package's modules
    # (tests.test_rpc), and so import their siblings (tests.odoo_client).
    suite = loader.discover(package, top_level_dir=".")
    runner = unittest.TextTestRunner(
        stream=sys.stdout, verbosity=2, resultclass=RecordingResult
    )
    result = runner.run(suite)

    def ids(pairs):
        return [test.id() for test, _reason in pairs]

    write(
        results_path,
        {
            "tests_run": result.testsRun,
            "passed": result.passed,
            "failures": ids(result.failures),
            "errors": ids(result.errors),
            "skipped": ids(result.skipped),
            "expected_failures": ids(result.expectedFailures),
            "unexpected_successes": [t.id() for t in result.unexpectedSuccesses],
        },
    )
    return 0 if result.wasSuccessful() else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    odoo = commands.add_parser("odoo", help="Odoo's server with its tests")
    odoo.add_argument("results", help="the JSON file to write")
    odoo.add_argument("odoo_args", nargs=argparse.REMAINDER)
    tests = commands.add_parser("unittest", help="unittest discovery")
    tests.add_argument("results", help="the JSON file to write")
    tests.add_argument("package")
    tests.add_argument("-k", dest="patterns", action="append", default=[])
    args = parser.parse_args()
    if args.command == "odoo":
        odoo_args = args.odoo_args
        if odoo_args[:1] == ["--"]:
            odoo_args = odoo_args[1:]
        return run_odoo(args.results, odoo_args)
    return run_unittest(args.results, args.package, args.patterns)


if __name__ == "__main__":
    sys.exit(main())
