# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies for a read of thousands of records at once (the relationship
map's large reads): neither helps a small one."""

import gc
from contextlib import contextmanager

import odoo
from odoo.tools import SQL, config


def jit_off(env):
    """Turn PostgreSQL's JIT compilation off for the rest of the read and
    return the setting as it was, for ``restore_jit``.

    The map's queries name the records they look up by id (``= ANY(array)``,
    one array per kind of record). With thousands of ids the planner's cost
    estimate, made of index lookups, passes ``jit_above_cost`` (and the
    inlining and optimisation thresholds), and PostgreSQL compiles the
    query's expressions with LLVM first: at 20,000 nodes on 100,000
    stakeholders the query of the lines took 1.6 to 4 s of compilation for
    1.2 to 1.8 s of execution (EXPLAIN ANALYZE). Index lookups gain nothing
    from compiled expressions. ``set_config`` with ``is_local`` is
    ``SET LOCAL``: it never outlives the transaction."""
    return env.execute_query(
        SQL(
            "SELECT old.jit, set_config('jit', 'off', true)"
            " FROM (SELECT current_setting('jit') AS jit OFFSET 0) AS old"
        )
    )[0][0]


def restore_jit(env, value):
    env.execute_query(SQL("SELECT set_config('jit', %s, true)", value))


def serves_one_request():
    """Whether this process serves one request at a time: a worker of the
    prefork server (``--workers``), whose only other thread waits for the
    one that serves. The threaded server (no ``--workers``) and the gevent
    process serve many requests at once in one process."""
    return bool(config["workers"]) and not odoo.evented


@contextmanager
def collector_paused(pause):
    """Pause Python's cyclic garbage collector during a large read, in a
    process that serves one request at a time.

    Reading 20,000 nodes makes hundreds of thousands of dicts, sets and
    tuples; each full collection they set off walks all of them, which cost
    100 to 250 ms of a 1.3 s read. What the read makes holds no reference
    cycles: reference counting frees it. The collector is the process's, not
    the thread's: in a server that serves requests side by side, pausing it
    would let every other request's cycles pile up until the read ends, so
    there the read runs with it. It runs again as soon as the read is over
    (a read that finds it paused by another leaves it to that one)."""
    paused = pause and serves_one_request() and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield paused
    finally:
        if paused:
            gc.enable()
