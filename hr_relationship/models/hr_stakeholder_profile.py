# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrStakeholderProfile(models.Model):
    """The personal side of a relationship, kept apart from the stakeholder so
    that record rules, not views, decide who may read it."""

    _name = "hr.stakeholder.profile"
    _description = "Stakeholder Relationship Profile"
    _inherit = ["mail.thread"]
    _rec_name = "stakeholder_id"
    # Its messages follow the record rules, not the followers (see mail.message).
    _hr_private_thread = True

    stakeholder_id = fields.Many2one(
        "hr.stakeholder", required=True, ondelete="cascade", index=True
    )
    owner_id = fields.Many2one(related="stakeholder_id.owner_id")
    company_id = fields.Many2one(
        related="stakeholder_id.company_id", store=True, index=True
    )
    approach_notes = fields.Text(
        tracking=True, help="How this person likes to be approached."
    )
    personal_interests = fields.Text(
        tracking=True, help="What this person does outside work."
    )
    motivators = fields.Text(tracking=True, help="What drives this person.")
    # Shown while the profile is edited, rather than refused only on save.
    lacks_consent = fields.Boolean(
        compute="_compute_lacks_consent",
        help="The person has not given the consent a profile needs.",
    )

    _stakeholder_uniq = models.Constraint(
        "unique(stakeholder_id)",
        "A stakeholder has one relationship profile.",
    )

    @api.depends("stakeholder_id.consent", "stakeholder_id.consent_required")
    def _compute_lacks_consent(self):
        lacking = self.stakeholder_id.sudo()._lacks_consent()
        for profile in self:
            profile.lacks_consent = profile.stakeholder_id in lacking

    @api.model_create_multi
    def create(self, vals_list):
        stakeholders = self.env["hr.stakeholder"].browse(
            vals.get("stakeholder_id") for vals in vals_list
        )
        for stakeholder, vals in zip(stakeholders, vals_list, strict=True):
            stakeholder._check_profile_consent(vals)
        return super().create(vals_list)

    def write(self, vals):
        for stakeholder in self.stakeholder_id:
            stakeholder._check_profile_consent(vals)
        return super().write(vals)

    def _track_filter_for_display(self, tracking_values):
        # Chatter of a profile shows its messages to their author even after
        # they lost access (a former owner); the values stay with the rules.
        if not self.has_access("read"):
            return tracking_values.browse()
        return super()._track_filter_for_display(tracking_values)

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        # Following a profile is no reason to receive it: only the people its
        # rules admit at the time of posting are notified.
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if not self:
            return recipients
        readers = self._hr_readers(
            self.env["res.users"].browse({r["uid"] for r in recipients if r["uid"]})
        )
        return [r for r in recipients if r["uid"] in readers.ids]

    def _hr_readers(self, users):
        """The users among ``users`` who may read this profile."""
        self.ensure_one()
        return users.filtered(
            lambda user: user.active and self.with_user(user).has_access("read")
        )

    def _hr_unsubscribe_without_access(self):
        """Drop the followers whom the rules no longer admit (a former owner,
        a business partner no longer responsible), so that the follower list
        tells the truth too."""
        for profile in self.sudo():
            followers = profile.message_partner_ids
            readers = profile._hr_readers(followers.user_ids)
            lost = followers - readers.partner_id
            if lost:
                profile.message_unsubscribe(lost.ids)
