# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools.groups import RELATIONSHIP_BUSINESS_PARTNER, RELATIONSHIP_MANAGER
from ..tools.optional_float import OptionalFloat
from ..tools.record_check import checked_records
from ..tools.sql_names import m2m_table
from .hr_project_stakeholder import ATTITUDES, link_search, sync_positions
from .hr_relationship_drift_mixin import DRIFT_MOVE_DAYS
from .hr_relationship_health_mixin import MAX_CADENCE_DAYS

# What health and the network figures read of a stakeholder.
FIGURE_FIELDS = {
    "attitude",
    "influence",
    "contact_cadence_days",
    "active",
    "internal_client_ids",
}
RELATION_TYPES = [
    ("internal_client_contact", "Internal Client Contact"),
    ("manager", "Manager"),
    ("employee_representative", "Employee Representative (Works Council)"),
    ("hr_colleague", "HR Colleague"),
    ("candidate", "Candidate"),
    ("supplier", "Supplier"),
    ("freelancer", "Freelancer (ZZP)"),
    ("alumnus", "Alumnus (Ex-employee)"),
    ("project_partner", "Project Partner"),
    ("other", "Other"),
]
# The seed's external relations that HR can turn into ambassadors.
AMBASSADOR_RELATION_TYPES = ("alumnus", "freelancer", "supplier")

QUADRANTS = [
    ("manage_closely", "Manage Closely"),
    ("keep_satisfied", "Keep Satisfied"),
    ("keep_informed", "Keep Informed"),
    ("monitor", "Monitor"),
]
# On the 1-5 scales, 3 and above counts as high influence or interest.
HIGH_SCORE = 3
# Contact cadence a new stakeholder gets from its quadrant: settings
# (ir.config_parameter "hr_relationship.cadence_<quadrant>") and their defaults.
CADENCE_PARAM_PREFIX = "hr_relationship.cadence_"
CADENCE_DEFAULTS = {
    "manage_closely": 14,
    "keep_satisfied": 30,
    "keep_informed": 30,
    "monitor": 90,
}
PROFILE_FIELDS = ("approach_notes", "personal_interests", "motivators")


class HrStakeholder(models.Model):
    """One person in a relationship with HR: an employee or an external
    contact, with where they stand and how they like to be approached."""

    _name = "hr.stakeholder"
    _description = "HR Stakeholder"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.relationship.health.mixin",
        "hr.relationship.drift.mixin",
        "hr.relationship.concern.mixin",
        "hr.relationship.commitment.mixin",
    ]
    _order = "name, id"
    _concern_field = "stakeholder_id"
    _commitment_field = "stakeholder_id"

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    active = fields.Boolean(default=True)
    color = fields.Integer(aggregator=None)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )
    former_employee_id = fields.Many2one(
        "hr.employee",
        string="Former Employee Record",
        index="btree_not_null",
        help="For alumni: the employee record they left behind.",
    )
    email = fields.Char(compute="_compute_contact_details", store=True)
    # An external person's address lives on their contact: HR types it on
    # the stakeholder form (a contact made from the form's dropdown has only
    # a name), and survey invitations go to it.
    partner_email = fields.Char(
        related="partner_id.email",
        string="Email Address",
        readonly=False,
        help="The person's email address, kept on their contact. Survey "
        "invitations go to it: without one, the person is left out of "
        "campaigns.",
    )
    phone = fields.Char(compute="_compute_contact_details", store=True)
    is_external = fields.Boolean(
        compute="_compute_contact_details",
        store=True,
        help="Set when the stakeholder is a contact rather than an employee.",
    )
    relation_type = fields.Selection(
        RELATION_TYPES, required=True, default="internal_client_contact", tracking=True
    )
    internal_client_ids = fields.Many2many(
        "hr.internal.client",
        "hr_internal_client_stakeholder_rel",
        "stakeholder_id",
        "internal_client_id",
        string="Internal Clients",
        check_company=True,
    )
    project_position_ids = fields.One2many(
        "hr.project.stakeholder",
        "stakeholder_id",
        string="Project Positions",
        help="Where this person stands on each HR project.",
    )
    # The projects as a plain set, for the code paths and screens that only
    # need the link; editing it adds or removes positions.
    project_ids = fields.Many2many(
        "project.project",
        string="Projects",
        compute="_compute_project_ids",
        inverse="_inverse_project_ids",
        search="_search_project_ids",
    )
    person_partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        compute="_compute_person_partner_id",
        store=True,
        index="btree_not_null",
        help="The contact standing for this person in relations between "
        "people: an employee's work contact, or the contact itself.",
    )
    person_relation_ids = fields.One2many(
        related="person_partner_id.hr_person_relation_ids", readonly=False
    )
    interaction_ids = fields.Many2many(
        "hr.relationship.interaction",
        "hr_relationship_interaction_stakeholder_rel",
        "stakeholder_id",
        "interaction_id",
        string="Interactions",
    )
    # Scores on a scale: their sum means nothing, their mean does.
    influence = fields.Integer(
        default=2,
        tracking=True,
        aggregator="avg",
        help="Power over HR's projects, from 1 to 5.",
    )
    interest = fields.Integer(
        default=2,
        tracking=True,
        aggregator="avg",
        help="Interest in HR's projects, from 1 to 5.",
    )
    quadrant = fields.Selection(
        QUADRANTS,
        compute="_compute_quadrant",
        store=True,
        group_expand=True,
        help="Place on the power-interest grid, which sets the engagement strategy.",
    )
    attitude = fields.Selection(
        ATTITUDES,
        default="neutral",
        required=True,
        tracking=True,
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Relationship Owner",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    contact_cadence_days = fields.Integer(
        string="Contact Every (Days)",
        aggregator="avg",
        compute="_compute_contact_cadence_days",
        store=True,
        readonly=False,
        copy=True,
        help="How often this relationship needs a contact; 0 plans none. A new "
        "stakeholder starts with the cadence its quadrant has in the settings; "
        "moving it on the grid later keeps the cadence it has.",
    )
    last_interaction_date = fields.Date(compute="_compute_contact_dates", store=True)
    next_contact_date = fields.Date(
        compute="_compute_contact_dates", store=True, index=True
    )
    is_contact_overdue = fields.Boolean(
        compute="_compute_is_contact_overdue", search="_search_is_contact_overdue"
    )
    ambassador = fields.Boolean(
        tracking=True,
        help="An alumnus, freelancer or supplier who speaks up for the organisation.",
    )
    in_ambassador_ranking = fields.Boolean(
        compute="_compute_in_ambassador_ranking",
        search="_search_in_ambassador_ranking",
        help="Listed in the Ambassador Ranking: an ambassador, or someone "
        "whose referrals an installed bridge counts.",
    )
    preferred_channel = fields.Selection(
        [
            ("in_person", "In Person"),
            ("phone", "Phone"),
            ("video", "Video Call"),
            ("email", "Email"),
            ("chat", "Chat"),
        ]
    )
    expectations = fields.Text(help="What this person expects from HR.")
    profile_ids = fields.One2many("hr.stakeholder.profile", "stakeholder_id")
    approach_notes = fields.Text(
        compute="_compute_profile",
        inverse="_inverse_approach_notes",
        compute_sudo=False,
        help="How this person likes to be approached.",
    )
    personal_interests = fields.Text(
        compute="_compute_profile",
        inverse="_inverse_personal_interests",
        compute_sudo=False,
        help="What this person does outside work.",
    )
    motivators = fields.Text(
        compute="_compute_profile",
        inverse="_inverse_motivators",
        compute_sudo=False,
        help="What drives this person.",
    )
    can_read_profile = fields.Boolean(compute="_compute_can_read_profile")
    interaction_count = fields.Integer(compute="_compute_interaction_count")
    satisfaction_result_ids = fields.One2many(
        "hr.satisfaction.result", "stakeholder_id", string="Survey Results"
    )
    # One person's answers: read from their latest per-stakeholder result as
    # the current user, so that they follow that result's record rules (plain
    # users get the aggregates only, business partners their clients').
    latest_satisfaction_index = OptionalFloat(
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=RELATIONSHIP_BUSINESS_PARTNER,
        help="Satisfaction answer of the latest answered campaign, scaled to 0-100.",
    )
    latest_nps = OptionalFloat(
        string="Latest NPS",
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=RELATIONSHIP_BUSINESS_PARTNER,
        help="Latest recommendation: promoter 100, passive 0, detractor -100.",
    )
    latest_survey_date = fields.Date(
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=RELATIONSHIP_BUSINESS_PARTNER,
    )
    health_snapshot_ids = fields.One2many(
        "hr.relationship.health.snapshot", "stakeholder_id", string="Health Trend"
    )

    @api.depends("employee_id.name", "partner_id.name", "is_anonymised")
    def _compute_name(self):
        for stakeholder in self:
            if stakeholder.is_anonymised:
                stakeholder.name = _(
                    "Anonymised stakeholder #%(id)s", id=stakeholder._origin.id
                )
                continue
            stakeholder.name = (stakeholder.employee_id or stakeholder.partner_id).name

    @api.depends(
        "employee_id.work_email",
        "employee_id.work_phone",
        "partner_id.email",
        "partner_id.phone",
    )
    def _compute_contact_details(self):
        for stakeholder in self:
            employee = stakeholder.employee_id
            stakeholder.is_external = not employee
            if employee:
                stakeholder.email = employee.work_email
                stakeholder.phone = employee.work_phone
            else:
                stakeholder.email = stakeholder.partner_id.email
                stakeholder.phone = stakeholder.partner_id.phone

    @api.depends("employee_id.work_contact_id", "partner_id")
    def _compute_person_partner_id(self):
        for stakeholder in self:
            stakeholder.person_partner_id = (
                stakeholder.employee_id.work_contact_id or stakeholder.partner_id
            )

    @api.depends("project_position_ids.project_id")
    def _compute_project_ids(self):
        for stakeholder in self:
            stakeholder.project_ids = stakeholder.project_position_ids.project_id

    def _inverse_project_ids(self):
        sync_positions(
            self, "project_ids", "project_position_ids", "stakeholder_id", "project_id"
        )

    def _search_project_ids(self, operator, value):
        return link_search("project_position_ids", "project_id", operator, value)

    @api.depends("influence", "interest")
    def _compute_quadrant(self):
        for stakeholder in self:
            powerful = stakeholder.influence >= HIGH_SCORE
            interested = stakeholder.interest >= HIGH_SCORE
            if powerful:
                stakeholder.quadrant = (
                    "manage_closely" if interested else "keep_satisfied"
                )
            else:
                stakeholder.quadrant = "keep_informed" if interested else "monitor"

    @api.model
    def _quadrant_cadences(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        cadences = {}
        for quadrant, default in CADENCE_DEFAULTS.items():
            try:
                value = get_param(CADENCE_PARAM_PREFIX + quadrant, default)
                # The settings check the range; a parameter edited by hand
                # must not give new stakeholders a cadence they cannot keep.
                cadences[quadrant] = min(max(int(value), 0), MAX_CADENCE_DAYS)
            except (TypeError, ValueError):
                cadences[quadrant] = default
        return cadences

    @api.depends("quadrant")
    def _compute_contact_cadence_days(self):
        # The quadrant's cadence is a default for new relationships only:
        # write() keeps this compute away from saved stakeholders, and a form
        # on a saved one (a new record with an origin) keeps what it shows.
        cadences = self._quadrant_cadences()
        for stakeholder in self:
            if stakeholder._origin and not stakeholder.id:
                continue
            stakeholder.contact_cadence_days = cadences.get(stakeholder.quadrant, 0)

    # Both dates depend on today as well: an interaction dated after today
    # is a planned contact, not one that happened. The daily job
    # (_refresh_contact_dates) moves them on when a planned contact's day
    # has come; both run the one formula, _contact_dates_sql.
    @api.depends("interaction_ids.date", "contact_cadence_days", "create_date")
    def _compute_contact_dates(self):
        """The earliest planned interaction, else the last contact (or the
        record's creation) plus the cadence; none without either. From the
        cadence and creation the records hold (a form's unsaved cadence
        included) and the interactions stored."""
        self.env["hr.relationship.interaction"].flush_model(["date", "stakeholder_ids"])
        today = fields.Date.context_today(self)
        scope = SQL(
            "SELECT * FROM unnest(%s::int[], %s::int[], %s::date[], %s::int[])"
            " AS scope(key, id, start, cadence)",
            list(range(len(self))),
            [stakeholder._origin.id or None for stakeholder in self],
            [
                stakeholder.create_date.date() if stakeholder.create_date else today
                for stakeholder in self
            ],
            [stakeholder.contact_cadence_days for stakeholder in self],
        )
        self.env.cr.execute(self._contact_dates_sql(scope, today))
        dates = {key: (last, next_) for key, last, next_ in self.env.cr.fetchall()}
        for key, stakeholder in enumerate(self):
            last_date, next_date = dates[key]
            stakeholder.last_interaction_date = last_date or False
            stakeholder.next_contact_date = next_date or False

    @api.model
    def _contact_dates_sql(self, scope, today):
        """The last and next contact dates, as a query of rows (key,
        last_date, next_date), one per row of ``scope``: a query of rows
        (key, id, start, cadence), where ``id`` is the stakeholder's (NULL
        for one not saved yet) and ``start`` the day its cadence runs from
        until a first contact. The compute above and the daily refresh below
        both run it: one formula, whatever feeds it."""
        link = self._fields["interaction_ids"]
        return SQL(
            """
            WITH scope AS (%(scope)s), contact AS (
                SELECT rel.%(stakeholder)s AS id,
                       MAX(interaction.date)
                           FILTER (WHERE interaction.date <= %(today)s)
                           AS last_date,
                       MIN(interaction.date)
                           FILTER (WHERE interaction.date > %(today)s)
                           AS planned_date
                  FROM %(rel)s rel
                  JOIN %(interaction_table)s interaction
                    ON interaction.id = rel.%(interaction)s
                 WHERE rel.%(stakeholder)s IN (SELECT id FROM scope)
                 GROUP BY rel.%(stakeholder)s
            ), started AS (
                SELECT scope.key, scope.cadence,
                       contact.last_date, contact.planned_date,
                       COALESCE(contact.last_date, scope.start) AS start
                  FROM scope
             LEFT JOIN contact ON contact.id = scope.id
            )
            SELECT key, last_date,
                   CASE WHEN planned_date IS NOT NULL THEN planned_date
                        WHEN cadence > 0
                        THEN start + LEAST(cadence, %(max_date)s - start)
                   END AS next_date
              FROM started
            """,
            scope=scope,
            today=today,
            max_date=date.max,
            rel=m2m_table(self.env, self._name, "interaction_ids"),
            stakeholder=SQL.identifier(link.column1),
            interaction=SQL.identifier(link.column2),
            interaction_table=SQL.identifier(
                self.env["hr.relationship.interaction"]._table
            ),
        )

    @api.depends("next_contact_date")
    def _compute_is_contact_overdue(self):
        today = fields.Date.context_today(self)
        for stakeholder in self:
            stakeholder.is_contact_overdue = bool(
                stakeholder.next_contact_date and stakeholder.next_contact_date < today
            )

    def _search_is_contact_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("Overdue contacts can only be searched as true or false.")
            )
        overdue = [("next_contact_date", "<", fields.Date.context_today(self))]
        if (operator == "=") == value:
            return overdue
        return ["|", ("next_contact_date", "=", False)] + [
            ("next_contact_date", ">=", fields.Date.context_today(self))
        ]

    @api.model
    def _refresh_contact_dates(self, stakeholder_ids=None):
        """Recompute last and next contact dates of many stakeholders in one
        statement. The ORM computes above serve day-to-day edits; a run over
        the whole relationship book (a nightly job, an import) cannot afford
        their per-hundred-rows flush, whose query count grows with the data."""
        self.env["hr.relationship.interaction"].flush_model(["date"])
        self.flush_model(
            [
                "contact_cadence_days",
                "interaction_ids",
                "last_interaction_date",
                "next_contact_date",
            ]
        )
        if stakeholder_ids is None:
            in_scope = SQL("TRUE")
        else:
            in_scope = SQL("id = ANY(%s)", list(stakeholder_ids))
        scope = SQL(
            """
            SELECT id AS key, id, create_date::date AS start,
                   contact_cadence_days AS cadence
              FROM hr_stakeholder
             WHERE %s
            """,
            in_scope,
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_stakeholder stakeholder
                   SET last_interaction_date = fresh.last_date,
                       next_contact_date = fresh.next_date
                  FROM (%(fresh)s) fresh
                 WHERE stakeholder.id = fresh.key
                   AND (stakeholder.last_interaction_date
                            IS DISTINCT FROM fresh.last_date
                        OR stakeholder.next_contact_date
                            IS DISTINCT FROM fresh.next_date)
                """,
                fresh=self._contact_dates_sql(scope, fields.Date.context_today(self)),
            )
        )
        updated = self.env.cr.rowcount
        self.invalidate_model(
            ["last_interaction_date", "next_contact_date"], flush=False
        )
        return updated

    @api.depends_context("uid")
    def _compute_can_read_profile(self):
        for stakeholder in self:
            stakeholder.can_read_profile = stakeholder._may_read_profile()

    def _may_read_profile(self):
        """Mirror of the profile's record rules, for the UI only: the rules
        themselves are what protects the data."""
        self.ensure_one()
        user = self.env.user
        return (
            self.env.su
            or self.owner_id == user
            or user.has_group(RELATIONSHIP_MANAGER)
            or (
                user.has_group(RELATIONSHIP_BUSINESS_PARTNER)
                and user in self.internal_client_ids.hr_partner_id
            )
        )

    def _get_profiles(self):
        """Profiles of these stakeholders, created on first use (as superuser,
        since creating the empty container reveals nothing)."""
        profiles = self.sudo().profile_ids
        missing = self.sudo().filtered(lambda s: not s.profile_ids)
        if missing:
            # Nobody follows a profile: whoever happens to trigger its
            # creation must not receive its tracked changes.
            profiles |= (
                self.env["hr.stakeholder.profile"]
                .sudo()
                .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
                .create([{"stakeholder_id": stakeholder.id} for stakeholder in missing])
            )
        return profiles.with_env(self.env)

    # Keyed per user in the cache, so that one user's read is never served
    # to another within the same transaction.
    @api.depends_context("uid")
    def _compute_profile(self):
        stored = self.filtered("id")
        for new_record in self - stored:
            new_record.update(dict.fromkeys(PROFILE_FIELDS, False))
        if not stored:
            return
        # Reading creates nothing (a form's read runs on a read replica where
        # there is one): a stakeholder without a profile yet has empty notes.
        profiles = stored.sudo().profile_ids.with_env(self.env)
        # Raises AccessError for anybody the profile rules do not admit.
        profiles.check_access("read")
        by_stakeholder = {profile.stakeholder_id.id: profile for profile in profiles}
        # Without a profile there is no record for the rules to judge: their
        # mirror does, so that an empty profile answers like a written one.
        unreadable = stored.filtered(
            lambda stakeholder: (
                stakeholder.id not in by_stakeholder
                and not stakeholder._may_read_profile()
            )
        )
        if unreadable:
            raise AccessError(
                self.env._(
                    "You may not read the personal profile of %(names)s.",
                    names=", ".join(unreadable.sudo().mapped("display_name")),
                )
            )
        for stakeholder in stored:
            profile = by_stakeholder.get(stakeholder.id)
            for fname in PROFILE_FIELDS:
                stakeholder[fname] = profile[fname] if profile else False

    # One inverse per field: while write() runs the inverse, the sibling
    # fields of the shared compute read as empty unless written too, so an
    # inverse may only trust its own field.
    def _inverse_approach_notes(self):
        self._inverse_profile("approach_notes")

    def _inverse_personal_interests(self):
        self._inverse_profile("personal_interests")

    def _inverse_motivators(self):
        self._inverse_profile("motivators")

    def _inverse_profile(self, fname):
        profiles = self._get_profiles()
        by_stakeholder = {profile.stakeholder_id.id: profile for profile in profiles}
        for stakeholder in self:
            profile = by_stakeholder[stakeholder.id]
            # Unchanged values are not written, so not tracked either.
            if stakeholder[fname] != profile[fname]:
                profile.write({fname: stakeholder[fname]})

    def _compute_interaction_count(self):
        counts = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [("stakeholder_ids", "in", self._origin.ids)],
                ["stakeholder_ids"],
                ["__count"],
            )
        )
        for stakeholder in self:
            stakeholder.interaction_count = counts.get(stakeholder._origin, 0)

    @api.depends(
        "satisfaction_result_ids.date",
        "satisfaction_result_ids.satisfaction_index",
        "satisfaction_result_ids.nps",
    )
    @api.depends_context("uid")
    def _compute_latest_survey(self):
        self.env["hr.satisfaction.result"]._assign_latest(
            self, "stakeholder_id", "satisfaction_index", readable_only=True
        )

    # Health (hr.relationship.health.mixin)

    @api.model
    def _health_link_field(self):
        return "stakeholder_id"

    @api.model
    def _health_satisfaction_field(self):
        return "satisfaction_index"

    @api.model
    def _health_owner_field(self):
        return "owner_id"

    @api.model
    def _health_activity_type(self):
        return self.env.ref("hr_relationship.mail_activity_type_health_stakeholder")

    @api.model
    def _health_sentiment_query(self, since, today):
        link = self._fields["interaction_ids"]
        return SQL(
            """
            SELECT rel.%(stakeholder)s AS id, AVG(moment.sentiment_score) AS mean
              FROM %(rel)s rel
              JOIN hr_relationship_interaction moment
                ON moment.id = rel.%(interaction)s
             WHERE rel.%(stakeholder)s IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
             GROUP BY rel.%(stakeholder)s
            """,
            rel=SQL.identifier(link.relation),
            stakeholder=SQL.identifier(link.column1),
            interaction=SQL.identifier(link.column2),
            since=since,
            today=today,
        )

    @api.model
    def _health_attitude_query(self):
        return SQL(
            """
            SELECT rec.id, %(value)s AS attitude,
                   (rec.attitude = 'blocker')::int AS blockers
              FROM hr_stakeholder rec
             WHERE rec.id IN (SELECT id FROM scope)
            """,
            value=self._health_attitude_sql(SQL("rec.attitude")),
        )

    @api.model
    def _health_due_date_sql(self):
        # Overdue as the overview's "My overdue contacts" counts it.
        return SQL("rec.next_contact_date")

    def _health_attitude_reason(self, row):
        return dict(self._fields["attitude"]._description_selection(self.env))[
            self.attitude
        ]

    # Drift (hr.relationship.drift.mixin)

    @api.model
    def _drift_interactions_query(self, since, today):
        link = self._fields["interaction_ids"]
        return SQL(
            """
            SELECT rel.%(stakeholder)s AS id, moment.sentiment_score AS score,
                   moment.date,
                   moment.id AS moment
              FROM %(rel)s rel
              JOIN hr_relationship_interaction moment
                ON moment.id = rel.%(interaction)s
             WHERE rel.%(stakeholder)s IN (SELECT id FROM scope)
               AND moment.date > %(since)s AND moment.date <= %(today)s
            """,
            rel=SQL.identifier(link.relation),
            stakeholder=SQL.identifier(link.column1),
            interaction=SQL.identifier(link.column2),
            since=since,
            today=today,
        )

    @api.model
    def _drift_departure_query(self, today):
        # The owner gone (user archived or every employee record of theirs),
        # everybody in HR who logged a contact with them gone, or, for an
        # employee, a move to another department: their current version
        # started lately in another department than the one before. An
        # employee stakeholder who leaves is archived with their role (see
        # hr.employee), so no active stakeholder has left on its own side.
        link = self._fields["interaction_ids"]
        return SQL(
            """
            SELECT scope.id,
                   COALESCE(%(owner_left)s, FALSE) AS owner_left,
                   FALSE AS person_left,
                   COALESCE(contacts.all_left, FALSE) AS contact_left,
                   moved.id IS NOT NULL AS person_moved
              FROM scope
              LEFT JOIN res_users owner ON owner.id = scope.owner_id
              LEFT JOIN (
                    SELECT rel.%(stakeholder)s AS id,
                           bool_and(%(contact_left)s) AS all_left
                      FROM %(rel)s rel
                      JOIN hr_relationship_interaction moment
                        ON moment.id = rel.%(interaction)s
                      JOIN res_users contact ON contact.id = moment.user_id
                     WHERE rel.%(stakeholder)s IN (SELECT id FROM scope)
                       -- What the system logged has nobody behind it.
                       AND moment.user_id != %(system)s
                     GROUP BY rel.%(stakeholder)s
                   ) contacts ON contacts.id = scope.id
              LEFT JOIN (
                    SELECT stakeholder.id
                      FROM hr_stakeholder stakeholder
                      JOIN hr_employee emp ON emp.id = stakeholder.employee_id
                      JOIN hr_version cur ON cur.id = emp.current_version_id
                      JOIN LATERAL (
                            SELECT before.department_id
                              FROM hr_version before
                             WHERE before.employee_id = emp.id
                               AND before.active
                               AND before.date_version < cur.date_version
                             ORDER BY before.date_version DESC
                             LIMIT 1
                           ) before ON TRUE
                     WHERE stakeholder.id IN (SELECT id FROM scope)
                       AND cur.date_version > %(moved_since)s
                       AND cur.date_version <= %(today)s
                       AND before.department_id
                           IS DISTINCT FROM cur.department_id
                   ) moved ON moved.id = scope.id
            """,
            owner_left=self._drift_user_left_sql("owner"),
            contact_left=self._drift_user_left_sql("contact"),
            rel=SQL.identifier(link.relation),
            stakeholder=SQL.identifier(link.column1),
            interaction=SQL.identifier(link.column2),
            system=SUPERUSER_ID,
            moved_since=today - timedelta(days=DRIFT_MOVE_DAYS),
            today=today,
        )

    def _drift_owner_left_reason(self):
        return self.env._("Their owner in HR left")

    @api.model
    def _health_at_risk_recipients(self, owners, mode):
        # The HR business partners of the stakeholder's internal clients (its
        # owner when they have none), or both. Who is told is the app's
        # decision, not limited by what the user running the refresh may read.
        recipients = {}
        for stakeholder in self.sudo().browse(list(owners)):
            partners = stakeholder.internal_client_ids.hr_partner_id.ids
            owner = owners[stakeholder.id]
            users = owner + partners if mode == "both" else partners or owner
            recipients[stakeholder.id] = list(dict.fromkeys(users))
        return recipients

    # company_id always has a value at create, so creating with neither
    # person still runs the check.
    @api.constrains("employee_id", "partner_id", "company_id")
    def _check_one_person(self):
        for stakeholder in self.filtered(lambda s: not s.is_anonymised):
            if bool(stakeholder.employee_id) == bool(stakeholder.partner_id):
                raise ValidationError(
                    _(
                        "Stakeholder %(name)s must be either an employee or a "
                        "contact, not both and not neither.",
                        name=stakeholder.display_name or _("(new)"),
                    )
                )

    @api.constrains("influence", "interest")
    def _check_scores(self):
        for stakeholder in self:
            for fname in ("influence", "interest"):
                if not 1 <= stakeholder[fname] <= 5:
                    raise ValidationError(
                        _(
                            "The %(field)s of stakeholder %(name)s must be "
                            "between 1 and 5, not %(value)s.",
                            field=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            name=stakeholder.display_name,
                            value=stakeholder[fname],
                        )
                    )

    @api.model
    def _hr_ambassador_ranking_domain(self):
        """Who the Ambassador Ranking lists: the ambassadors. A bridge adds
        (OR) the people whose referrals it counts."""
        return [("ambassador", "=", True)]

    def _compute_in_ambassador_ranking(self):
        ranked = self.filtered_domain(self._hr_ambassador_ranking_domain())
        for stakeholder in self:
            stakeholder.in_ambassador_ranking = stakeholder in ranked

    def _search_in_ambassador_ranking(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                _("The Ambassador Ranking can only be searched as true or false.")
            )
        domain = self._hr_ambassador_ranking_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    @api.constrains("ambassador", "relation_type")
    def _check_ambassador(self):
        for stakeholder in self:
            if (
                stakeholder.ambassador
                and stakeholder.relation_type not in AMBASSADOR_RELATION_TYPES
            ):
                raise ValidationError(
                    _(
                        "Stakeholder %(name)s cannot be an ambassador: only "
                        "alumni, freelancers and suppliers can.",
                        name=stakeholder.display_name,
                    )
                )

    @api.constrains("internal_client_ids", "employee_id", "partner_id")
    def _check_person_unique_per_client(self):
        for client in self.internal_client_ids:
            seen = set()
            for stakeholder in client.stakeholder_ids:
                person = stakeholder.employee_id or stakeholder.partner_id
                if not person:  # anonymised: nobody left to repeat
                    continue
                key = (person._name, person.id)
                if key in seen:
                    raise ValidationError(
                        _(
                            "%(person)s is already a stakeholder of internal "
                            "client %(client)s.",
                            person=person.display_name,
                            client=client.display_name,
                        )
                    )
                seen.add(key)

    def write(self, vals):
        clients_before = self.env["hr.internal.client"]
        if "internal_client_ids" in vals:
            clients_before = self.sudo().internal_client_ids
        if "contact_cadence_days" in vals or not {"influence", "interest"} & set(vals):
            result = super().write(vals)
        else:
            # A stakeholder moving on the grid keeps its cadence (see the field).
            with self.env.protecting([self._fields["contact_cadence_days"]], self):
                result = super().write(vals)
        if {"owner_id", "internal_client_ids", "company_id"} & set(vals):
            # A former owner or business partner stops following the profile.
            self.sudo().profile_ids._hr_unsubscribe_without_access()
        if FIGURE_FIELDS & set(vals):
            # Health and network figures follow at once (their clients' too:
            # a client weighs its stakeholders' attitudes and coverage).
            clients = self.sudo().internal_client_ids
            self.env["hr.relationship.health.mixin"]._refresh_touched(
                self, clients | clients_before
            )
        return result

    @api.readonly
    def action_view_interactions(self):
        checked_records(self, single=True)
        return self.env["hr.relationship.interaction"]._action_for(
            _("Interactions with %s", self.display_name),
            [("stakeholder_ids", "in", self.ids)],
            {"default_stakeholder_ids": self.ids},
        )

    def action_log_interaction(self):
        checked_records(self)
        context = {"default_stakeholder_ids": self.ids}
        if len(self.internal_client_ids) == 1:
            context["default_internal_client_id"] = self.internal_client_ids.id
        return self.env["hr.relationship.interaction"]._action_log(context)

    def action_open_profile(self):
        checked_records(self, single=True)
        profile = self._get_profiles()
        profile.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": _("Relationship Profile of %s", self.display_name),
            "res_model": "hr.stakeholder.profile",
            "res_id": profile.id,
            "view_mode": "form",
            "target": "current",
        }
