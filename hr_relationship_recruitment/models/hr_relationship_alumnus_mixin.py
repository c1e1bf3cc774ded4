# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER


class HrRelationshipAlumnusMixin(models.AbstractModel):
    """Whether the person of a Recruitment record (an applicant, a candidate)
    is an alumnus coming back, recognised by the contact or the e-mail
    address kept when they left. Every field carries the relationship group:
    a recruiter without a relationship role sees none of it."""

    _name = "hr.relationship.alumnus.mixin"
    _description = "Alumnus Recognition"

    # Path from the record to its person's contact.
    _hr_alumnus_partner_path = "partner_id"

    hr_alumnus_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="Alumnus",
        compute="_compute_hr_alumnus",
        groups=RELATIONSHIP_USER,
        help="The alumnus this person is, recognised by the private contact "
        "or email address kept when they left.",
    )
    hr_is_alumnus = fields.Boolean(
        string="Is Alumnus",
        compute="_compute_hr_alumnus",
        search="_search_hr_is_alumnus",
        groups=RELATIONSHIP_USER,
    )
    hr_alumnus_departure_date = fields.Date(
        string="Left On", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
    )
    hr_alumnus_former_job = fields.Char(
        string="Former Job", compute="_compute_hr_alumnus", groups=RELATIONSHIP_USER
    )

    @api.depends(lambda self: (self._hr_alumnus_partner_path, "email_normalized"))
    def _compute_hr_alumnus(self):
        alumni = self.env["hr.stakeholder"]._alumni_matching(
            self.mapped(self._hr_alumnus_partner_path),
            self.mapped("email_normalized"),
        )
        for record in self:
            partner = record.mapped(self._hr_alumnus_partner_path)
            email = record.email_normalized
            alumnus = alumni.filtered(
                lambda s, partner=partner, email=email: (
                    (partner and s.partner_id == partner)
                    or (email and s.partner_id.email_normalized == email)
                )
            )[:1]
            # Registering a departure is HR's, not every relationship
            # role's: what the alumnus record shows is read from the employee
            # record as such.
            former = alumnus.sudo().former_employee_id
            record.hr_alumnus_stakeholder_id = alumnus
            record.hr_is_alumnus = bool(alumnus)
            record.hr_alumnus_departure_date = former.departure_date
            record.hr_alumnus_former_job = (
                former.job_title or former.job_id.name or False
            )

    def _search_hr_is_alumnus(self, operator, value):
        # Odoo 19.0 hands a boolean condition over as 'in'/'not in' a set of
        # booleans, and refuses any other operator itself.
        if operator not in ("in", "not in"):
            return NotImplemented
        alumni = (
            self.env["hr.stakeholder"]
            .with_context(active_test=False)
            .search([("relation_type", "=", "alumnus"), ("is_anonymised", "=", False)])
        )
        partners = alumni.partner_id
        emails = [email for email in partners.mapped("email_normalized") if email]
        domain = Domain(self._hr_alumnus_partner_path, "in", partners.ids) | Domain(
            "email_normalized", "in", emails
        )
        wanted = {bool(v) for v in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if wanted == {True, False}:
            return Domain.TRUE
        if not wanted:
            return Domain.FALSE
        return domain if True in wanted else ~domain
