# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_hr_who_knows(self):
        return self.env["hr.relationship.who.knows"]._open_for(self)
