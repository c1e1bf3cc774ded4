# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import Counter
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.anonymity import min_group_size
from ..tools.record_check import checked_records
from .project_task import DONE_STATE

_logger = logging.getLogger(__name__)

PARAM = "hr_relationship."
# Settings (ir.config_parameter) of the customer-value cycle and defaults.
CYCLE_DEFAULTS = {
    # The importance-performance quadrant "concentrate here".
    "improvement_importance_min": 4.0,
    "improvement_performance_max": 3.0,
    # Internal clients below either get an improvement action.
    "improvement_csat_min": 70.0,
    "improvement_nps_min": 0.0,
    "improvement_deadline_days": 90,
    "pulse_rate_limit_days": 30,
    "pulse_duration_days": 14,
}
PULSE_AFTER_PREFIX = PARAM + "pulse_after_"
PULSE_SURVEY_XMLID = "hr_relationship.survey_pulse"
YOU_SAID_TEMPLATE_XMLID = "hr_relationship.mail_template_you_said_we_did"


def cycle_param(env, key):
    """A numeric setting of the cycle, its default when unset or invalid."""
    default = CYCLE_DEFAULTS[key]
    raw = env["ir.config_parameter"].sudo().get_param(PARAM + key)
    try:
        return type(default)(float(raw)) if raw not in (None, False, "") else default
    except ValueError:
        return default


class HrSatisfactionCampaignCycle(models.Model):
    """The customer-value cycle around a campaign: improvement actions from
    its results, "you said, we did" back to the participants, and pulses,
    short campaigns sent by themselves after a piece of HR work."""

    _name = "hr.satisfaction.survey"
    _inherit = ["hr.satisfaction.survey", "hr.improvement.action.mixin"]
    _improvement_field = "hr_campaign_id"

    kind = fields.Selection(
        [("campaign", "Campaign"), ("pulse", "Pulse")],
        default="campaign",
        required=True,
        readonly=True,
        help="A pulse is a short survey sent by itself when HR work for an "
        "internal client ends, and closed by itself after a few days.",
    )
    pulse_project_id = fields.Many2one(
        "project.project",
        string="After Project",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    pulse_interaction_id = fields.Many2one(
        "hr.relationship.interaction",
        string="After Interaction",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    sent_date = fields.Datetime(readonly=True, copy=False)
    service_result_ids = fields.One2many(
        "hr.satisfaction.service.result",
        "campaign_id",
        string="Per HR Service",
        domain=[("scope", "=", "campaign")],
        readonly=True,
    )

    def action_send(self):
        result = super().action_send()
        self.write({"sent_date": fields.Datetime.now()})
        return result

    def _store_results(self):
        """(Re)compute the stored results of closed campaigns."""
        return self.env["hr.satisfaction.result"].sudo()._compute_for_campaigns(self)

    # ------------------------------------------------------------
    # Improvement actions
    # ------------------------------------------------------------

    def _check_closed(self, what):
        for campaign in self:
            if campaign.state != "closed":
                raise UserError(
                    _(
                        "Campaign %(campaign)s is not closed yet: %(what)s needs "
                        "its results.",
                        campaign=campaign.name,
                        what=what,
                    )
                )

    def action_plan_improvements(self):
        checked_records(self, single=True)
        self.check_access("write")
        self._check_closed(_("planning improvements"))
        proposals = self._improvement_proposals()
        wizard = self.env["hr.improvement.plan.wizard"].create(
            {
                "campaign_id": self.id,
                "line_ids": [Command.create(v) for v in proposals],
                "empty_reason": not proposals and self._no_proposal_reason(),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Plan Improvements"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _no_proposal_reason(self):
        """Why the results propose no improvement action, for the wizard
        that would otherwise open empty without a word."""
        self.ensure_one()
        env = self.env
        if not any(self.sudo().result_ids.mapped("responded_count")):
            return _(
                "Nobody answered this campaign: there are no results to propose "
                "actions from."
            )
        planned = (
            env["project.task"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("hr_campaign_id", "=", self.id)], limit=1)
        )
        if planned:
            return _(
                "Every action these results call for is already planned: see the "
                "campaign's improvement actions."
            )
        return _(
            "No HR service is rated important (%(importance).1f or more) but "
            "performed poorly (%(performance).1f or less), and no internal client "
            "has a CSAT below %(csat).0f%% or an NPS below %(nps).0f: the results "
            "call for no action.",
            importance=cycle_param(env, "improvement_importance_min"),
            performance=cycle_param(env, "improvement_performance_max"),
            csat=cycle_param(env, "improvement_csat_min"),
            nps=cycle_param(env, "improvement_nps_min"),
        )

    def _improvement_proposals(self):
        """Values of proposed actions: one per HR service rated important but
        poorly performed, one per internal client with a low CSAT or NPS,
        leaving out those the campaign already has an action for."""
        self.ensure_one()
        env = self.env
        importance_min = cycle_param(env, "improvement_importance_min")
        performance_max = cycle_param(env, "improvement_performance_max")
        csat_min = cycle_param(env, "improvement_csat_min")
        nps_min = cycle_param(env, "improvement_nps_min")
        deadline = env["hr.improvement.plan.wizard.line"]._default_deadline()
        existing = (
            env["project.task"]
            .sudo()
            .with_context(active_test=False)
            .search([("hr_campaign_id", "=", self.id)])
        )
        planned_services = existing.hr_service_id
        planned_clients = existing.filtered(lambda t: not t.hr_service_id)
        planned_clients = planned_clients.hr_internal_client_ids
        results = self.sudo().result_ids
        lines = results.service_result_ids

        def in_quadrant(line):
            return (
                line.importance_count
                and line.performance_count
                and line.importance_mean >= importance_min
                and line.performance_mean <= performance_max
            )

        proposals = []
        for line in lines.filtered(
            lambda ln: ln.scope == "campaign" and in_quadrant(ln)
        ).sorted(lambda ln: (-ln.gap, ln.service_id.sequence)):
            service = line.service_id
            if service in planned_services:
                continue
            clients = lines.filtered(
                lambda ln, s=service: (
                    ln.scope == "internal_client"
                    and ln.service_id == s
                    and in_quadrant(ln)
                )
            ).internal_client_id
            proposals.append(
                {
                    "kind": "service",
                    "name": _("Improve %(service)s", service=service.name),
                    "service_id": service.id,
                    "internal_client_ids": [
                        Command.set((clients or self.internal_client_ids).ids)
                    ],
                    "reason": _(
                        "Importance %(importance).1f, performance "
                        "%(performance).1f (gap %(gap).1f) out of 5.",
                        importance=line.importance_mean,
                        performance=line.performance_mean,
                        gap=line.gap,
                    ),
                    "user_id": self.user_id.id,
                    "date_deadline": deadline,
                }
            )
        for result in results.filtered(
            lambda r: r.scope == "internal_client" and r.responded_count
        ):
            client = result.internal_client_id
            low_csat = result.satisfaction_count and result.csat < csat_min
            low_nps = result.recommendation_count and result.nps < nps_min
            if not (low_csat or low_nps) or client in planned_clients:
                continue
            reasons = []
            if low_csat:
                reasons.append(
                    _(
                        "CSAT %(csat).0f%% (below %(min).0f%%)",
                        csat=result.csat,
                        min=csat_min,
                    )
                )
            if low_nps:
                reasons.append(
                    _("NPS %(nps).0f (below %(min).0f)", nps=result.nps, min=nps_min)
                )
            proposals.append(
                {
                    "kind": "client",
                    "name": _("Win back %(client)s", client=client.name),
                    "internal_client_ids": [Command.set(client.ids)],
                    "reason": ", ".join(reasons),
                    "user_id": (client.hr_partner_id or self.user_id).id,
                    "date_deadline": deadline,
                }
            )
        return proposals

    # ------------------------------------------------------------
    # "You said, we did"
    # ------------------------------------------------------------

    def _hr_you_said_we_did_values(self):
        """What the "you said, we did" message shows: the campaign's figures,
        withheld for an anonymous campaign that fewer people answered than
        the minimum group size, and its improvement actions, done and still
        open apart."""
        self.ensure_one()
        campaign = self.sudo()
        total = campaign.result_ids.filtered(lambda r: r.scope == "campaign")[:1]
        min_group = min_group_size(self.env)
        responded = total.responded_count
        withheld = bool(total.withheld) or (
            campaign.anonymous and responded < min_group
        )
        services = []
        if not withheld:
            services = [
                {
                    "name": line.service_id.name,
                    "importance": line.importance_mean,
                    "performance": line.performance_mean,
                }
                for line in campaign.service_result_ids.sorted(
                    lambda ln: ln.service_id.sequence
                )
                if line.performance_count and not line.withheld
            ]
        tasks = (
            self.env["project.task"]
            .sudo()
            .search([("hr_campaign_id", "=", self.id)], order="date_deadline, id")
        )
        states = dict(tasks._fields["state"]._description_selection(self.env))
        actions = [
            {
                "name": task.name,
                "done": task.state == DONE_STATE,
                "state": states.get(task.state, ""),
                "deadline": task.date_deadline,
                "service": task.hr_service_id.name or "",
            }
            for task in tasks
            if task.state != "1_canceled"
        ]
        return {
            "withheld": withheld,
            "min_group": min_group,
            "responded": responded,
            "invited": total.invited_count,
            "csat": total.csat if total.satisfaction_count and not withheld else None,
            "nps": total.nps if total.recommendation_count and not withheld else None,
            "services": services,
            # "We did" is what is done; what is still open is told apart, as
            # work in progress with its planned date, not as a result.
            "done_actions": [action for action in actions if action["done"]],
            "open_actions": [action for action in actions if not action["done"]],
        }

    def _hr_you_said_we_did_lang(self):
        """The language the message is written in, numbers included: the one
        most of its recipients read (it is one message to all of them), else
        the responsible's."""
        self.ensure_one()
        audience = self.env.context.get("hr_you_said_audience", "participants")
        langs = Counter(
            self._hr_you_said_we_did_partners(audience).filtered("lang").mapped("lang")
        )
        return langs.most_common(1)[0][0] if langs else self.user_id.lang

    def _hr_you_said_we_did_partners(self, audience="participants"):
        """Who gets the message: the participants, or every stakeholder of
        the campaign's internal clients."""
        self.ensure_one()
        stakeholders = (
            self.participant_ids
            if audience == "participants"
            else self.internal_client_ids.stakeholder_ids
        )
        return self.env["res.partner"].union(
            *(self._participant_partner(s) for s in stakeholders.sudo())
        )

    def action_you_said_we_did(self):
        """Open the mail composer on the campaign with the "you said, we did"
        template, so HR reviews the message before it goes out."""
        checked_records(self, single=True)
        self.check_access("write")
        self._check_closed(_('"you said, we did"'))
        has_actions = (
            self.env["project.task"]
            .sudo()
            .search_count([("hr_campaign_id", "=", self.id)], limit=1)
        )
        if not has_actions:
            raise UserError(
                _(
                    "Campaign %(campaign)s has no improvement actions yet: plan "
                    "them before telling the participants what HR does.",
                    campaign=self.name,
                )
            )
        audience = self.env.context.get("hr_you_said_audience", "participants")
        template = self.env.ref(YOU_SAID_TEMPLATE_XMLID)
        return {
            "type": "ir.actions.act_window",
            "name": _("You Said, We Did"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id,
                "default_partner_ids": self._hr_you_said_we_did_partners(audience).ids,
                "default_email_layout_xmlid": "mail.mail_notification_light",
                # For the template's language (_hr_you_said_we_did_lang).
                "hr_you_said_audience": audience,
            },
        }

    # ------------------------------------------------------------
    # Pulses
    # ------------------------------------------------------------

    @api.model
    def _recently_pulsed(self, stakeholders):
        """The ``stakeholders`` who got a pulse within the rate limit."""
        days = cycle_param(self.env, "pulse_rate_limit_days")
        if not stakeholders or days <= 0:
            return self.env["hr.stakeholder"]
        since = fields.Datetime.now() - timedelta(days=days)
        pulses = self.sudo().search(
            [
                ("kind", "=", "pulse"),
                ("sent_date", ">=", since),
                ("participant_ids", "in", stakeholders.ids),
            ]
        )
        return pulses.participant_ids & stakeholders

    @api.model
    def _send_pulse(self, clients, stakeholders, name, **origin):
        """Send the pulse survey to those of ``stakeholders`` who can get it
        (active, with an email, not pulsed within the rate limit); return the
        pulse campaign, or nothing when nobody is left."""
        survey = self.env.ref(PULSE_SURVEY_XMLID, raise_if_not_found=False)
        if not survey or not survey.active:
            _logger.warning("No active pulse survey: no pulse sent for %s.", name)
            return self.browse()
        stakeholders = stakeholders.sudo().filtered(lambda s: s.active and s.email)
        recipients = stakeholders - self._recently_pulsed(stakeholders)
        if not recipients or not clients:
            return self.browse()
        days = cycle_param(self.env, "pulse_duration_days")
        pulse = (
            self.sudo()
            .with_context(tracking_disable=True)
            .create(
                {
                    "name": name,
                    "kind": "pulse",
                    "survey_id": survey.id,
                    "company_id": clients[0].company_id.id,
                    "user_id": (clients[0].hr_partner_id or self.env.user).id,
                    "internal_client_ids": [Command.set(clients.ids)],
                    "participant_ids": [Command.set(recipients.ids)],
                    "deadline": fields.Datetime.now() + timedelta(days=days),
                    **origin,
                }
            )
        )
        pulse.action_send()
        return pulse

    @api.model
    def _send_pulses_for_projects(self, projects):
        pulses = self.browse()
        for project in projects.sudo():
            client = project.internal_client_id
            pulses |= self._send_pulse(
                client,
                client.stakeholder_ids,
                _("Pulse: %(project)s", project=project.name),
                pulse_project_id=project.id,
            )
        return pulses

    @api.model
    def _send_pulses_for_interactions(self, interactions):
        types = {
            key
            for key, __ in interactions._fields["interaction_type"].selection
            if self.env["ir.config_parameter"]
            .sudo()
            .get_param(PULSE_AFTER_PREFIX + key)
        }
        pulses = self.browse()
        if not types:
            return pulses
        # A planned contact (a meeting put in the calendar for next week) has
        # not happened yet: there is nothing to ask about.
        today = fields.Date.context_today(self)
        for interaction in interactions.sudo().filtered(
            lambda i: i.interaction_type in types and i.date <= today
        ):
            stakeholders = interaction.stakeholder_ids
            clients = interaction.internal_client_id or stakeholders.internal_client_ids
            pulses |= self._send_pulse(
                clients.filtered(
                    lambda c, company=interaction.company_id: c.company_id == company
                ),
                stakeholders,
                _("Pulse: %(interaction)s", interaction=interaction.name),
                pulse_interaction_id=interaction.id,
            )
        return pulses

    @api.model
    def _cron_close_pulses(self):
        """Close the pulses whose answering time is over, storing their
        results like those of any campaign."""
        # A batch at a time (see hr.relationship.job.progress); a closed
        # pulse leaves the scope, so no run closes one twice.
        self.flush_model(["kind", "state", "deadline"])
        scope = SQL(
            "rec.kind = 'pulse' AND rec.state = 'running' AND rec.deadline <= %s",
            fields.Datetime.now(),
        )
        self.env["hr.relationship.job.progress"]._run_batches(
            "close_pulses",
            [(self._name, self, scope, lambda ids: self.browse(ids).action_close())],
        )
