# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools.optional_float import OptionalFloat
from ..tools.record_check import checked_records
from .project_task import DONE_STATE


class HrInternalClient(models.Model):
    """A unit of the business that HR serves: a department, a management
    team or a business unit across departments."""

    _name = "hr.internal.client"
    _description = "HR Internal Client"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.relationship.health.mixin",
        "hr.relationship.drift.mixin",
        "hr.relationship.concern.mixin",
        "hr.relationship.commitment.mixin",
        "hr.improvement.action.mixin",
    ]
    _order = "name, id"
    _concern_field = "internal_client_id"
    _commitment_field = "internal_client_id"
    _improvement_field = "hr_internal_client_ids"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer(aggregator=None)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        tracking=True,
        check_company=True,
        index="btree_not_null",
    )
    client_lead_id = fields.Many2one(
        "hr.employee",
        tracking=True,
        check_company=True,
        help="The manager who speaks for this internal client.",
    )
    client_lead_departed = fields.Boolean(
        compute="_compute_client_lead_departed",
        help="The client lead has left the organisation: choose a new one.",
    )
    hr_partner_id = fields.Many2one(
        "res.users",
        string="HR Business Partner",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="The HR business partner responsible for this relationship.",
    )
    needs = fields.Html(help="What this internal client needs from HR.")
    expectations = fields.Html(help="What this internal client expects from HR.")
    service_ids = fields.Many2many(
        "hr.relationship.service",
        "hr_internal_client_service_rel",
        "internal_client_id",
        "service_id",
        string="HR Services Agreed",
        help="The HR services agreed with this client, shown on its lead's "
        "HR partnership page.",
    )
    stakeholder_ids = fields.Many2many(
        "hr.stakeholder",
        "hr_internal_client_stakeholder_rel",
        "internal_client_id",
        "stakeholder_id",
        string="Stakeholders",
        check_company=True,
    )
    project_ids = fields.One2many(
        "project.project", "internal_client_id", string="HR Projects"
    )
    interaction_ids = fields.One2many(
        "hr.relationship.interaction", "internal_client_id", string="Interactions"
    )
    last_interaction_date = fields.Date(
        compute="_compute_last_interaction_date",
        store=True,
        help="Date of the most recent interaction logged for this internal client.",
    )
    stakeholder_count = fields.Integer(compute="_compute_counts")
    project_count = fields.Integer(compute="_compute_counts")
    interaction_count = fields.Integer(compute="_compute_counts")
    overdue_stakeholder_count = fields.Integer(
        compute="_compute_counts",
        help="Stakeholders of this client whose next planned contact has passed.",
    )
    satisfaction_result_ids = fields.One2many(
        "hr.satisfaction.result", "internal_client_id", string="Survey Results"
    )
    # Empty, not 0, for a client nobody has answered for: a report's average
    # then counts only the clients that have the figure.
    latest_csat = OptionalFloat(
        string="Latest CSAT",
        compute="_compute_latest_survey",
        store=True,
        aggregator="avg",
        help="CSAT (share of 4 and 5 answers) of the latest answered campaign.",
    )
    latest_nps = OptionalFloat(
        string="Latest NPS",
        compute="_compute_latest_survey",
        store=True,
        aggregator="avg",
    )
    latest_survey_date = fields.Date(compute="_compute_latest_survey", store=True)
    contact_cadence_days = fields.Integer(
        string="Contact Every (Days)",
        default=30,
        aggregator="avg",
        help="How often this client needs a contact, for its health; 0 plans none.",
    )
    health_snapshot_ids = fields.One2many(
        "hr.relationship.health.snapshot", "internal_client_id", string="Health Trend"
    )
    lang = fields.Selection(
        "_lang_get",
        string="Language",
        help="The language of this client's account plan; empty prints it in "
        "the language of whoever prints it.",
    )

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "An internal client with this name already exists in this company.",
    )

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    @api.depends("client_lead_id.active")
    def _compute_client_lead_departed(self):
        for client in self:
            client.client_lead_departed = (
                client.client_lead_id and not client.client_lead_id.active
            )

    # Depends on today as well: an interaction dated after today is a
    # planned contact, not one that happened; _refresh_contact_dates moves
    # the date on when its day has come. Both run _contact_dates_sql.
    @api.depends("interaction_ids.date")
    def _compute_last_interaction_date(self):
        self.env["hr.relationship.interaction"].flush_model(
            ["date", "internal_client_id"]
        )
        scope = SQL(
            "SELECT * FROM unnest(%s::int[], %s::int[]) AS scope(key, id)",
            list(range(len(self))),
            [client._origin.id or None for client in self],
        )
        self.env.cr.execute(
            self._contact_dates_sql(scope, fields.Date.context_today(self))
        )
        last_dates = dict(self.env.cr.fetchall())
        for key, client in enumerate(self):
            client.last_interaction_date = last_dates[key] or False

    @api.model
    def _contact_dates_sql(self, scope, today):
        """The last contact date, as a query of rows (key, last_date), one
        per row of ``scope``: a query of rows (key, id), ``id`` being the
        client's (NULL for one not saved yet). The one formula of the compute
        above and of the daily refresh below."""
        return SQL(
            """
            WITH scope AS (%(scope)s)
            SELECT scope.key, MAX(interaction.date) AS last_date
              FROM scope
         LEFT JOIN %(interaction_table)s interaction
                ON interaction.internal_client_id = scope.id
               AND interaction.date <= %(today)s
             GROUP BY scope.key
            """,
            scope=scope,
            today=today,
            interaction_table=SQL.identifier(
                self.env["hr.relationship.interaction"]._table
            ),
        )

    @api.model
    def _refresh_contact_dates(self, record_ids=None):
        """The compute above as one statement, for the daily job."""
        self.env["hr.relationship.interaction"].flush_model(
            ["date", "internal_client_id"]
        )
        self.flush_model(["last_interaction_date"])
        in_scope = (
            SQL("TRUE")
            if record_ids is None
            else SQL("client.id = ANY(%s)", list(record_ids))
        )
        scope = SQL(
            "SELECT client.id AS key, client.id FROM hr_internal_client client"
            " WHERE %s",
            in_scope,
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_internal_client client
                   SET last_interaction_date = fresh.last_date
                  FROM (%(fresh)s) fresh
                 WHERE client.id = fresh.key
                   AND client.last_interaction_date
                       IS DISTINCT FROM fresh.last_date
                """,
                fresh=self._contact_dates_sql(scope, fields.Date.context_today(self)),
            )
        )
        updated = self.env.cr.rowcount
        self.invalidate_model(["last_interaction_date"], flush=False)
        return updated

    # Health (hr.relationship.health.mixin); an internal client's owner is
    # its HR business partner, so every recipient setting but nobody means
    # that partner (the mixin's default).

    @api.model
    def _health_link_field(self):
        return "internal_client_id"

    @api.model
    def _health_satisfaction_field(self):
        return "csat"

    @api.model
    def _health_owner_field(self):
        return "hr_partner_id"

    @api.model
    def _health_activity_type(self):
        return self.env.ref("hr_relationship.mail_activity_type_health_client")

    @api.model
    def _health_sentiment_query(self, since, today):
        return SQL(
            """
            SELECT moment.internal_client_id AS id,
                   AVG(moment.sentiment_score) AS mean
              FROM hr_relationship_interaction moment
             WHERE moment.internal_client_id IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
             GROUP BY moment.internal_client_id
            """,
            since=since,
            today=today,
        )

    @api.model
    def _health_attitude_query(self):
        # The attitudes of its active stakeholders; neutral ones count as
        # unknown (see ATTITUDE_HEALTH), so AVG leaves them out.
        link = self._fields["stakeholder_ids"]
        return SQL(
            """
            SELECT link.%(client)s AS id, AVG(%(value)s) AS attitude,
                   COUNT(*) FILTER (WHERE stakeholder.attitude = 'blocker')
                       AS blockers
              FROM %(rel)s link
              JOIN hr_stakeholder stakeholder
                ON stakeholder.id = link.%(stakeholder)s AND stakeholder.active
             WHERE link.%(client)s IN (SELECT id FROM scope)
             GROUP BY link.%(client)s
            """,
            rel=SQL.identifier(link.relation),
            client=SQL.identifier(link.column1),
            stakeholder=SQL.identifier(link.column2),
            value=self._health_attitude_sql(SQL("stakeholder.attitude")),
        )

    @api.model
    def _health_due_date_sql(self):
        # A client has no planned contacts: one cadence after the last
        # contact, or after HR started the record.
        return SQL(
            """CASE WHEN rec.contact_cadence_days > 0
                    THEN COALESCE(rec.last_interaction_date, rec.create_date::date)
                         + rec.contact_cadence_days
               END"""
        )

    # Drift (hr.relationship.drift.mixin)

    @api.model
    def _drift_interactions_query(self, since, today):
        return SQL(
            """
            SELECT moment.internal_client_id AS id,
                   moment.sentiment_score AS score, moment.date,
                   moment.id AS moment
              FROM hr_relationship_interaction moment
             WHERE moment.internal_client_id IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
            """,
            since=since,
            today=today,
        )

    @api.model
    def _drift_departure_query(self, today):
        # The HR business partner gone (user archived, or every employee
        # record of theirs), or the client lead (see client_lead_departed).
        return SQL(
            """
            SELECT rec.id,
                   COALESCE(%(partner_left)s, FALSE) AS owner_left,
                   COALESCE(NOT lead.active, FALSE) AS person_left,
                   FALSE AS contact_left,
                   FALSE AS person_moved
              FROM hr_internal_client rec
              LEFT JOIN res_users partner ON partner.id = rec.hr_partner_id
              LEFT JOIN hr_employee lead ON lead.id = rec.client_lead_id
             WHERE rec.id IN (SELECT id FROM scope)
            """,
            partner_left=self._drift_user_left_sql("partner"),
        )

    def _drift_owner_left_reason(self):
        return self.env._("The HR business partner left")

    def _drift_person_left_reason(self):
        return self.env._("The client lead left")

    def _health_attitude_reason(self, row):
        if row["blockers"]:
            return self.env._(
                "Blockers among its stakeholders: %(count)s", count=row["blockers"]
            )
        return self.env._("Mostly sceptics among its stakeholders")

    @api.depends("stakeholder_ids", "project_ids", "interaction_ids")
    def _compute_counts(self):
        Interaction = self.env["hr.relationship.interaction"]
        interactions = dict(
            Interaction._read_group(
                [("internal_client_id", "in", self._origin.ids)],
                ["internal_client_id"],
                ["__count"],
            )
        )
        projects = dict(
            self.env["project.project"]._read_group(
                [("internal_client_id", "in", self._origin.ids)],
                ["internal_client_id"],
                ["__count"],
            )
        )
        overdue = dict(
            self.env["hr.stakeholder"]._read_group(
                [
                    ("internal_client_ids", "in", self._origin.ids),
                    ("is_contact_overdue", "=", True),
                ],
                ["internal_client_ids"],
                ["__count"],
            )
        )
        for client in self:
            origin = client._origin
            client.stakeholder_count = len(client.stakeholder_ids)
            client.project_count = projects.get(origin, 0)
            client.interaction_count = interactions.get(origin, 0)
            client.overdue_stakeholder_count = overdue.get(origin, 0)

    @api.depends(
        "satisfaction_result_ids.date",
        "satisfaction_result_ids.csat",
        "satisfaction_result_ids.nps",
        "satisfaction_result_ids.withheld",
    )
    def _compute_latest_survey(self):
        self.env["hr.satisfaction.result"]._assign_latest(
            self, "internal_client_id", "csat"
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_stakeholder_links(vals.get("stakeholder_ids"))
        return super().create(vals_list)

    def write(self, vals):
        if "stakeholder_ids" not in vals and "hr_partner_id" not in vals:
            result = super().write(vals)
            if {"contact_cadence_days", "active"} & set(vals):
                # Its health follows at once.
                self.env["hr.relationship.health.mixin"]._refresh_touched(
                    self.env["hr.stakeholder"], self
                )
            return result
        self._check_stakeholder_links(vals.get("stakeholder_ids"))
        linked_before = self.sudo().stakeholder_ids
        result = super().write(vals)
        # Whoever lost a profile with this change stops following it.
        stakeholders = linked_before | self.sudo().stakeholder_ids
        stakeholders.profile_ids._hr_unsubscribe_without_access()
        if "stakeholder_ids" in vals:
            # It weighs its stakeholders' attitudes and coverage.
            self.env["hr.relationship.health.mixin"]._refresh_touched(
                self.env["hr.stakeholder"], self
            )
        return result

    def _check_stakeholder_links(self, commands):
        """Linking a stakeholder to an internal client puts it in the scope of
        the client's HR business partner (its profile, its survey results),
        so it takes the right to change that stakeholder, checked before the
        link exists (the link itself would grant it)."""
        if self.env.su or not commands:
            return
        ids = set()
        for command in commands:
            if isinstance(command, int):
                ids.add(command)
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        stakeholders = self.env["hr.stakeholder"].browse(ids)
        if self:
            # Already linked to every client concerned: nothing enters a scope.
            stakeholders = stakeholders.filtered(
                lambda stakeholder: self - stakeholder.sudo().internal_client_ids
            )
        refused = stakeholders - stakeholders._filtered_access("write")
        if refused:
            raise AccessError(
                _(
                    "You cannot link %(stakeholders)s to an internal client: only "
                    "whoever may change a stakeholder can put it in the scope of "
                    "an internal client.",
                    stakeholders=", ".join(refused.sudo().mapped("display_name")),
                )
            )

    @api.constrains("stakeholder_ids")
    def _check_stakeholder_person_unique(self):
        self.stakeholder_ids._check_person_unique_per_client()

    def _stakeholder_action(self, name, domain, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "hr.stakeholder",
            "view_mode": "kanban,list,form",
            "domain": domain,
            "context": context or {},
        }

    @api.readonly
    def action_view_stakeholders(self):
        checked_records(self, single=True)
        return self._stakeholder_action(
            _("Stakeholders of %s", self.display_name),
            [("internal_client_ids", "in", self.ids)],
            {"default_internal_client_ids": self.ids},
        )

    @api.readonly
    def action_view_projects(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.open_view_project_all"
        )
        action.update(
            domain=[("internal_client_id", "=", self.id)],
            context={"default_internal_client_id": self.id},
        )
        return action

    @api.readonly
    def action_view_interactions(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_for(
            _("Interactions with %s", self.display_name),
            [("internal_client_id", "=", self.id)],
            {"default_internal_client_id": self.id},
        )

    def action_log_interaction(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_log(
            {"default_internal_client_id": self.id}
        )

    def _improvement_default(self):
        return [self.id]

    def _you_said_we_did(self, limit):
        """Per client id, its ``limit`` latest answered campaigns, newest
        first, each with the figures it gave (unless withheld for anonymity)
        and the improvement actions HR finished and still has open after it:
        for this client and for every client. Read as superuser: it is what
        HR shares with the client's own lead, who may read neither."""
        Result = self.env["hr.satisfaction.result"].sudo()
        results = Result.search(
            [
                ("scope", "=", "internal_client"),
                ("internal_client_id", "in", self.ids),
                ("responded_count", ">", 0),
            ],
            order="date desc, id desc",
        )
        tasks = (
            self.env["project.task"]
            .sudo()
            .search(
                [
                    ("hr_campaign_id", "in", results.campaign_id.ids),
                    ("state", "!=", "1_canceled"),
                ],
                order="date_deadline, id",
            )
        )
        by_client = results.grouped("internal_client_id")
        campaigns = {}
        for client in self:
            campaigns[client.id] = []
            for result in by_client.get(client, Result)[:limit]:
                mine = tasks.filtered(
                    lambda task, result=result, client=client: (
                        task.hr_campaign_id == result.campaign_id
                        and (
                            not task.hr_internal_client_ids
                            or client.id in task.hr_internal_client_ids.ids
                        )
                    )
                )
                campaigns[client.id].append(
                    {
                        "result": result,
                        "said": self._said(result),
                        "withheld": bool(result.withheld),
                        "done": mine.filtered(lambda task: task.state == DONE_STATE),
                        "open": mine.filtered(lambda task: task.state != DONE_STATE),
                    }
                )
        return campaigns

    def _said(self, result):
        """The figures of a result that is not withheld, in one sentence."""
        figures = self._figures(
            result.csat if result.satisfaction_count else False,
            result.nps if result.recommendation_count else False,
        )
        return self.env._(
            "%(figures)s (%(responded)s of %(invited)s answered)",
            figures=figures or self.env._("no figures"),
            responded=result.responded_count,
            invited=result.invited_count,
        )

    def _figures(self, csat, nps):
        """CSAT and NPS in words, each left out where it is False (nobody
        gave it); empty without either."""
        figures = []
        if csat is not False:
            figures.append(self.env._("CSAT %(csat)s%%", csat=round(csat)))
        if nps is not False:
            figures.append(self.env._("NPS %(nps)s", nps=round(nps)))
        return ", ".join(figures)
