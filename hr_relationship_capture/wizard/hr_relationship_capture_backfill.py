# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_MANAGER
from odoo.addons.hr_relationship.tools.record_check import checked_records

BACKFILL_MONTHS_DEFAULT = 12
MAX_BACKFILL_MONTHS = 120


class HrRelationshipCaptureBackfill(models.TransientModel):
    """Capture the meetings and mail of the last months in one go."""

    _name = "hr.relationship.capture.backfill"
    _inherit = ["hr.relationship.wizard.guard"]
    _description = "Capture Past Meetings and Mail"

    months = fields.Integer(
        default=BACKFILL_MONTHS_DEFAULT,
        required=True,
        help="How many months back meetings and mail are captured.",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        required=True,
        help="The companies whose stakeholders are captured; only the "
        "channels switched on in their settings.",
    )
    meeting_count = fields.Integer(readonly=True)
    email_count = fields.Integer(readonly=True)
    state = fields.Selection(
        [("draft", "To Run"), ("done", "Done")], default="draft", readonly=True
    )

    @api.constrains("months")
    def _check_months(self):
        for wizard in self:
            if not 0 < wizard.months <= MAX_BACKFILL_MONTHS:
                raise UserError(
                    _(
                        "Capture between 1 and %(max)s months back, not %(months)s.",
                        max=MAX_BACKFILL_MONTHS,
                        months=wizard.months,
                    )
                )

    def action_run_backfill(self):
        """Capture the meetings and mail of the chosen months; running it
        again adds nothing twice."""
        checked_records(self, single=True)
        if not self.env.user.has_group(RELATIONSHIP_MANAGER):
            raise UserError(
                _("Only relationship administrators capture past meetings and mail.")
            )
        companies = self.company_ids & self.env.user.company_ids
        if not companies:
            raise UserError(_("Choose at least one of your companies to capture."))
        since = fields.Date.context_today(self) - relativedelta(months=self.months)
        counts = self.env["hr.relationship.interaction"]._hr_backfill(since, companies)
        self.write(
            {
                "meeting_count": counts["calendar"],
                "email_count": counts["email"],
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
