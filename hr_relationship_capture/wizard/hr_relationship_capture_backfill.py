# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_MANAGER
from odoo.addons.hr_relationship.tools.record_check import checked_records

from ..models.hr_relationship_capture_backfill_run import CRON as BACKFILL_CRON

BACKFILL_MONTHS_DEFAULT = 12
MAX_BACKFILL_MONTHS = 120


class HrRelationshipCaptureBackfill(models.TransientModel):
    """Ask for the capture of the meetings and mail of the last months,
    which a cron does in the background (hr.relationship.capture.backfill.run)."""

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
    run_id = fields.Many2one(
        "hr.relationship.capture.backfill.run", string="Capture", readonly=True
    )
    state = fields.Selection(
        [("draft", "To Run"), ("queued", "Queued")], default="draft", readonly=True
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
        """Queue the capture of the meetings and mail of the chosen months
        and wake the cron that does it; running it again adds nothing
        twice."""
        checked_records(self, single=True)
        if not self.env.user.has_group(RELATIONSHIP_MANAGER):
            raise UserError(
                _("Only relationship administrators capture past meetings and mail.")
            )
        companies = self.company_ids & self.env.user.company_ids
        if not companies:
            raise UserError(_("Choose at least one of your companies to capture."))
        since = fields.Date.context_today(self) - relativedelta(months=self.months)
        run = self.env["hr.relationship.capture.backfill.run"].create(
            {"since": since, "company_ids": [Command.set(companies.ids)]}
        )
        self.env.ref(BACKFILL_CRON).sudo()._trigger()
        self.write({"run_id": run.id, "state": "queued"})
        return {
            "type": "ir.actions.act_window",
            "name": _("Capture Past Meetings and Mail"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
