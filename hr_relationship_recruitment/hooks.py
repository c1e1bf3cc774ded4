# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL

CORE = "hr_relationship"
MODULE = "hr_relationship_recruitment"
# What carries the answers of the bridge's candidate pulse: the survey and
# its questions (answers and their lines go with them), the answers, and the
# campaigns (their results go with them). The bridge ships some as data and
# demo; once people answered, they are the HR department's.
ANSWER_MODELS = (
    "survey.survey",
    "survey.question",
    "survey.question.answer",
    "survey.user_input",
    "survey.user_input.line",
    "hr.satisfaction.survey",
    "hr.satisfaction.result",
)
# The 18.0 candidates of the stakeholders, which the migration to 19.0 keeps
# (migrations/19.0.1.0.0/pre-migration.py, LEGACY_TABLE): the links they
# explain leave with the bridge.
LEGACY_CANDIDATE_TABLE = "hr_relationship_recruitment_candidate_legacy"


def uninstall_hook(env):
    """Keep the candidate pulse and its answers when the bridge goes; drop
    the record of the 18.0 candidates, whose links go with the bridge.

    Odoo deletes every record an xmlid of a module being uninstalled names,
    unless an xmlid of another module names it too
    (``ir.model.data._module_data_uninstall``). The bridge's xmlids of
    surveys, answers and campaigns move to the core, as ``noupdate`` so that
    updating the core does not delete them as data it no longer loads: the
    records stay, and leave with the core like its own survey.
    """
    Data = env["ir.model.data"]
    ours = Data.search([("module", "=", MODULE), ("model", "in", ANSWER_MODELS)])
    # An earlier install of the bridge left the core a record of that name:
    # this one keeps no xmlid, which keeps it as well.
    taken = Data.search([("module", "=", CORE), ("name", "in", ours.mapped("name"))])
    held = ours.filtered(lambda data: data.name in taken.mapped("name"))
    held.unlink()
    (ours - held).write({"module": CORE, "noupdate": True})
    env.cr.execute(
        SQL("DROP TABLE IF EXISTS %s", SQL.identifier(LEGACY_CANDIDATE_TABLE))
    )
