# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Privacy of stakeholders: consent, the data subject's rights (export and
erasure), anonymisation and the retention job. Everything else about a
stakeholder lives in hr_stakeholder.py."""

import json
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, html2plaintext

from ..tools.groups import RELATIONSHIP_MANAGER
from ..tools.record_check import checked_records
from .hr_stakeholder import PROFILE_FIELDS

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
# The field each entry of the export comes from, by list: its label in the
# file is that field's string in the user's language, and a choice is
# written as the choice's label. (list: (model, {entry: field}))
PRIVACY_EXPORT_FIELDS = {
    "stakeholders": (
        "hr.stakeholder",
        {
            "name": "name",
            "email": "email",
            "phone": "phone",
            "employee": "employee_id",
            "contact": "partner_id",
            "former_employee": "former_employee_id",
            "company": "company_id",
            "relation_type": "relation_type",
            "internal_clients": "internal_client_ids",
            "projects": "project_ids",
            "influence": "influence",
            "interest": "interest",
            "attitude": "attitude",
            "owner": "owner_id",
            "preferred_channel": "preferred_channel",
            "expectations": "expectations",
            "ambassador": "ambassador",
            "consent": "consent",
            "consent_date": "consent_date",
            "consent_by": "consent_by_id",
            "consent_purpose": "consent_purpose",
            "profile": "profile_ids",
            "survey_results": "satisfaction_result_ids",
        },
    ),
    "stakeholders.profile": (
        "hr.stakeholder.profile",
        {fname: fname for fname in PROFILE_FIELDS},
    ),
    "stakeholders.survey_results": (
        "hr.satisfaction.result",
        {
            "campaign": "campaign_id",
            "date": "date",
            "satisfaction_index": "satisfaction_index",
            "nps": "nps",
        },
    ),
    "relations": (
        "hr.person.relation.side",
        {
            "person": "this_partner_id",
            "relation": "type_id",
            "other_person": "other_partner_id",
            "date_start": "date_start",
            "date_end": "date_end",
        },
    ),
    "interactions": (
        "hr.relationship.interaction",
        {
            "subject": "name",
            "date": "date",
            "type": "interaction_type",
            "internal_client": "internal_client_id",
            "project": "project_id",
            "logged_by": "user_id",
            "sentiment": "sentiment",
            "summary": "summary",
            "stakeholder_ids": "stakeholder_ids",
        },
    ),
    "concerns": (
        "hr.relationship.concern",
        {
            "stakeholder_id": "stakeholder_id",
            "concern": "name",
            "internal_client": "internal_client_id",
            "project": "project_id",
            "topics": "topic_ids",
            "owner": "user_id",
            "deadline": "deadline",
            "status": "state",
            "description": "description",
            "resolution": "resolution",
        },
    ),
    "commitments": (
        "hr.relationship.commitment",
        {
            "stakeholder_id": "stakeholder_id",
            "commitment": "name",
            "internal_client": "internal_client_id",
            "owner": "user_id",
            "due_date": "date_due",
            "status": "state",
            "kept_on": "date_done",
            "interaction_id": "interaction_id",
            "description": "description",
        },
    ),
    "survey_answers": (
        "survey.user_input",
        {
            "campaign": "hr_campaign_id",
            "survey": "survey_id",
            "state": "state",
            "answers": "user_input_line_ids",
        },
    ),
    "survey_answers.answers": (
        "survey.user_input.line",
        # The answer, of whatever kind, has a label of its own (below).
        {"question": "question_id"},
    ),
}


# Kept apart from hr_stakeholder.py on purpose, as survey keeps its templates
# apart from its surveys: privacy is one concern with its own reviewers.
class HrStakeholderPrivacy(models.Model):
    """Consent and the data subject's rights on stakeholders."""

    _inherit = "hr.stakeholder"  # pylint: disable=consider-merging-classes-inherited

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

    def write(self, vals):
        vals = self._stamp_consent_author(dict(vals))
        if not vals.get("consent"):
            # Before anything is written; the profile checks again after.
            self._check_profile_consent(vals)
        result = super().write(vals)
        if {"consent", "employee_id", "partner_id", "relation_type"} & set(vals):
            self._drop_profiles_without_consent()
        return result

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
        if not (self.env.su or self.env.user.has_group(RELATIONSHIP_MANAGER)):
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
        the records, profiles, interactions, the concerns they raised, what
        HR promised them, their non-anonymous survey answers and
        per-stakeholder results."""
        self._check_privacy_admin()
        stakeholders = self.sudo().with_context(active_test=False)

        def name_of(record):
            return record.display_name or False

        data = {
            "stakeholders": [],
            "interactions": [],
            "concerns": [],
            "commitments": [],
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

        def raised_or_promised(model_name):
            # What the person raised or was promised, whoever may see it.
            return (
                self.env[model_name]
                .sudo()
                .search([("stakeholder_id", "in", stakeholders.ids)], order="id")
            )

        data["concerns"] = [
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
            for concern in raised_or_promised("hr.relationship.concern")
        ]
        data["commitments"] = [
            {
                "id": commitment.id,
                "stakeholder_id": commitment.stakeholder_id.id,
                "commitment": commitment.name,
                "internal_client": name_of(commitment.internal_client_id),
                "owner": name_of(commitment.user_id),
                "due_date": fields.Date.to_string(commitment.date_due),
                "status": commitment.state,
                "kept_on": fields.Date.to_string(commitment.date_done),
                "interaction_id": commitment.interaction_id.id or False,
                "description": html2plaintext(commitment.description or ""),
            }
            for commitment in raised_or_promised("hr.relationship.commitment")
        ]
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

    @api.model
    def _privacy_export_fields(self):
        """The field each entry of the export comes from, by list (see
        PRIVACY_EXPORT_FIELDS), as a copy a bridge adds its entries to."""
        return {
            path: (model_name, dict(entries))
            for path, (model_name, entries) in PRIVACY_EXPORT_FIELDS.items()
        }

    def _privacy_export_readable(self, data):
        """``data`` for the person who reads it: each choice written as its
        label, and ``labels`` giving each entry (``list.entry``) the string
        of the field it comes from, both in the user's language; the
        entries' own names stay, so that the file can also be read by a
        program."""
        env = self.env
        labels = {}
        for path, (model_name, entries) in self._privacy_export_fields().items():
            model_fields = env[model_name]._fields
            if "." not in path:
                labels[path] = env["ir.model"]._get(model_name).name
            # The rows of this list: a path walks lists and single dicts.
            rows = [data]
            for step in path.split("."):
                children = [parent.get(step) or [] for parent in rows]
                rows = [
                    row
                    for child in children
                    for row in (child if isinstance(child, list) else [child])
                ]
            for entry, fname in entries.items():
                field = model_fields.get(fname)
                if not field:
                    continue
                labels[f"{path}.{entry}"] = field._description_string(env)
                if field.type != "selection":
                    continue
                choices = dict(field._description_selection(env))
                for row in rows:
                    if row.get(entry) in choices:
                        row[entry] = choices[row[entry]]
        labels["survey_answers.answers.answer"] = _("Answer")
        return {"labels": labels, **data}

    def action_privacy_export(self):
        """Download of everything held about these stakeholders, kept as an
        attachment only administrators can read."""
        checked_records(self)
        data = self._privacy_export_readable(self._privacy_export_data())
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
        """Erase the person behind these stakeholders. Interactions,
        concerns, commitments and campaigns keep pointing at the anonymised
        record, and the stored aggregate results (campaign, internal client,
        say-do ratio) stay as they are; only what identifies the person goes:
        names, contact details, profile, chatter, the link from their survey
        answers and their own results, and their name in the tracked changes
        of other records (a concern or commitment moved to or from them)."""
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
        stakeholders._privacy_scrub_tracking()

    def _privacy_scrub_tracking(self):
        """Tracked changes of a field pointing at these stakeholders (the
        stakeholder of a concern or a commitment) stored their name as it
        was: they now read as the anonymised record."""
        Tracking = self.env["mail.tracking.value"].sudo()
        in_fields = [
            ("field_id.ttype", "=", "many2one"),
            ("field_id.relation", "=", self._name),
        ]
        for side in ("old", "new"):
            trackings = Tracking.search(
                [*in_fields, (f"{side}_value_integer", "in", self.ids)]
            )
            for stakeholder_id, values in trackings.grouped(
                f"{side}_value_integer"
            ).items():
                values.write(
                    {f"{side}_value_char": self.browse(stakeholder_id).display_name}
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
    def _refresh_retention_dates(self, stakeholder_ids=None):
        """Recompute the retention dates of everyone a retention period
        applies to (among ``stakeholder_ids`` when given): they follow the
        settings, and the contact dates that the nightly refresh writes in
        SQL, neither of which the ORM watches."""
        domain = [
            ("relation_type", "in", RETENTION_RELATION_TYPES),
            ("is_anonymised", "=", False),
        ]
        if stakeholder_ids is not None:
            domain.append(("id", "in", list(stakeholder_ids)))
        stakeholders = self.with_context(active_test=False).search(domain)
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
        # A batch of stakeholders at a time, each step over all of them
        # before the next (see hr.relationship.job.progress): the retention
        # dates read the contact dates, the erasure the retention dates. An
        # anonymised stakeholder leaves the last step's scope.
        today = fields.Date.context_today(self)
        applies = SQL(
            "rec.relation_type IN %s AND NOT COALESCE(rec.is_anonymised, FALSE)",
            tuple(RETENTION_RELATION_TYPES),
        )
        self.flush_model(["relation_type", "is_anonymised", "retention_date"])
        self.env["hr.relationship.job.progress"]._run_batches(
            "retention",
            [
                ("exports", None, None, lambda _ids: self._gc_privacy_exports()),
                ("contact_dates", self, None, self._refresh_contact_dates),
                ("retention_dates", self, applies, self._refresh_retention_dates),
                (
                    "anonymise",
                    self,
                    SQL("%s AND rec.retention_date <= %s", applies, today),
                    self._anonymise_expired,
                ),
            ],
        )
        return True

    @api.model
    def _anonymise_expired(self, ids):
        due = (
            self.with_context(active_test=False)
            .browse(ids)
            .filtered_domain(
                [
                    ("retention_date", "<=", fields.Date.context_today(self)),
                    ("is_anonymised", "=", False),
                ]
            )
        )
        for reason, stakeholders in due.grouped(
            lambda s: s._retention_reason()
        ).items():
            stakeholders._privacy_anonymise(reason)
