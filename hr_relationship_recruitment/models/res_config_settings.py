# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .hr_applicant import CANDIDATE_PULSE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hr_candidate_pulse = fields.Boolean(
        string="Candidate Experience Pulse",
        config_parameter=CANDIDATE_PULSE_PARAM,
        help="When an application ends, hired or refused, send the candidate's "
        "stakeholder record a short survey about their experience; its answers "
        "rate the HR service Recruitment and selection.",
    )
