# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, html2plaintext

from .hr_project_stakeholder import ATTITUDES, link_search, sync_positions
from .hr_relationship_health_mixin import MAX_CADENCE_DAYS
from .record_check import checked_records

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
MANAGER_GROUP = "hr_relationship.group_hr_relationship_manager"
BUSINESS_PARTNER_GROUP = "hr_relationship.group_hr_relationship_business_partner"
# Months an alumnus's consent lasts (setting) and its default.
CONSENT_VALIDITY_PARAM = "hr_relationship.consent_validity_months"
CONSENT_VALIDITY_DEFAULT = 24
# Ten years: consent is asked again at least that often.
MAX_CONSENT_VALIDITY_MONTHS = 120
# Retention of candidates (settings) and its defaults, after common European
# practice for recruitment data: anonymised 4 weeks after the last contact,
# 12 months when the candidate consented to be kept for later vacancies.
# Alumni are kept as long as their consent is valid (above).
RETENTION_WEEKS_PARAM = "hr_relationship.retention_candidate_weeks"
RETENTION_WEEKS_DEFAULT = 4
RETENTION_CONSENT_MONTHS_PARAM = "hr_relationship.retention_candidate_consent_months"
RETENTION_CONSENT_MONTHS_DEFAULT = 12
RETENTION_RELATION_TYPES = ("candidate", "alumnus")
# Marks the exported files, which the daily privacy job deletes after a day.
PRIVACY_EXPORT_MARK = "hr_relationship.privacy_export"


def add_days_capped(start, days):
    """``start`` plus ``days``, at most the last date there is: a cadence
    added to a date stored far ahead must not overflow."""
    return start + timedelta(days=min(days, (date.max - start).days))


class HrStakeholder(models.Model):
    """One person in a relationship with HR: an employee or an external
    contact, with where they stand and how they like to be approached."""

    _name = "hr.stakeholder"
    _description = "HR Stakeholder"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.relationship.health.mixin",
        "hr.relationship.concern.mixin",
    ]
    _order = "name, id"
    _concern_field = "stakeholder_id"

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    active = fields.Boolean(default=True)
    color = fields.Integer()
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
    influence = fields.Integer(
        default=2, tracking=True, help="Power over HR's projects, from 1 to 5."
    )
    interest = fields.Integer(
        default=2, tracking=True, help="Interest in HR's projects, from 1 to 5."
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
        compute="_compute_contact_cadence_days",
        store=True,
        readonly=False,
        copy=True,
        help="How often this relationship needs a contact; 0 plans none. A new "
        "stakeholder starts with the cadence its quadrant has in the settings; "
        "moving it on the grid later keeps the cadence it has.",
    )
    last_interaction_date = fields.Date(
        compute="_compute_last_interaction_date", store=True
    )
    next_contact_date = fields.Date(
        compute="_compute_next_contact_date", store=True, index=True
    )
    is_contact_overdue = fields.Boolean(
        compute="_compute_is_contact_overdue", search="_search_is_contact_overdue"
    )
    ambassador = fields.Boolean(
        tracking=True,
        help="An alumnus, freelancer or supplier who speaks up for the organisation.",
    )
    consent = fields.Boolean(
        string="Consent Given",
        tracking=True,
        help="The person agreed that HR keeps this relationship record.",
    )
    consent_date = fields.Date(
        compute="_compute_consent_stamp", store=True, readonly=False, copy=False
    )
    # Set by create() and write(), which know who records the consent.
    consent_by_id = fields.Many2one(
        "res.users", string="Consent Recorded By", copy=False
    )
    consent_purpose = fields.Text(
        help="What the person agreed that HR keeps this record for."
    )
    consent_required = fields.Boolean(
        compute="_compute_consent_required",
        store=True,
        help="External contacts and alumni need consent before HR keeps a "
        "relationship profile of them; employees do not.",
    )
    is_anonymised = fields.Boolean(
        string="Anonymised",
        readonly=True,
        copy=False,
        help="Erased on the person's request or when their consent expired: "
        "the record keeps only what the aggregate figures need.",
    )
    retention_date = fields.Date(
        string="Anonymise On",
        compute="_compute_retention_date",
        store=True,
        index="btree_not_null",
        help="The day the daily privacy job anonymises this record: for a "
        "candidate a few weeks after the last contact (months with consent), "
        "for an alumnus the day after their consent expires.",
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
    referred_lead_ids = fields.One2many(
        "crm.lead", "referred_stakeholder_id", string="Referrals"
    )
    referral_count = fields.Integer(compute="_compute_referral_count")
    interaction_count = fields.Integer(compute="_compute_interaction_count")
    satisfaction_result_ids = fields.One2many(
        "hr.satisfaction.result", "stakeholder_id", string="Survey Results"
    )
    # One person's answers: read from their latest per-stakeholder result as
    # the current user, so that they follow that result's record rules (plain
    # users get the aggregates only, business partners their clients').
    latest_satisfaction = fields.Float(
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=BUSINESS_PARTNER_GROUP,
        help="Satisfaction answer of the latest answered campaign, scaled to 0-100.",
    )
    latest_nps = fields.Float(
        string="Latest NPS",
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=BUSINESS_PARTNER_GROUP,
        help="Latest recommendation: promoter 100, passive 0, detractor -100.",
    )
    latest_survey_date = fields.Date(
        compute="_compute_latest_survey",
        compute_sudo=False,
        groups=BUSINESS_PARTNER_GROUP,
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

    @api.depends("is_external", "relation_type")
    def _compute_consent_required(self):
        for stakeholder in self:
            stakeholder.consent_required = (
                stakeholder.is_external or stakeholder.relation_type == "alumnus"
            )

    @api.depends("consent")
    def _compute_consent_stamp(self):
        # Recording consent dates it unless a date is given; withdrawing it
        # leaves no stale date behind (the chatter keeps the history).
        today = fields.Date.context_today(self)
        for stakeholder in self:
            if stakeholder.consent:
                stakeholder.consent_date = stakeholder.consent_date or today
            else:
                stakeholder.consent_date = False

    def _stamp_consent_author(self, vals):
        if "consent" in vals and "consent_by_id" not in vals:
            vals["consent_by_id"] = vals["consent"] and self.env.uid
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(
            [self._stamp_consent_author(dict(vals)) for vals in vals_list]
        )

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
    # has come; the SQL there and these computes must give the same dates.
    @api.depends("interaction_ids.date")
    def _compute_last_interaction_date(self):
        last_dates = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [
                    ("stakeholder_ids", "in", self._origin.ids),
                    ("date", "<=", fields.Date.context_today(self)),
                ],
                ["stakeholder_ids"],
                ["date:max"],
            )
        )
        for stakeholder in self:
            stakeholder.last_interaction_date = last_dates.get(
                stakeholder._origin, False
            )

    @api.depends(
        "last_interaction_date",
        "contact_cadence_days",
        "create_date",
        "interaction_ids.date",
    )
    def _compute_next_contact_date(self):
        """The earliest planned interaction, else the last contact (or the
        record's creation) plus the cadence; none without either."""
        today = fields.Date.context_today(self)
        planned_dates = dict(
            self.env["hr.relationship.interaction"]._read_group(
                [
                    ("stakeholder_ids", "in", self._origin.ids),
                    ("date", ">", today),
                ],
                ["stakeholder_ids"],
                ["date:min"],
            )
        )
        for stakeholder in self:
            planned = planned_dates.get(stakeholder._origin)
            if planned or stakeholder.contact_cadence_days <= 0:
                stakeholder.next_contact_date = planned or False
                continue
            # Never contacted: the cadence runs from when HR started the record.
            start = stakeholder.last_interaction_date or (
                stakeholder.create_date.date() if stakeholder.create_date else today
            )
            stakeholder.next_contact_date = add_days_capped(
                start, stakeholder.contact_cadence_days
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
        self.env.cr.execute(
            SQL(
                """
                WITH scope AS (
                    SELECT id, create_date, contact_cadence_days
                      FROM hr_stakeholder
                     WHERE %(in_scope)s
                ), contact AS (
                    SELECT rel.stakeholder_id,
                           MAX(interaction.date)
                               FILTER (WHERE interaction.date <= %(today)s)
                               AS last_date,
                           MIN(interaction.date)
                               FILTER (WHERE interaction.date > %(today)s)
                               AS planned_date
                      FROM hr_relationship_interaction_stakeholder_rel rel
                      JOIN hr_relationship_interaction interaction
                        ON interaction.id = rel.interaction_id
                     WHERE rel.stakeholder_id IN (SELECT id FROM scope)
                     GROUP BY rel.stakeholder_id
                ), started AS (
                    SELECT scope.id, scope.contact_cadence_days AS cadence,
                           contact.last_date, contact.planned_date,
                           COALESCE(contact.last_date, scope.create_date::date)
                               AS start
                      FROM scope
                 LEFT JOIN contact ON contact.stakeholder_id = scope.id
                ), fresh AS (
                    SELECT id, last_date,
                           CASE WHEN planned_date IS NOT NULL THEN planned_date
                                WHEN cadence > 0
                                THEN start + LEAST(cadence, %(max_date)s - start)
                           END AS next_date
                      FROM started
                )
                UPDATE hr_stakeholder stakeholder
                   SET last_interaction_date = fresh.last_date,
                       next_contact_date = fresh.next_date
                  FROM fresh
                 WHERE stakeholder.id = fresh.id
                   AND (stakeholder.last_interaction_date
                            IS DISTINCT FROM fresh.last_date
                        OR stakeholder.next_contact_date
                            IS DISTINCT FROM fresh.next_date)
                """,
                in_scope=in_scope,
                today=fields.Date.context_today(self),
                max_date=date.max,
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
            or user.has_group(MANAGER_GROUP)
            or (
                user.has_group(BUSINESS_PARTNER_GROUP)
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
        profiles = stored._get_profiles()
        # Raises AccessError for anybody the profile rules do not admit.
        profiles.check_access("read")
        by_stakeholder = {profile.stakeholder_id.id: profile for profile in profiles}
        for stakeholder in stored:
            profile = by_stakeholder[stakeholder.id]
            for fname in PROFILE_FIELDS:
                stakeholder[fname] = profile[fname]

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

    def _compute_referral_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("referred_stakeholder_id", "in", self._origin.ids)],
                ["referred_stakeholder_id"],
                ["__count"],
            )
        )
        for stakeholder in self:
            stakeholder.referral_count = counts.get(stakeholder._origin, 0)

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
        vals = self._stamp_consent_author(dict(vals))
        if not vals.get("consent"):
            # Before anything is written; the profile checks again after.
            self._check_profile_consent(vals)
        if "contact_cadence_days" in vals or not {"influence", "interest"} & set(vals):
            result = super().write(vals)
        else:
            # A stakeholder moving on the grid keeps its cadence (see the field).
            with self.env.protecting([self._fields["contact_cadence_days"]], self):
                result = super().write(vals)
        if {"consent", "employee_id", "partner_id", "relation_type"} & set(vals):
            self._drop_profiles_without_consent()
        if {"owner_id", "internal_client_ids", "company_id"} & set(vals):
            # A former owner or business partner stops following the profile.
            self.sudo().profile_ids._hr_unsubscribe_without_access()
        return result

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

    def action_view_referrals(self):
        checked_records(self, single=True)
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action.update(
            domain=[("referred_stakeholder_id", "=", self.id)],
            context={
                "default_referred_stakeholder_id": self.id,
                "active_test": False,
            },
        )
        return action

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

    # ------------------------------------------------------------
    # Consent and the data subject's rights
    # ------------------------------------------------------------

    def _lacks_consent(self):
        return self.filtered(lambda s: s.consent_required and not s.consent)

    def _check_profile_consent(self, vals):
        """Refuse profile values for anybody who has not consented."""
        if not any(vals.get(fname) for fname in PROFILE_FIELDS):
            return
        for stakeholder in self.sudo()._lacks_consent():
            raise ValidationError(
                _(
                    "%(name)s has not given consent: record their consent "
                    "before filling in their relationship profile.",
                    name=stakeholder.display_name,
                )
            )

    def _drop_profiles_without_consent(self):
        """A profile may only exist with consent: deleting it, rather than
        emptying it, also removes the old values from its tracking history."""
        self.sudo()._lacks_consent().profile_ids.unlink()

    def _check_privacy_admin(self):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                _(
                    "Only relationship administrators can export or erase the "
                    "personal data of stakeholders."
                )
            )

    def _privacy_answers(self, non_anonymous_only=False):
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .with_context(active_test=False)
            .search([("hr_stakeholder_id", "in", self.ids)])
        )
        if non_anonymous_only:
            answers = answers.filtered(lambda a: not a.hr_campaign_id.anonymous)
        return answers

    def _privacy_export_data(self):
        """Everything held about these stakeholders, as plain JSON values:
        the records, profiles, interactions, the concerns they raised, their
        non-anonymous survey answers and per-stakeholder results."""
        self._check_privacy_admin()
        stakeholders = self.sudo().with_context(active_test=False)

        def name_of(record):
            return record.display_name or False

        data = {
            "stakeholders": [],
            "interactions": [],
            "concerns": [],
            "survey_answers": [],
        }
        for stakeholder in stakeholders:
            profile = stakeholder.profile_ids[:1]
            data["stakeholders"].append(
                {
                    "id": stakeholder.id,
                    "name": stakeholder.name,
                    "email": stakeholder.email or False,
                    "phone": stakeholder.phone or False,
                    "employee": name_of(stakeholder.employee_id),
                    "contact": name_of(stakeholder.partner_id),
                    "former_employee": name_of(stakeholder.former_employee_id),
                    "company": stakeholder.company_id.name,
                    "relation_type": stakeholder.relation_type,
                    "internal_clients": stakeholder.internal_client_ids.mapped(
                        "display_name"
                    ),
                    "projects": stakeholder.project_ids.mapped("display_name"),
                    "influence": stakeholder.influence,
                    "interest": stakeholder.interest,
                    "attitude": stakeholder.attitude,
                    "owner": name_of(stakeholder.owner_id),
                    "preferred_channel": stakeholder.preferred_channel or False,
                    "expectations": stakeholder.expectations or False,
                    "ambassador": stakeholder.ambassador,
                    "consent": stakeholder.consent,
                    "consent_date": fields.Date.to_string(stakeholder.consent_date),
                    "consent_by": name_of(stakeholder.consent_by_id),
                    "consent_purpose": stakeholder.consent_purpose or False,
                    "profile": {
                        fname: profile[fname] or False for fname in PROFILE_FIELDS
                    },
                    "survey_results": [
                        {
                            "campaign": result.campaign_id.name,
                            "date": fields.Date.to_string(result.date),
                            "satisfaction_index": result.satisfaction_index,
                            "nps": result.nps,
                        }
                        for result in stakeholder.satisfaction_result_ids
                    ],
                }
            )
        data["relations"] = [
            {
                "person": name_of(side.this_partner_id),
                "relation": side.type_id._label(side.is_inverse),
                "other_person": name_of(side.other_partner_id),
                "date_start": fields.Date.to_string(side.date_start),
                "date_end": fields.Date.to_string(side.date_end),
            }
            for side in stakeholders.person_partner_id.hr_person_relation_ids
        ]
        for interaction in stakeholders.interaction_ids.sorted("date"):
            data["interactions"].append(
                {
                    "id": interaction.id,
                    "subject": interaction.name,
                    "date": fields.Date.to_string(interaction.date),
                    "type": interaction.interaction_type,
                    "internal_client": name_of(interaction.internal_client_id),
                    "project": name_of(interaction.project_id),
                    "logged_by": name_of(interaction.user_id),
                    "sentiment": interaction.sentiment or False,
                    "summary": html2plaintext(interaction.summary or ""),
                    "stakeholder_ids": (interaction.stakeholder_ids & stakeholders).ids,
                }
            )
        concerns = (
            self.env["hr.relationship.concern"]
            .sudo()
            .search([("stakeholder_id", "in", stakeholders.ids)], order="id")
        )
        for concern in concerns:
            data["concerns"].append(
                {
                    "id": concern.id,
                    "stakeholder_id": concern.stakeholder_id.id,
                    "concern": concern.name,
                    "internal_client": name_of(concern.internal_client_id),
                    "project": name_of(concern.project_id),
                    "topics": concern.topic_ids.mapped("name"),
                    "owner": name_of(concern.user_id),
                    "deadline": fields.Date.to_string(concern.deadline),
                    "status": concern.state,
                    "description": html2plaintext(concern.description or ""),
                    "resolution": html2plaintext(concern.resolution or ""),
                }
            )
        for answer in stakeholders._privacy_answers(non_anonymous_only=True):
            data["survey_answers"].append(
                {
                    "id": answer.id,
                    "stakeholder_id": answer.hr_stakeholder_id.id,
                    "campaign": answer.hr_campaign_id.name,
                    "survey": answer.survey_id.title,
                    "state": answer.state,
                    "answers": [
                        {
                            "question": line.question_id.title,
                            "answer": str(line._get_answer_value() or ""),
                        }
                        for line in answer.user_input_line_ids
                        if not line.skipped
                    ],
                }
            )
        return data

    def action_privacy_export(self):
        """Download of everything held about these stakeholders, kept as an
        attachment only administrators can read."""
        checked_records(self)
        data = self._privacy_export_data()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": _(
                        "personal-data-%(date)s.json",
                        date=fields.Date.to_string(fields.Date.context_today(self)),
                    ),
                    "raw": json.dumps(data, indent=2, ensure_ascii=False).encode(),
                    "mimetype": "application/json",
                    "description": PRIVACY_EXPORT_MARK,
                    # Not on a record: only its creator and system admins see it.
                    "res_model": False,
                    "res_id": False,
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_privacy_erase(self):
        checked_records(self)
        self._check_privacy_admin()
        self._privacy_anonymise()
        return True

    def _privacy_anonymise(self, reason="request"):
        """Erase the person behind these stakeholders. Interactions and
        campaigns keep pointing at the anonymised record, and the stored
        aggregate results (campaign, internal client) stay as they are; only
        what identifies the person goes: names, contact details, profile,
        chatter, the link from their survey answers and their own results."""
        stakeholders = self.sudo().with_context(active_test=False)
        if not stakeholders:
            return
        # The log proves the erasure without keeping anything of the person.
        self.env["hr.relationship.retention.log"].sudo().create(
            [
                {
                    "stakeholder_ref": stakeholder.id,
                    "relation_type": stakeholder.relation_type,
                    "reason": reason,
                    "retention_date": reason != "request"
                    and stakeholder.retention_date,
                    "company_id": stakeholder.company_id.id,
                }
                for stakeholder in stakeholders
            ]
        )
        answers = stakeholders._privacy_answers()
        answers.write({"hr_stakeholder_id": False, "partner_id": False, "email": False})
        answers.filtered("nickname").write({"nickname": False})
        stakeholders.satisfaction_result_ids.unlink()
        stakeholders.profile_ids.unlink()
        # What HR recorded about the person's ties to others goes with them.
        persons = stakeholders.person_partner_id
        self.env["hr.person.relation"].sudo().with_context(active_test=False).search(
            [
                "|",
                ("left_partner_id", "in", persons.ids),
                ("right_partner_id", "in", persons.ids),
            ]
        ).unlink()
        stakeholders.activity_ids.unlink()
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", stakeholders.ids)]
        ).unlink()
        stakeholders.with_context(tracking_disable=True).write(
            {
                "is_anonymised": True,
                "active": False,
                "employee_id": False,
                "partner_id": False,
                "former_employee_id": False,
                "ambassador": False,
                "consent": False,
                "consent_purpose": False,
                "preferred_channel": False,
                "expectations": False,
                "color": 0,
            }
        )

    @api.model
    def _consent_validity_months(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(CONSENT_VALIDITY_PARAM, CONSENT_VALIDITY_DEFAULT)
        )
        try:
            # The settings check the range; a parameter edited by hand must
            # not make the daily job compute a date before year 1.
            return min(int(value), MAX_CONSENT_VALIDITY_MONTHS)
        except (TypeError, ValueError):
            return CONSENT_VALIDITY_DEFAULT

    @api.model
    def _retention_settings(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        settings = {"alumnus_months": self._consent_validity_months()}
        for key, param, default in (
            ("candidate_weeks", RETENTION_WEEKS_PARAM, RETENTION_WEEKS_DEFAULT),
            (
                "candidate_consent_months",
                RETENTION_CONSENT_MONTHS_PARAM,
                RETENTION_CONSENT_MONTHS_DEFAULT,
            ),
        ):
            try:
                settings[key] = int(get_param(param, default))
            except (TypeError, ValueError):
                settings[key] = default
        return settings

    @api.depends(
        "relation_type",
        "consent",
        "consent_date",
        "last_interaction_date",
        "create_date",
        "is_anonymised",
    )
    def _compute_retention_date(self):
        settings = self._retention_settings()
        today = fields.Date.context_today(self)
        for stakeholder in self:
            stakeholder.retention_date = stakeholder._retention_end(settings, today)

    def _retention_end(self, settings, today):
        self.ensure_one()
        if self.is_anonymised:
            return False
        if self.relation_type == "alumnus":
            months = settings["alumnus_months"]
            if months <= 0 or not self.consent_date:
                return False
            # Consent is valid through its last day.
            return self.consent_date + relativedelta(months=months, days=1)
        if self.relation_type != "candidate":
            return False
        # The clock runs from the latest of the last contact, the creation of
        # the record and the consent: importing an old candidate or recording
        # consent today never makes the record due at once.
        starts = [
            self.last_interaction_date,
            self.create_date and self.create_date.date(),
        ]
        if self.consent and self.consent_date:
            starts.append(self.consent_date)
            period = relativedelta(months=settings["candidate_consent_months"])
        else:
            period = relativedelta(weeks=settings["candidate_weeks"])
        return max(filter(None, starts), default=today) + period

    def _retention_reason(self):
        self.ensure_one()
        if self.relation_type == "alumnus":
            return "consent_expired"
        if self.consent:
            return "candidate_consent"
        return "candidate_no_consent"

    @api.model
    def _refresh_retention_dates(self):
        """Recompute the retention dates of everyone a retention period
        applies to: they follow the settings, and the contact dates that the
        nightly refresh writes in SQL, neither of which the ORM watches."""
        stakeholders = self.with_context(active_test=False).search(
            [
                ("relation_type", "in", RETENTION_RELATION_TYPES),
                ("is_anonymised", "=", False),
            ]
        )
        self.env.add_to_compute(self._fields["retention_date"], stakeholders)
        stakeholders.flush_recordset(["retention_date"])
        return stakeholders

    @api.model
    def _gc_privacy_exports(self):
        """An export is for downloading now, not for keeping a second copy
        of the personal data around."""
        self.env["ir.attachment"].sudo().search(
            [
                ("description", "=", PRIVACY_EXPORT_MARK),
                ("res_model", "=", False),
                ("create_date", "<", fields.Datetime.now() - timedelta(days=1)),
            ]
        ).unlink()

    @api.model
    def _cron_anonymise_expired_consent(self):
        """Anonymise every stakeholder whose retention period has ended (see
        retention_date): candidates some time after their last contact,
        alumni when their consent expires. Old export files go too."""
        self._gc_privacy_exports()
        self._refresh_contact_dates()
        self._refresh_retention_dates()
        due = self.with_context(active_test=False).search(
            [
                ("retention_date", "<=", fields.Date.context_today(self)),
                ("is_anonymised", "=", False),
            ]
        )
        for reason, stakeholders in due.grouped(
            lambda s: s._retention_reason()
        ).items():
            stakeholders._privacy_anonymise(reason)
        return True
