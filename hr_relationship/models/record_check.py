# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import MissingError, UserError

# Record ids are PostgreSQL integers.
MAX_ID = 2**31 - 1


def is_record_id(value):
    # A bool is an int to Python, but never an id.
    return (
        isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID
    )


def checked_records(records, single=False):
    """``records`` once they are known to be existing records named by
    proper ids, and exactly one when ``single``.

    A button's method is also an RPC entry point, where the ids are whatever
    the caller sent: without this, a text id fails in the database and two
    ids in ``ensure_one``, both as internal errors."""
    env = records.env

    def label():
        return env["ir.model"]._get(records._name).name

    if records._abstract:
        # An abstract model (a mixin) holds no records to act on.
        raise UserError(
            env._("%(model)s holds no records to act on.", model=records._name)
        )
    wrong = [value for value in records._ids if not is_record_id(value)]
    if wrong:
        raise UserError(
            env._(
                "%(model)s records are named by positive whole numbers, not %(ids)s.",
                model=label(),
                ids=", ".join(repr(value) for value in wrong),
            )
        )
    if single and len(records) != 1:
        raise UserError(
            env._(
                "This action works on exactly one %(model)s, not %(count)s.",
                model=label(),
                count=len(records),
            )
        )
    missing = records - records.exists()
    if missing:
        raise MissingError(
            env._(
                "%(model)s %(ids)s does not exist or has been deleted.",
                model=label(),
                ids=", ".join(str(record_id) for record_id in missing.ids),
            )
        )
    return records
