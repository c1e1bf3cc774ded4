# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrRelationshipFollowupMixin(models.AbstractModel):
    """What HR follows up for a relationship until it is closed: a concern
    raised by, or a commitment made to, a stakeholder or an internal client,
    with an owner. The models name the links in their own words ("Raised
    By", "Promised To") and keep their own states and dates."""

    _name = "hr.relationship.followup.mixin"
    _description = "HR Relationship Follow-up"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # Users read these by company: the company follows the stakeholder,
    # client and interaction, for every client of the ORM, not only the form.
    _check_company_auto = True
    # How _action_for shows a list of them.
    _followup_view_mode = "list,kanban,form"

    description = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        check_company=True,
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
    )
    # It belongs to the relationship: it goes with its client.
    internal_client_id = fields.Many2one(
        "hr.internal.client",
        check_company=True,
        index="btree_not_null",
        ondelete="cascade",
        tracking=True,
    )
    interaction_id = fields.Many2one(
        "hr.relationship.interaction",
        check_company=True,
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    color = fields.Integer(aggregator=None)

    @api.onchange("stakeholder_id")
    def _onchange_stakeholder_id(self):
        clients = self.stakeholder_id.internal_client_ids
        if len(clients) == 1 and not self.internal_client_id:
            self.internal_client_id = clients

    @api.model
    def _action_for(self, name, domain, context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self._name,
            "view_mode": self._followup_view_mode,
            "domain": domain,
            "context": context,
        }
