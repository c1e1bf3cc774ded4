# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrRelationshipInteraction(models.Model):
    """Coaching conversations between HR colleagues, logged on the coachee's
    portfolio: they have no stakeholder or internal client as counterpart."""

    _inherit = "hr.relationship.interaction"

    portfolio_id = fields.Many2one(
        "hr.relationship.portfolio",
        string="Coachee's Portfolio",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        help="The portfolio of the HR colleague coached in this conversation.",
    )

    @api.constrains("stakeholder_ids", "internal_client_id", "company_id")
    def _check_has_counterpart(self):
        return super(
            HrRelationshipInteraction, self.filtered(lambda i: not i.portfolio_id)
        )._check_has_counterpart()

    @api.constrains("portfolio_id", "interaction_type")
    def _check_coaching_portfolio(self):
        for interaction in self:
            if interaction.portfolio_id and interaction.interaction_type != "coaching":
                raise ValidationError(
                    _(
                        "Only coaching conversations are logged on a portfolio, "
                        "not %(name)s.",
                        name=interaction.display_name,
                    )
                )
