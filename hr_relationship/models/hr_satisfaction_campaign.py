# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import random

from odoo import Command, _, api, fields, models, tools
from odoo.exceptions import UserError

from ..tools.anonymity import min_group_size
from ..tools.record_check import checked_records

# Settings: the survey new campaigns start with, else the shipped template.
DEFAULT_SURVEY_PARAM = "hr_relationship.default_survey_id"
SHIPPED_SURVEY_XMLID = "hr_relationship.survey_internal_client_value"
INVITE_TEMPLATE_XMLID = "hr_relationship.mail_template_campaign_invite"


class HrSatisfactionCampaign(models.Model):
    """A customer-value campaign: stakeholders of internal clients answer an
    Odoo survey through personal links, and HR gets stored metrics back."""

    # The model keeps its first name: tables, XML ids and links hold it.
    _name = "hr.satisfaction.survey"
    _description = "HR Customer-Value Survey Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"

    # Translatable: the name reaches reports and the "you said, we did" mail
    # in each reader's language.
    name = fields.Char(required=True, tracking=True, translate=True)
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        default=lambda self: self._default_survey_id(),
        domain="[('survey_type', 'in', ('survey', 'custom'))]",
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        required=True,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    internal_client_ids = fields.Many2many(
        "hr.internal.client",
        "hr_satisfaction_survey_client_rel",
        "campaign_id",
        "internal_client_id",
        string="Internal Clients",
        check_company=True,
    )
    participant_ids = fields.Many2many(
        "hr.stakeholder",
        "hr_satisfaction_survey_stakeholder_rel",
        "campaign_id",
        "stakeholder_id",
        string="Participants",
        compute="_compute_participant_ids",
        store=True,
        readonly=False,
        check_company=True,
    )
    deadline = fields.Datetime(help="Participants can answer until this moment.")
    anonymous = fields.Boolean(
        help="Once submitted, an answer keeps no link to the person who gave "
        "it: nobody, administrators included, can see whose answer it is. It "
        "keeps only the internal clients the person belonged to. Figures of "
        "groups smaller than the minimum group size are withheld, and no "
        "results per person are stored.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    closed_date = fields.Date(readonly=True, copy=False)
    user_input_ids = fields.One2many(
        "survey.user_input", "hr_campaign_id", string="Answers", readonly=True
    )
    result_ids = fields.One2many(
        "hr.satisfaction.result", "campaign_id", string="Results", readonly=True
    )
    # The whole campaign's; those per internal client and HR service are in
    # the themes report (action_view_themes).
    theme_ids = fields.One2many(
        "hr.satisfaction.theme",
        "campaign_id",
        string="Themes",
        domain=[("scope", "=", "campaign")],
        readonly=True,
    )
    participant_count = fields.Integer(compute="_compute_counts")
    invited_count = fields.Integer(compute="_compute_counts")
    responded_count = fields.Integer(compute="_compute_counts")
    response_rate = fields.Float(compute="_compute_counts", help="In percent.")
    audience = fields.Selection(
        [("internal_clients", "Internal Clients")],
        compute="_compute_audience",
        store=True,
        index=True,
        help="Whom the campaign asks: the stakeholders of internal clients "
        "(customer value), or candidates about their application (candidate "
        "experience). Figures are compared only within one audience.",
    )

    @api.model
    def _default_survey_id(self):
        # As superuser: HR staff start campaigns without rights on surveys,
        # and a deleted or archived choice must not block a new campaign.
        Survey = self.env["survey.survey"].sudo()
        survey_id = (
            self.env["ir.config_parameter"].sudo().get_param(DEFAULT_SURVEY_PARAM)
        )
        survey = Survey
        if survey_id and survey_id.isdigit():
            survey = Survey.browse(int(survey_id)).exists().filtered("active")
        if not survey:
            survey = self.env.ref(SHIPPED_SURVEY_XMLID, raise_if_not_found=False)
        return survey.id if survey else False

    def _hr_min_group_size(self):
        """The minimum group size of anonymous figures, for the survey page."""
        return min_group_size(self.env)

    @api.depends("survey_id")
    def _compute_audience(self):
        """Every campaign asks internal clients; a bridge that sends surveys
        to another audience (candidates) overrides this."""
        for campaign in self:
            campaign.audience = "internal_clients"

    @api.depends("internal_client_ids")
    def _compute_participant_ids(self):
        for campaign in self:
            if campaign.state != "draft":
                continue
            campaign.participant_ids = (
                campaign.internal_client_ids.stakeholder_ids.filtered("email")
            )

    @api.depends("participant_ids", "user_input_ids.state")
    def _compute_counts(self):
        counts = {
            (campaign.id, state): count
            for campaign, state, count in self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("hr_campaign_id", "in", self._origin.ids),
                    ("test_entry", "=", False),
                ],
                ["hr_campaign_id", "state"],
                ["__count"],
            )
        }
        for campaign in self:
            key = campaign._origin.id
            done = counts.get((key, "done"), 0)
            invited = (
                done + counts.get((key, "new"), 0) + counts.get((key, "in_progress"), 0)
            )
            campaign.participant_count = len(campaign.participant_ids)
            campaign.invited_count = invited
            campaign.responded_count = done
            campaign.response_rate = 100.0 * done / invited if invited else 0.0

    def write(self, vals):
        locked = {"survey_id", "participant_ids", "anonymous", "internal_client_ids"}
        if locked & vals.keys():
            sent = self.filtered(lambda c: c.state != "draft")
            if sent:
                raise UserError(
                    _(
                        "Campaign %(campaign)s has been sent: its survey, clients, "
                        "participants and anonymity can no longer change.",
                        campaign=sent[0].name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    def _check_sendable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                _("Campaign %(campaign)s has already been sent.", campaign=self.name)
            )
        if not self.participant_ids:
            raise UserError(
                _("Campaign %(campaign)s has no participants.", campaign=self.name)
            )
        no_email = self.participant_ids.filtered(lambda s: not s.email)
        if no_email:
            raise UserError(
                _(
                    "Campaign %(campaign)s cannot be sent: these participants have "
                    "no email address: %(names)s.",
                    campaign=self.name,
                    names=", ".join(no_email.mapped("display_name")),
                )
            )
        survey = self.survey_id.sudo()
        if not survey.question_ids.filtered("hr_metric_role"):
            raise UserError(
                _(
                    "Survey %(survey)s has no question with an HR metric role, so "
                    "campaign %(campaign)s would measure nothing.",
                    survey=survey.title,
                    campaign=self.name,
                )
            )
        survey.check_validity()

    @api.model
    def _participant_partner(self, stakeholder):
        employee = stakeholder.employee_id
        return employee.work_contact_id if employee else stakeholder.partner_id

    def _send_invitations(self, answers, reminder=False):
        """One mail per answer, each with its personal link, from the addon's
        own template in the participant's language. Anonymous answers carry
        no person, so the recipient comes from the participant list; the mail
        is not linked to the answer either way, as survey's own invitations.
        No notification layout: its header ("Your Survey User Input") names
        the answer rather than the survey and is informal in Dutch ("Je")."""
        self.ensure_one()
        template = (
            self.env.ref(INVITE_TEMPLATE_XMLID)
            .sudo()
            .with_context(hr_survey_reminder=reminder)
        )
        for answer in answers.sudo():
            partner = answer.partner_id or self._participant_partner(
                answer.hr_stakeholder_id
            )
            email_values = {"model": False, "res_id": False}
            if partner:
                email_values["recipient_ids"] = [Command.link(partner.id)]
                email_values["email_to"] = False
            else:
                email_values["email_to"] = answer.email or (
                    answer.hr_stakeholder_id.email
                )
            template.with_context(lang=partner.lang or self.env.lang).send_mail(
                answer.id, email_values=email_values
            )

    def action_send(self):
        checked_records(self)
        for campaign in self:
            campaign.check_access("write")
            campaign._check_sendable()
        sent = 0
        left_out = self.env["hr.stakeholder"]
        for campaign in self:
            survey = campaign.survey_id.sudo()
            UserInput = self.env["survey.user_input"].sudo()
            answers = UserInput
            participants = campaign.participant_ids
            if campaign.anonymous:
                # Answers are numbered as they are made: in the participants'
                # order, an answer's number would tell whose it is.
                participants = participants.browse(
                    random.SystemRandom().sample(participants.ids, len(participants))
                )
            for stakeholder in participants:
                partner = campaign._participant_partner(stakeholder)
                person = {}
                if not campaign.anonymous:
                    person = (
                        {"partner": partner}
                        if partner
                        else {"email": stakeholder.email}
                    )
                answers |= survey._create_answer(
                    check_attempts=False,
                    deadline=campaign.deadline,
                    invite_token=UserInput._generate_invite_token(),
                    hr_campaign_id=campaign.id,
                    hr_stakeholder_id=stakeholder.id,
                    **person,
                )
            campaign._send_invitations(answers)
            campaign.state = "running"
            campaign_left_out = campaign._left_out_without_email()
            campaign.message_post(
                body=_(
                    "Invitations sent to %(count)s participants.", count=len(answers)
                )
                + self._left_out_sentence(campaign_left_out)
            )
            sent += len(answers)
            left_out |= campaign_left_out
        return self._sent_notification(sent, left_out)

    def _left_out_without_email(self):
        """The stakeholders of the campaign's clients that no invitation can
        reach: participants are chosen among those with an address."""
        self.ensure_one()
        return self.internal_client_ids.stakeholder_ids.filtered(lambda s: not s.email)

    @api.model
    def _left_out_sentence(self, stakeholders):
        if not stakeholders:
            return ""
        return " " + _(
            "Left out, for want of an email address: %(names)s. Enter their "
            "address on their stakeholder form to invite them to a next "
            "campaign.",
            names=", ".join(stakeholders.mapped("display_name")),
        )

    def _sent_notification(self, count, left_out):
        """Tell the sender how many invitations went out and who was left out
        for want of an address, and warn them when no outgoing mail server is
        set up: the mails then wait in the queue."""
        message = _("Invitations sent: %(count)s.", count=count)
        kind = "warning" if left_out else "success"
        # Without a server record Odoo falls back to the configuration file,
        # whose default (localhost) is rarely a real mail server.
        server_configured = self.env["ir.mail_server"].sudo().search_count(
            [], limit=1
        ) or tools.config.get("smtp_server") not in (None, False, "", "localhost")
        if not server_configured:
            kind = "warning"
            message = _(
                "Invitations queued: %(count)s. No outgoing mail server is "
                "configured, so they are sent once an administrator sets one up "
                "(Settings > Technical > Outgoing Mail Servers).",
                count=count,
            )
        message += self._left_out_sentence(left_out)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": kind,
                "sticky": kind == "warning",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_remind(self):
        checked_records(self)
        for campaign in self:
            campaign.check_access("write")
            if campaign.state != "running":
                raise UserError(
                    _(
                        "Only a running campaign can send reminders; %(campaign)s "
                        "is not running.",
                        campaign=campaign.name,
                    )
                )
            pending = campaign.sudo().user_input_ids.filtered(
                lambda a: a.state != "done" and not a.test_entry
            )
            campaign._send_invitations(pending, reminder=True)
            campaign.message_post(
                body=_("Reminder sent to %(count)s participants.", count=len(pending))
            )
        return True

    # ------------------------------------------------------------
    # Closing and results
    # ------------------------------------------------------------

    def action_close(self):
        checked_records(self)
        for campaign in self:
            campaign.check_access("write")
            if campaign.state != "running":
                raise UserError(
                    _(
                        "Campaign %(campaign)s cannot be closed: it is %(state)s.",
                        campaign=campaign.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[campaign.state],
                    )
                )
        # Survey refuses answers whose deadline has passed (its controller
        # checks it on every page), so pending links die right now.
        pending = self.sudo().user_input_ids.filtered(lambda a: a.state != "done")
        pending.deadline = fields.Datetime.now()
        # Nobody is reminded any more: unfinished anonymous answers, which
        # may hold a few answers already, lose their person too.
        pending._hr_anonymous()._hr_forget_respondent()
        self.write({"state": "closed", "closed_date": fields.Date.context_today(self)})
        self.env["hr.satisfaction.result"].sudo()._compute_for_campaigns(self)
        return True

    @api.readonly
    def action_view_answers(self):
        checked_records(self, single=True)
        min_group = min_group_size(self.env)
        # Open answers are one person's words: below the minimum group size
        # they would tell who said what. Per client they cannot be listed
        # here (the answer-to-client link is for administrators only).
        if self.anonymous and self.responded_count < min_group:
            raise UserError(
                _(
                    "Campaign %(campaign)s is anonymous and has fewer than "
                    "%(count)s answers: its open answers are withheld.",
                    campaign=self.name,
                    count=min_group,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Open Answers of %s", self.name),
            "res_model": "survey.user_input.line",
            "view_mode": "list",
            "domain": [
                ("user_input_id.hr_campaign_id", "=", self.id),
                ("user_input_id.state", "=", "done"),
                ("answer_type", "in", ("text_box", "char_box")),
                ("skipped", "=", False),
            ],
            "context": {"group_by": "question_id", "create": False},
        }

    @api.readonly
    def action_view_results(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.action_hr_satisfaction_result"
        )
        action["name"] = _("Results of %s", self.name)
        action["domain"] = [("campaign_id", "=", self.id)]
        # A month without results has no CSAT, not one of 0.
        action["context"] = {"search_default_scope_client": 1, "fill_temporal": False}
        # The figures per internal client first, as a table.
        action["views"] = [
            (view_id, view_type)
            for view_type in ("list", "pivot", "graph", "form")
            for view_id, kind in action["views"]
            if kind == view_type
        ]
        return action

    @api.readonly
    def action_view_themes(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_relationship.action_hr_satisfaction_theme"
        )
        action["name"] = action["display_name"] = _("Themes of %s", self.name)
        action["domain"] = [("campaign_id", "=", self.id)]
        # The form shows the whole campaign's: here those per client and
        # per service (one filter group: either).
        action["context"] = {
            "search_default_scope_client": 1,
            "search_default_scope_service": 1,
            "fill_temporal": False,
        }
        return action
