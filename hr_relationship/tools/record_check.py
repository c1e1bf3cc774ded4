# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import MissingError, UserError

# Record ids are PostgreSQL integers.
MAX_ID = 2**31 - 1


def is_record_id(value):
    # A bool is an int to Python, but never an id.
    return (
        isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID
    )


def checked_ids(records):
    """``records`` once their ids are known to be proper record ids: the part
    of checked_records that costs no query, for methods on a hot path whose
    own reads then refuse missing or unreadable records cleanly."""
    wrong = [value for value in records._ids if not is_record_id(value)]
    if wrong:
        env = records.env
        raise UserError(
            env._(
                "%(model)s records are named by positive whole numbers, not %(ids)s.",
                model=env["ir.model"]._get(records._name).name,
                ids=", ".join(repr(value) for value in wrong),
            )
        )
    return records


def checked_records(records, single=False):
    """``records`` once they are known to be existing records named by
    proper ids that the user may read, and exactly one when ``single``.

    A button's method is also an RPC entry point, where the ids are whatever
    the caller sent: without this, a text id fails in the database and two
    ids in ``ensure_one``, both as internal errors, and an action would name
    or act on a record of a company (or an owner) the user may not read."""
    env = records.env

    def label():
        return env["ir.model"]._get(records._name).name

    if records._abstract:
        # An abstract model (a mixin) holds no records to act on.
        raise UserError(
            env._("%(model)s holds no records to act on.", model=records._name)
        )
    checked_ids(records)
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
    # The ORM checks a method's records only when it reads or writes them;
    # an action may first put their names in a dialog of its own.
    records.check_access("read")
    return records


def _referenced_ids(field, value):
    """(ids, {id or None: nested values}) that ``value`` of the relational
    ``field`` names, as create, write and onchange take it."""
    if field.type == "many2one":
        if isinstance(value, dict):  # onchange's {"id": ..., "display_name": ...}
            value = value.get("id")
        return ([value] if value else []), {}
    ids, nested = [], {}
    for command in value or ():
        if not isinstance(command, (list, tuple)):
            ids.append(command)  # a plain list of ids
        elif command and command[0] in (Command.UPDATE, Command.LINK):
            ids.append(command[1])
            if command[0] == Command.UPDATE and isinstance(command[2], dict):
                nested[command[1]] = command[2]
        elif command and command[0] == Command.SET:
            ids.extend(command[2] or ())
        elif command and command[0] == Command.CREATE and isinstance(command[2], dict):
            nested[None if command[1] in (0, None) else command[1]] = command[2]
    return ids, nested


def check_readable_values(model, values_list):
    """Refuse values (a list of dicts for ``model``, as create, write,
    default_get and onchange take them) that point to a record the user may
    not read; one check per model that they point to.

    Odoo shows the name of a record a many2one or many2many points to as
    superuser, whoever asks: a wizard would name any company's records to a
    caller who fills its fields with their ids."""
    env = model.env
    if env.su:
        return
    ids_by_model, nested_by_model = {}, {}
    for values in values_list:
        for name, value in (values if isinstance(values, dict) else {}).items():
            field = model._fields.get(name)
            if not field or not field.relational or not value:
                continue
            ids, nested = _referenced_ids(field, value)
            ids_by_model.setdefault(field.comodel_name, []).extend(ids)
            nested_by_model.setdefault(field.comodel_name, []).extend(nested.values())
    for comodel_name, ids in ids_by_model.items():
        if ids:
            checked_records(env[comodel_name].browse(ids))
    for comodel_name, nested in nested_by_model.items():
        if nested:
            check_readable_values(env[comodel_name], nested)
