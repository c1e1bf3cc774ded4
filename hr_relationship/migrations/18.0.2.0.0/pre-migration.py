# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Up to 18.0.1.3.0 one addon held recruitment, CRM, capture and skills; from
18.0.2.0.0 they are bridges beside the core. A database that ran the single
addon keeps all of it:

- every xmlid, field, model, m2m relation and SQL constraint a bridge now
  defines moves to that bridge before the core loads, so that Odoo's cleanup
  at the end of the update finds them loaded by their new module and drops no
  column, record or selection value (``source = 'calendar'`` and the others);
- the bridges are installed in the same update: recruitment, CRM and skills
  when their app is installed (it always was: the core depended on them),
  capture when the organisation used it (a company had a capture switch on,
  an interaction was captured, or a user opted out);
- a bridge that is not installed takes its views along before the core
  loads (they name fields that are no longer there); Odoo's cleanup removes
  the rest of what it would have owned, all of it unused.

What moves where is ``moved_to_bridges.json`` beside this file, made by
``tools/bridge_xmlids.py`` from a database with the core and every bridge
installed fresh: the names each bridge defines that the core no longer does.
"""

import json
from pathlib import Path

from openupgradelib import openupgrade

from odoo.tools import SQL

MOVED = json.loads(
    (Path(__file__).parent / "moved_to_bridges.json").read_text(encoding="utf-8")
)
# A bridge is installed when its app is; capture is a choice, see _used_capture.
BRIDGE_APPS = {
    "hr_relationship_recruitment": "hr_recruitment",
    "hr_relationship_crm": "crm",
    "hr_relationship_skills": "hr_skills",
}
CAPTURE = "hr_relationship_capture"
CAPTURE_SWITCHES = ("hr_capture_calendar", "hr_capture_email", "hr_capture_mailbox")
CAPTURED_SOURCES = ("calendar", "email", "mailbox")


def _any_row(cr, query):
    cr.execute(SQL("SELECT EXISTS(%s)", query))
    return cr.fetchone()[0]


def _used_capture(cr):
    """Whether the organisation used capture, read from the columns the
    previous version left (its fields are not loaded any more)."""
    switches = [
        SQL.identifier(column)
        for column in CAPTURE_SWITCHES
        if openupgrade.column_exists(cr, "res_company", column)
    ]
    if switches and _any_row(
        cr,
        SQL(
            "SELECT 1 FROM res_company WHERE %s",
            SQL(" OR ").join(SQL("%s IS TRUE", column) for column in switches),
        ),
    ):
        return True
    if _any_row(
        cr,
        SQL(
            "SELECT 1 FROM hr_relationship_interaction WHERE source IN %s",
            CAPTURED_SOURCES,
        ),
    ):
        return True
    return openupgrade.column_exists(cr, "res_users", "hr_capture_opt_out") and (
        _any_row(cr, SQL("SELECT 1 FROM res_users WHERE hr_capture_opt_out IS TRUE"))
    )


def _bridges_to_install(cr):
    bridges = [
        bridge
        for bridge, app in BRIDGE_APPS.items()
        if openupgrade.is_module_installed(cr, app)
    ]
    if _used_capture(cr):
        bridges.append(CAPTURE)
    return bridges


def _move_to_bridge(cr, bridge):
    """Give ``bridge`` what it now defines: xmlids (with their translations
    and noupdate flags), m2m relations and SQL constraints."""
    moved = MOVED[bridge]
    openupgrade.rename_xmlids(
        cr,
        [(f"hr_relationship.{name}", f"{bridge}.{name}") for name in moved["xmlids"]],
    )
    # openupgradelib moves relations and constraints only with a whole model;
    # these belong to fields a bridge adds to models that stay in the core.
    for table, names in (
        ("ir_model_relation", moved["relations"]),
        ("ir_model_constraint", moved["constraints"]),
    ):
        if names:
            cr.execute(
                SQL(
                    """
                    UPDATE %(table)s owned
                       SET module = bridge.id
                      FROM ir_module_module core, ir_module_module bridge
                     WHERE owned.module = core.id
                       AND core.name = 'hr_relationship'
                       AND bridge.name = %(bridge)s
                       AND owned.name IN %(names)s
                    """,
                    table=SQL.identifier(table),
                    bridge=bridge,
                    names=tuple(names),
                )
            )


def _drop_views(env, bridge):
    """The views a bridge that stays uninstalled would have owned, with the
    views that extend them: left active, they would break the forms they
    extend once the fields they show are gone."""
    views = env["ir.model.data"].search(
        [
            ("module", "=", "hr_relationship"),
            ("model", "=", "ir.ui.view"),
            ("name", "in", MOVED[bridge]["xmlids"]),
        ]
    )
    doomed = env["ir.ui.view"].browse(views.mapped("res_id")).exists()
    extending = doomed
    while extending:
        extending = env["ir.ui.view"].search(
            [("inherit_id", "in", extending.ids), ("id", "not in", doomed.ids)]
        )
        doomed |= extending
    doomed.unlink()


@openupgrade.migrate()
def migrate(env, version):
    bridges = _bridges_to_install(env.cr)
    for bridge in MOVED:
        if bridge in bridges:
            _move_to_bridge(env.cr, bridge)
        else:
            _drop_views(env, bridge)
    # Marked here, installed by Odoo in this same update once the core is loaded.
    to_install = env["ir.module.module"].search(
        [("name", "in", bridges), ("state", "=", "uninstalled")]
    )
    to_install.button_install()
    # Every demo record of a bridge is one of the core's, moved above and in
    # the database already: loaded again, it would be written over the
    # record as used since (a sent campaign refuses that, and the demo
    # answers would be added twice).
    to_install.demo = False
