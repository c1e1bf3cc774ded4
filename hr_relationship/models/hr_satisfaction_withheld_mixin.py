# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrSatisfactionWithheldMixin(models.AbstractModel):
    """Survey figures that an anonymous campaign withholds when they come
    from too few respondents (see hr.satisfaction.result
    _withhold_small_groups): the figures are then not stored at all."""

    _name = "hr.satisfaction.withheld.mixin"
    _description = "HR Survey Figures Withheld for Anonymity"

    withheld = fields.Selection(
        [
            ("small_group", "Too Few Answers"),
            ("complement", "Would Reveal a Smaller Group"),
        ],
        readonly=True,
        help="Set in anonymous campaigns when the figures would come from fewer "
        "respondents than the minimum group size, or would let someone work "
        "out such a group from the other results: they are then not stored.",
    )
    # A threshold, not a figure: no measure.
    min_group_size = fields.Integer(
        readonly=True,
        aggregator=None,
        help="The minimum group size the figures were withheld for.",
    )
    withheld_note = fields.Char(string="Anonymity", compute="_compute_withheld_note")

    @api.depends("withheld", "min_group_size")
    def _compute_withheld_note(self):
        for record in self:
            if record.withheld == "small_group":
                record.withheld_note = self.env._(
                    "Fewer than %(count)s answers", count=record.min_group_size
                )
            elif record.withheld == "complement":
                record.withheld_note = self.env._(
                    "Withheld: would reveal a group of fewer than %(count)s answers",
                    count=record.min_group_size,
                )
            else:
                record.withheld_note = False

    @api.model
    def _withheld_figures(self):
        """The stored fields made from answers, emptied when withheld."""
        return ()
