# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    """Each relationship user decides whether their contacts log themselves."""

    _inherit = "res.users"

    hr_capture_opt_out = fields.Boolean(
        string="Don't Capture My Contacts",
        help="Meetings and e-mail of yours with stakeholders are not logged "
        "as interactions automatically, whatever the company's settings.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["hr_capture_opt_out"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["hr_capture_opt_out"]
