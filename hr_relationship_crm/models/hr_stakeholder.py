# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.hr_relationship.tools.record_check import checked_records

SALES_USER_GROUP = "sales_team.group_sale_salesman"


class HrStakeholder(models.Model):
    """A stakeholder's side of CRM: the leads and opportunities they
    referred."""

    _inherit = "hr.stakeholder"

    # Leads are CRM's: only who may read them counts them, as far as CRM's
    # rules let them (a salesperson their own). Without the group the count
    # and its button leave the screens instead of failing them.
    referred_lead_ids = fields.One2many(
        "crm.lead",
        "referred_stakeholder_id",
        string="Referrals",
        groups=SALES_USER_GROUP,
    )
    referral_count = fields.Integer(
        compute="_compute_referral_count", groups=SALES_USER_GROUP
    )

    def _compute_referral_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("referred_stakeholder_id", "in", self._origin.ids)],
                ["referred_stakeholder_id"],
                ["__count"],
            )
        )
        for stakeholder in self:
            stakeholder.referral_count = counts.get(stakeholder._origin, 0)

    @api.readonly
    def action_view_referrals(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action.update(
            domain=[("referred_stakeholder_id", "=", self.id)],
            context={
                "default_referred_stakeholder_id": self.id,
                "active_test": False,
            },
        )
        return action
