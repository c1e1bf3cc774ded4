# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.record_check import checked_ids

# What survey.user_input itself keeps of the person who answers.
PERSON_FIELDS = ("hr_stakeholder_id", "partner_id", "email", "nickname", "invite_token")


class SurveyUserInput(models.Model):
    _name = "survey.user_input"
    _inherit = ["survey.user_input", "hr.relationship.guarded.fields"]

    hr_campaign_id = fields.Many2one(
        "hr.satisfaction.survey",
        string="HR Campaign",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        groups="hr_relationship.group_hr_relationship_user",
    )
    # Who the answer is for, until it is submitted: the invitation and the
    # reminders go to that person. An anonymous campaign's answer loses it
    # on submission (_hr_forget_respondent).
    hr_stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        string="HR Stakeholder",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        groups="hr_relationship.group_hr_relationship_manager",
    )
    hr_internal_client_ids = fields.Many2many(
        "hr.internal.client",
        "survey_user_input_hr_internal_client_rel",
        "user_input_id",
        "internal_client_id",
        string="HR Internal Clients",
        compute="_compute_hr_internal_client_ids",
        store=True,
        readonly=True,
        groups="hr_relationship.group_hr_relationship_manager",
        help="The campaign's internal clients the participant belonged to when "
        "invited. They stay with an anonymous answer once its person is "
        "removed, for the figures per internal client.",
    )

    # Only the campaign is a dependency: the clients are taken once, when the
    # answer is made for its person, and must outlive the person's removal.
    @api.depends("hr_campaign_id")
    def _compute_hr_internal_client_ids(self):
        for answer in self.sudo():
            answer.hr_internal_client_ids = (
                answer.hr_stakeholder_id.internal_client_ids
                & answer.hr_campaign_id.internal_client_ids
            )

    def _save_lines(self, question, answer, comment=None, overwrite_existing=True):
        closed = self.sudo().hr_campaign_id.filtered(lambda c: c.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Campaign %(campaign)s is closed and accepts no more answers.",
                    campaign=closed[0].name,
                )
            )
        return super()._save_lines(
            question, answer, comment=comment, overwrite_existing=overwrite_existing
        )

    def _hr_anonymous(self):
        return self.filtered(lambda answer: answer.sudo().hr_campaign_id.anonymous)

    def write(self, vals):
        # Survey's controller still writes a submitted answer (the last page
        # shown) as the person who answered, logged in or not: an answer
        # already without its person is written as OdooBot, whose name in
        # write_uid tells nothing, once the caller's own rights are checked.
        # Survey writes answers on every page: only the ids are checked here,
        # the reads below refuse missing records.
        checked_ids(self)
        forgotten = self._hr_anonymous().filtered(
            lambda answer: not answer.sudo().hr_stakeholder_id
        )
        if not forgotten or self.env.uid == SUPERUSER_ID:
            return super().write(vals)
        forgotten.check_access("write")
        super(SurveyUserInput, forgotten.with_user(SUPERUSER_ID)).write(vals)
        return super(SurveyUserInput, self - forgotten).write(vals)

    def _mark_done(self):
        result = super()._mark_done()
        self._hr_anonymous()._hr_forget_respondent()
        return result

    def _notify_new_participation_subscribers(self):
        # The author of survey's "someone just participated" message is the
        # logged-in person who answered: for an anonymous answer, OdooBot.
        anonymous = self._hr_anonymous()
        super(SurveyUserInput, self - anonymous)._notify_new_participation_subscribers()
        return super(
            SurveyUserInput, anonymous.with_user(SUPERUSER_ID)
        )._notify_new_participation_subscribers()

    def _hr_forget_respondent(self):
        """Remove from these answers everything that tells who gave them: the
        stakeholder, survey's own partner, email, nickname and invitation
        token, the users recorded as having written the answer and its lines
        (the invitee may have answered while logged in), and the invitation
        mails still waiting in the queue, which hold the answer's link next
        to their recipient. What stays is the answer, its campaign and the
        internal clients the person belonged to."""
        if not self:
            return
        answers = self.with_user(SUPERUSER_ID)
        tokens = answers.mapped("access_token")
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("state", "in", ("outgoing", "exception", "cancel"))]
                + ["|"] * (len(tokens) - 1)
                + [("body_html", "like", token) for token in tokens]
            )
        )
        mails.unlink()
        answers.write(dict.fromkeys(PERSON_FIELDS, False))
        answers.flush_recordset()
        answers.user_input_line_ids.flush_recordset()
        # The ORM writes create_uid and write_uid itself and lets nobody set
        # them: who wrote the answer is the person who gave it.
        for table, column in (
            ("survey_user_input", "id"),
            ("survey_user_input_line", "user_input_id"),
        ):
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET create_uid = %s, write_uid = %s WHERE %s = ANY(%s)",
                    SQL.identifier(table),
                    SUPERUSER_ID,
                    SUPERUSER_ID,
                    SQL.identifier(column),
                    answers.ids,
                )
            )
        answers.invalidate_recordset(["create_uid", "write_uid"])
        answers.user_input_line_ids.invalidate_recordset(["create_uid", "write_uid"])
