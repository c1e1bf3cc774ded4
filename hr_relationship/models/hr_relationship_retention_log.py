# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .hr_stakeholder import RELATION_TYPES

RETENTION_REASONS = [
    ("candidate_no_consent", "Candidate Without Consent: Retention Ended"),
    ("candidate_consent", "Candidate With Consent: Retention Ended"),
    ("consent_expired", "Alumnus: Consent Expired"),
    ("request", "Erased on Request"),
]


class HrRelationshipRetentionLog(models.Model):
    """Proof that personal data was anonymised, and why, without keeping any
    of it: the stakeholder's record number, relation type and the reason."""

    _name = "hr.relationship.retention.log"
    _description = "HR Relationship Anonymisation Log"
    _order = "date desc, id desc"
    _rec_name = "reason"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    stakeholder_ref = fields.Integer(
        string="Stakeholder Record",
        required=True,
        readonly=True,
        help="Number of the anonymised stakeholder record; it identifies the "
        "record, not the person.",
    )
    relation_type = fields.Selection(RELATION_TYPES, readonly=True)
    reason = fields.Selection(RETENTION_REASONS, required=True, readonly=True)
    retention_date = fields.Date(
        string="Due On",
        readonly=True,
        help="The day the retention period ended, for anonymisations by the daily job.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
