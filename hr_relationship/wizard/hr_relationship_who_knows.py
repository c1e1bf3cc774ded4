# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.record_check import checked_records


class HrRelationshipWhoKnows(models.TransientModel):
    """The answer to "who knows this person?", shown in a dialog: one line
    per HR colleague, the strongest relationship first."""

    _name = "hr.relationship.who.knows"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Who Knows This Person?"

    res_model = fields.Char(readonly=True)
    res_id = fields.Integer(readonly=True)
    target_name = fields.Char(string="About", readonly=True)
    line_ids = fields.One2many(
        "hr.relationship.who.knows.line", "wizard_id", string="HR Colleagues"
    )
    answer = fields.Selection(
        [
            ("direct", "Known directly"),
            ("warm", "Known through someone"),
            ("none", "Nobody in HR knows them"),
        ],
        readonly=True,
    )

    @api.model
    def _open_for(self, record):
        checked_records(record, single=True)
        answer = self.env["hr.relationship.network"].who_knows(record._name, record.id)
        lines = [
            {
                "kind": "direct",
                "user_id": line["user_id"],
                "interaction_count": line["interaction_count"],
                "last_date": line["last_date"],
                "strength": line["strength"],
            }
            for line in answer["direct"]
        ] + [
            {
                "kind": "warm",
                "user_id": line["user_id"],
                "interaction_count": line["interaction_count"],
                "last_date": line["last_date"],
                "strength": line["strength"],
                "via_stakeholder_id": line["via_id"],
                "link": line["link"],
            }
            for line in answer["warm"]
        ]
        wizard = self.create(
            {
                "res_model": record._name,
                "res_id": record.id,
                "target_name": record.display_name,
                "answer": (
                    "direct"
                    if answer["direct"]
                    else "warm"
                    if answer["warm"]
                    else "none"
                ),
                "line_ids": [
                    fields.Command.create(dict(line, sequence=sequence))
                    for sequence, line in enumerate(lines)
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Who knows %(name)s?", name=record.display_name),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
