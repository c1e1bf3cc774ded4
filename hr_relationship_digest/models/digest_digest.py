# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from odoo.addons.hr_relationship.tools.groups import RELATIONSHIP_USER

# The menu the KPIs' "Open Report" links open their list in.
ROOT_MENU = "hr_relationship.menu_relationship_root"
KPI_ACTIONS = {
    # The overview lists the overdue contacts of both kinds of relationship.
    "kpi_hr_relationship_overdue": "hr_relationship.hr_relationship_overview_action",
    "kpi_hr_relationship_at_risk": "hr_relationship.hr_stakeholder_action",
    "kpi_hr_relationship_concern": "hr_relationship.hr_relationship_concern_action",
    "kpi_hr_relationship_csat": "hr_relationship.action_hr_satisfaction_result",
    "kpi_hr_relationship_nps": "hr_relationship.action_hr_satisfaction_result",
    "kpi_hr_relationship_commitment": (
        "hr_relationship.hr_relationship_commitment_action"
    ),
    # The overview lists the recipient's drifting relationships, with why.
    "kpi_hr_relationship_drifting": "hr_relationship.hr_relationship_overview_action",
}


class DigestDigest(models.Model):
    """The relationship figures in Odoo's periodic digest, as its own apps
    add theirs: a KPI is a boolean that selects it and a compute of its value
    over the period in the context, for the digests' companies, as the
    recipient (digest reads each value as each recipient, and leaves out of
    their e-mail what raises AccessError for them)."""

    _inherit = "digest.digest"

    kpi_hr_relationship_overdue = fields.Boolean("Overdue Relationship Contacts")
    kpi_hr_relationship_overdue_value = fields.Integer(
        compute="_compute_kpi_hr_relationship_overdue_value",
        export_string_translation=False,
    )
    kpi_hr_relationship_at_risk = fields.Boolean("Stakeholders at Risk")
    kpi_hr_relationship_at_risk_value = fields.Integer(
        compute="_compute_kpi_hr_relationship_at_risk_value",
        export_string_translation=False,
    )
    kpi_hr_relationship_concern = fields.Boolean("New Concerns")
    kpi_hr_relationship_concern_value = fields.Integer(
        compute="_compute_kpi_hr_relationship_concern_value",
        export_string_translation=False,
    )
    kpi_hr_relationship_csat = fields.Boolean("Internal Client CSAT")
    kpi_hr_relationship_csat_value = fields.Float(
        compute="_compute_kpi_hr_relationship_csat_value",
        export_string_translation=False,
    )
    kpi_hr_relationship_nps = fields.Boolean("Internal Client NPS")
    kpi_hr_relationship_nps_value = fields.Float(
        compute="_compute_kpi_hr_relationship_nps_value",
        export_string_translation=False,
    )

    kpi_hr_relationship_commitment = fields.Boolean("Commitments Due")
    kpi_hr_relationship_commitment_value = fields.Integer(
        compute="_compute_kpi_hr_relationship_commitment_value",
        export_string_translation=False,
    )

    kpi_hr_relationship_drifting = fields.Boolean("Drifting Relationships")
    kpi_hr_relationship_drifting_value = fields.Integer(
        compute="_compute_kpi_hr_relationship_drifting_value",
        export_string_translation=False,
    )

    def _compute_kpi_hr_relationship_overdue_value(self):
        """Contacts that fell overdue in the period and still are, of every
        kind of relationship with a health (stakeholders and internal
        clients), as health's warning sign defines overdue. A contact due on
        a day is overdue from the next: the due days run from the period's
        first day up to, not including, its last."""
        self._hr_relationship_check_access()
        first_day, last_day = self._hr_relationship_days()
        overdue = Counter()
        for Model in self.env["hr.relationship.health.mixin"]._health_models():
            overdue.update(
                self._hr_relationship_by_company(
                    Model._name,
                    Model._contact_overdue_domain(
                        due_from=first_day, due_before=last_day
                    ),
                )
            )
        self._hr_relationship_assign("kpi_hr_relationship_overdue_value", overdue)

    def _compute_kpi_hr_relationship_at_risk_value(self):
        """Stakeholders at risk when the digest is made, whatever the period:
        health keeps no date of when a relationship became at risk."""
        self._hr_relationship_check_access()
        self._hr_relationship_assign(
            "kpi_hr_relationship_at_risk_value",
            self._hr_relationship_by_company(
                "hr.stakeholder", [("health_state", "=", "at_risk")]
            ),
        )

    def _compute_kpi_hr_relationship_drifting_value(self):
        """Stakeholders and internal clients drifting or at risk of loss
        when the digest is made, whatever the period: as health, drift keeps
        no date of when it began."""
        self._hr_relationship_check_access()
        drifting = Counter()
        for Model in self.env["hr.relationship.health.mixin"]._health_models():
            drifting.update(
                self._hr_relationship_by_company(
                    Model._name, [("drift_state", "!=", "steady")]
                )
            )
        self._hr_relationship_assign("kpi_hr_relationship_drifting_value", drifting)

    def _compute_kpi_hr_relationship_concern_value(self):
        self._hr_relationship_check_access()
        self._calculate_company_based_kpi(
            "hr.relationship.concern", "kpi_hr_relationship_concern_value"
        )

    def _compute_kpi_hr_relationship_commitment_value(self):
        """HR's promises that came due in the period, kept or not: the
        denominator of the say-do ratio. As a campaign's closing, a
        commitment due today counts in today's digest."""
        self._hr_relationship_check_access()
        first_day, last_day = self._hr_relationship_days()
        self._hr_relationship_assign(
            "kpi_hr_relationship_commitment_value",
            self._hr_relationship_by_company(
                "hr.relationship.commitment",
                [
                    ("state", "!=", "cancelled"),
                    ("date_due", ">", first_day),
                    ("date_due", "<=", last_day),
                ],
            ),
        )

    def _compute_kpi_hr_relationship_csat_value(self):
        self._hr_relationship_customer_value("csat")

    def _compute_kpi_hr_relationship_nps_value(self):
        self._hr_relationship_customer_value("nps")

    def _hr_relationship_customer_value(self, figure):
        """The mean ``figure`` of the customer-value campaigns closed in the
        period, 0 when none has it: the average the results' reports show.
        Withheld results are left out by name, not trusted to be empty."""
        self._hr_relationship_check_access()
        first_day, last_day = self._hr_relationship_days()
        Result = self.env["hr.satisfaction.result"]
        # A result is dated the day its campaign closed; today's closings
        # count in today's digest.
        domain = Result._customer_value_domain() & Domain(
            [
                ("withheld", "=", False),
                ("date", ">", first_day),
                ("date", "<=", last_day),
            ]
        )
        self._hr_relationship_assign(
            f"kpi_hr_relationship_{figure}_value",
            self._hr_relationship_by_company(Result._name, domain, f"{figure}:avg"),
        )

    def _hr_relationship_check_access(self):
        # As Odoo's own KPIs: the digest skips a KPI that raises AccessError
        # for a recipient, instead of the whole e-mail.
        if not self.env.user.has_group(RELATIONSHIP_USER):
            raise AccessError(
                self.env._("Do not have access, skip this data for user's digest email")
            )

    def _hr_relationship_days(self):
        """The digest's period in days (the dates of its start and end)."""
        start, end, __ = self._get_kpi_compute_parameters()
        return fields.Date.to_date(start), fields.Date.to_date(end)

    def _hr_relationship_by_company(self, model, domain, aggregate="__count"):
        """{company: aggregate} over the records of ``model`` in ``domain``
        and in the digests' companies, in one grouped query read as the
        recipient, so that record rules apply."""
        __, __, companies = self._get_kpi_compute_parameters()
        return dict(
            self.env[model]._read_group(
                Domain("company_id", "in", companies.ids) & Domain(domain),
                ["company_id"],
                [aggregate],
            )
        )

    def _hr_relationship_assign(self, field_name, per_company):
        # A digest without a company reports the current one, as digest does.
        for digest in self:
            company = digest.company_id or self.env.company
            digest[field_name] = per_company.get(company) or 0

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = self.env.ref(ROOT_MENU).id
        for kpi, action in KPI_ACTIONS.items():
            res[kpi] = f"{action}?menu_id={menu}"
        return res
