#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the upgrade of a database of the single addon to the core and
its bridges, on the 10,000- and 100,000-stakeholder books.

Run by hand, not by CI (CI runs the same check on a demo-sized book):

    python3 -m bench.bench_upgrade [--books 10k,100k] [--db NAME]

For each book it runs ``python3 -m tools.check_upgrade --book SIZE``:
installs the version before the split, generates the book with that version's
own bench generators, upgrades with ``-u hr_relationship`` and compares every
row. It prints the upgrade's time against the target (10 minutes on this
machine) and, between two books, the time ratio against the ratio of their
sizes: an upgrade that grows linearly has a ratio at or below the sizes' one.
"""

import argparse
import re
import subprocess
import sys

from scripts import harness

TARGET_SECONDS = 600
UPGRADE_LINE = re.compile(r"\[upgrade check\] upgrade to this checkout.*: ([\d.]+) s")
BOOK_LINE = re.compile(r"\[upgrade check\] (\d+) stakeholders, (\d+) interactions")


def run_book(book, db):
    output = subprocess.run(
        [sys.executable, "-m", "tools.check_upgrade", "--book", book, "--db", db],
        # The root, where `-m tools.check_upgrade` finds its package.
        cwd=harness.REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    for line in output.splitlines():
        if line.startswith(("[upgrade check]", "FAIL:", "upgrade check")):
            print(f"  {line}", flush=True)
    seconds = float(UPGRADE_LINE.search(output).group(1))
    stakeholders, interactions = map(int, BOOK_LINE.search(output).groups())
    return seconds, stakeholders, interactions


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--books", default="10k,100k")
    parser.add_argument("--db", default="hr_relationship_bench_upgrade")
    args = parser.parse_args()
    results = []
    for book in args.books.split(","):
        print(f"book {book}:", flush=True)
        results.append((book, *run_book(book, args.db)))
    print()
    for book, seconds, stakeholders, interactions in results:
        print(
            f"{book:>5}: {stakeholders:>7,} stakeholders, {interactions:>9,} lines"
            f"  upgrade {seconds:7.1f} s  ({seconds / TARGET_SECONDS:.2f} of the"
            f" {TARGET_SECONDS // 60} min target)"
        )
    for (book_a, s_a, n_a, __), (book_b, s_b, n_b, __) in zip(
        results, results[1:], strict=False
    ):
        print(
            f"{book_a} -> {book_b}: time x{s_b / s_a:.1f} for x{n_b / n_a:.1f} "
            "the stakeholders"
        )


if __name__ == "__main__":
    main()
