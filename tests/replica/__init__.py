# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Tests against a server with a read replica: `make test`'s part (e), which
makes the primary and the standby (scripts/replica.py) and passes their ports
as REPLICA_PRIMARY_PORT and REPLICA_STANDBY_PORT. Part (c)'s discovery of
tests/ passes here too, against a server without a replica: these tests are
left out of it rather than counted as skipped there."""

import os
from pathlib import Path


def load_tests(loader, standard_tests, pattern):
    # unittest's load_tests protocol: a package that defines it loads its
    # own modules, and here only when part (e) runs them.
    if os.environ.get("REPLICA_STANDBY_PORT"):
        here = Path(__file__).parent
        standard_tests.addTests(
            loader.discover(str(here), pattern=pattern or "test*.py")
        )
    return standard_tests
