# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.fields import Domain

from odoo.addons.hr_relationship.tools.record_check import checked_records

RECRUITMENT_USER = "hr_recruitment.group_hr_recruitment_user"


class HrStakeholder(models.Model):
    """A stakeholder's side of Recruitment: the applicant or talent they are,
    the applicants they referred and, for an alumnus, their new
    applications.

    The links to Recruitment's records carry Recruitment's officer group:
    a relationship role sees them only as far as Recruitment lets it. The
    referral counts are figures about the ambassador, not about the
    applicants, and stay visible to every relationship role."""

    _inherit = "hr.stakeholder"

    # Odoo 19.0 merged the candidate into the applicant: the person is one
    # of their applicant records (an application or their talent); their
    # other applications are found from it (hr.applicant._hr_same_person).
    applicant_id = fields.Many2one(
        "hr.applicant",
        string="Recruitment Applicant",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        tracking=True,
        groups=RECRUITMENT_USER,
        help="The applicant or talent in Recruitment this relationship is about; "
        "the person's other applications count as well. Deleting the applicant "
        "there leaves this record without the link.",
    )
    referred_applicant_ids = fields.One2many(
        "hr.applicant",
        "referred_stakeholder_id",
        string="Referred Applicants",
        context={"active_test": False},
        groups=RECRUITMENT_USER,
        help="The applications this person brought in, refused ones included.",
    )
    applicant_referral_count = fields.Integer(
        string="Referred Applicants Count",
        compute="_compute_applicant_referrals",
        store=True,
        help="Applications this person referred, refused ones included.",
    )
    hired_referral_count = fields.Integer(
        string="Hired Referrals",
        compute="_compute_applicant_referrals",
        store=True,
        help="Referred applications that ended in a hire.",
    )
    boomerang_applicant_ids = fields.Many2many(
        "hr.applicant",
        string="Applications as Alumnus",
        compute="_compute_boomerang_applicant_ids",
        groups=RECRUITMENT_USER,
        help="Applications of this alumnus, recognised by their private "
        "contact or email address.",
    )
    boomerang_applicant_count = fields.Integer(
        compute="_compute_boomerang_applicant_ids", groups=RECRUITMENT_USER
    )

    _applicant_uniq = models.Constraint(
        "unique(applicant_id)",
        "An applicant in Recruitment has one stakeholder record at most.",
    )

    @api.depends(
        "referred_applicant_ids",
        "referred_applicant_ids.active",
        "referred_applicant_ids.date_closed",
    )
    def _compute_applicant_referrals(self):
        # Stored, so computed as superuser: the counts do not depend on who
        # triggered them, and a recruiter without a relationship role moves
        # applicants that an ambassador referred.
        groups = (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            ._read_group(
                [("referred_stakeholder_id", "in", self._origin.ids)],
                ["referred_stakeholder_id"],
                ["__count", "date_closed:count"],
            )
        )
        counts = {stakeholder: (total, hired) for stakeholder, total, hired in groups}
        for stakeholder in self:
            total, hired = counts.get(stakeholder._origin, (0, 0))
            stakeholder.applicant_referral_count = total
            stakeholder.hired_referral_count = hired

    def _compute_boomerang_applicant_ids(self):
        Applicant = self.env["hr.applicant"].with_context(active_test=False)
        alumni = self.filtered(
            lambda s: s.relation_type == "alumnus" and s.partner_id and s._origin.id
        )
        (self - alumni).update(
            {"boomerang_applicant_ids": False, "boomerang_applicant_count": 0}
        )
        if not alumni:
            return
        partners = alumni.partner_id
        emails = {email for email in partners.mapped("email_normalized") if email}
        applicants = Applicant.search(
            [
                "|",
                ("partner_id", "in", partners.ids),
                ("email_normalized", "in", list(emails)),
            ]
        )
        for stakeholder in alumni:
            partner = stakeholder.partner_id
            mine = applicants.filtered(
                lambda a, p=partner: (
                    a.partner_id == p
                    or (p.email_normalized and a.email_normalized == p.email_normalized)
                )
            )
            stakeholder.boomerang_applicant_ids = mine
            stakeholder.boomerang_applicant_count = len(mine)

    @api.model
    def _alumni_matching(self, partners, emails):
        """The alumni stakeholders, not anonymised, whose private contact is
        one of ``partners`` or whose address is one of ``emails``."""
        emails = [email for email in emails if email]
        if not partners and not emails:
            return self.browse()
        return self.with_context(active_test=False).search(
            [
                ("relation_type", "=", "alumnus"),
                ("is_anonymised", "=", False),
                "|",
                ("partner_id", "in", partners.ids),
                ("partner_id.email_normalized", "in", emails),
            ]
        )

    @api.model
    def _hr_ambassador_ranking_domain(self):
        """The ranking also lists whoever referred an applicant."""
        return Domain(super()._hr_ambassador_ranking_domain()) | Domain(
            "applicant_referral_count", ">", 0
        )

    @api.model
    def _privacy_export_fields(self):
        fields_by_list = super()._privacy_export_fields()
        fields_by_list["stakeholders"][1]["applicant"] = "applicant_id"
        return fields_by_list

    @api.readonly
    def action_view_applicant(self):
        checked_records(self, single=True)
        self.check_access("read")
        applicant = self.applicant_id
        applicant.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Applicant"),
            "res_model": "hr.applicant",
            "res_id": applicant.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    @api.readonly
    def action_view_referred_applicants(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": _("Applicants Referred by %s", self.display_name),
            "res_model": "hr.applicant",
            "view_mode": "list,kanban,form",
            "domain": [("referred_stakeholder_id", "=", self.id)],
            "context": {
                "default_referred_stakeholder_id": self.id,
                "active_test": False,
            },
        }

    @api.readonly
    def action_view_boomerang_applicants(self):
        checked_records(self, single=True)
        return {
            "type": "ir.actions.act_window",
            "name": _("Applications of %s", self.display_name),
            "res_model": "hr.applicant",
            "view_mode": "list,kanban,form",
            "domain": [("id", "in", self.boomerang_applicant_ids.ids)],
            "context": {"active_test": False},
        }

    def _privacy_anonymise(self, reason="request"):
        """Anonymising the relationship cuts its link to Recruitment and
        leaves Recruitment's own applicants and talents as they are:
        Recruitment keeps to its own retention rules. Referrals the person
        made lose their referrer's name with the record itself."""
        result = super()._privacy_anonymise(reason)
        self.sudo().with_context(active_test=False, tracking_disable=True).write(
            {"applicant_id": False}
        )
        return result

    def _privacy_export_data(self):
        data = super()._privacy_export_data()
        by_id = {
            stakeholder.id: stakeholder
            for stakeholder in self.sudo().with_context(active_test=False)
        }
        for values in data["stakeholders"]:
            stakeholder = by_id.get(values["id"])
            values["applicant"] = (
                stakeholder.applicant_id.display_name if stakeholder else False
            ) or False
        return data
