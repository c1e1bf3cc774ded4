# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter, defaultdict

from odoo import Command, api, fields, models

# CSAT counts 4 and 5 on the 1-5 satisfaction scale as satisfied; NPS counts
# 9-10 as promoters and 0-6 as detractors on the 0-10 recommendation scale.
CSAT_SATISFIED_MIN = 4
SATISFACTION_MIN, SATISFACTION_MAX = 1, 5
NPS_PROMOTER_MIN = 9
NPS_DETRACTOR_MAX = 6
ALL_ROLES = (
    "satisfaction",
    "recommendation",
    "service_importance",
    "service_performance",
)
STAKEHOLDER_ROLES = ("satisfaction", "recommendation")
# Result scope and the field of survey answers (and answer lines) that
# groups them; internal clients come through the stakeholder who answered.
RESULT_SCOPES = (
    ("campaign", None),
    ("internal_client", "hr_internal_client_ids"),
    ("stakeholder", "hr_stakeholder_id"),
)


def _bucket(buckets, scope, campaign, target):
    """The tallies of the result a grouped row counts in, or None when it
    counts in none (a client outside the campaign, an answer without one)."""
    if scope == "campaign":
        target = None
    elif not target or (
        scope == "internal_client" and target not in campaign.internal_client_ids
    ):
        return None
    return buckets.setdefault(
        (campaign, scope, target),
        {"invited": 0, "responded": 0, "values": defaultdict(Counter)},
    )


def _mean(histogram):
    count = histogram.total()
    if not count:
        return False
    return sum(value * n for value, n in histogram.items()) / count


class HrSatisfactionResult(models.Model):
    """Stored outcome of a closed campaign, for the whole campaign, per
    internal client and (when not anonymous) per stakeholder."""

    _name = "hr.satisfaction.result"
    _description = "HR Customer-Value Survey Result"
    _order = "date desc, campaign_id, scope, id"
    _rec_name = "campaign_id"

    campaign_id = fields.Many2one(
        "hr.satisfaction.survey", required=True, ondelete="cascade", index=True
    )
    # Copied from the campaign when the results are made, not related, so
    # that storing thousands of results costs no extra write per row.
    company_id = fields.Many2one("res.company", required=True, index=True)
    date = fields.Date(required=True, help="The day the campaign was closed.")
    scope = fields.Selection(
        [
            ("campaign", "Whole Campaign"),
            ("internal_client", "Internal Client"),
            ("stakeholder", "Stakeholder"),
        ],
        required=True,
    )
    internal_client_id = fields.Many2one(
        "hr.internal.client", ondelete="cascade", index="btree_not_null"
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder", ondelete="cascade", index="btree_not_null"
    )
    invited_count = fields.Integer(string="Invited")
    responded_count = fields.Integer(string="Responded")
    response_rate = fields.Float(aggregator="avg", digits=(5, 1), help="In percent.")
    satisfaction_count = fields.Integer(string="Satisfaction Answers")
    mean_satisfaction = fields.Float(aggregator="avg", digits=(3, 2))
    satisfaction_index = fields.Float(
        aggregator="avg",
        digits=(5, 1),
        help="Mean satisfaction rescaled from 1-5 to 0-100.",
    )
    csat = fields.Float(
        string="CSAT",
        aggregator="avg",
        digits=(5, 1),
        help="Share of satisfaction answers of 4 or 5, in percent.",
    )
    recommendation_count = fields.Integer(string="Recommendation Answers")
    promoter_count = fields.Integer(string="Promoters")
    passive_count = fields.Integer(string="Passives")
    detractor_count = fields.Integer(string="Detractors")
    nps = fields.Float(
        string="NPS",
        aggregator="avg",
        digits=(5, 1),
        help="Promoters (9-10) minus detractors (0-6), in percent of answers.",
    )
    service_result_ids = fields.One2many(
        "hr.satisfaction.service.result", "result_id", string="Per HR Service"
    )

    @api.depends("scope", "internal_client_id", "stakeholder_id", "campaign_id")
    def _compute_display_name(self):
        for result in self:
            target = result.stakeholder_id or result.internal_client_id
            result.display_name = (
                f"{result.campaign_id.name} - {target.display_name}"
                if target
                else result.campaign_id.name
            )

    # ------------------------------------------------------------
    # Computation from survey answers
    # ------------------------------------------------------------

    @api.model
    def _compute_for_campaigns(self, campaigns):
        """Replace the results of ``campaigns`` from their survey answers.

        Per scope, two grouped queries do the work: answers per target and
        state, and answer lines per target, role, service and value. Rows are
        bounded by targets times questions times scale values, whatever the
        number of answers; Python only folds them into result values."""
        self.search([("campaign_id", "in", campaigns.ids)]).unlink()
        UserInput = self.env["survey.user_input"].sudo()
        Line = self.env["survey.user_input.line"].sudo()
        buckets = {}
        # Every campaign and client gets a row, answered or not.
        for campaign in campaigns:
            _bucket(buckets, "campaign", campaign, None)
            for client in campaign.internal_client_ids:
                _bucket(buckets, "internal_client", campaign, client)
        for scope, target_field in RESULT_SCOPES:
            scoped = campaigns
            if scope == "stakeholder":
                # No per-person scores for anonymous campaigns, not even stored.
                scoped = campaigns.filtered(lambda c: not c.anonymous)
            if not scoped:
                continue
            target = [target_field] if target_field else []
            # Per-service ratings of one person add nothing to their own row.
            roles = STAKEHOLDER_ROLES if scope == "stakeholder" else ALL_ROLES
            for campaign, *rest, state, count in UserInput._read_group(
                [("hr_campaign_id", "in", scoped.ids), ("test_entry", "=", False)],
                ["hr_campaign_id", *target, "state"],
                ["__count"],
            ):
                if found := _bucket(buckets, scope, campaign, rest and rest[0]):
                    found["invited"] += count
                    found["responded"] += count if state == "done" else 0
            for campaign, *rest, role, service, value, count in Line._read_group(
                [
                    ("hr_campaign_id", "in", scoped.ids),
                    ("user_input_id.state", "=", "done"),
                    ("user_input_id.test_entry", "=", False),
                    ("skipped", "=", False),
                    ("answer_type", "=", "scale"),
                    ("hr_metric_role", "in", roles),
                ],
                ["hr_campaign_id", *target, "hr_metric_role", "hr_service_id"]
                + ["value_scale"],
                ["__count"],
            ):
                if found := _bucket(buckets, scope, campaign, rest and rest[0]):
                    found["values"][(role, service)][value] += count
        return self.create(
            [
                self._result_values(campaign, scope, target, values)
                for (campaign, scope, target), values in buckets.items()
            ]
        )

    @api.model
    def _result_values(self, campaign, scope, target, bucket):
        values = bucket["values"]
        no_service = self.env["hr.relationship.service"]
        satisfaction = values.get(("satisfaction", no_service), Counter())
        recommendation = values.get(("recommendation", no_service), Counter())
        sat_count = satisfaction.total()
        mean_sat = _mean(satisfaction)
        satisfied = sum(n for v, n in satisfaction.items() if v >= CSAT_SATISFIED_MIN)
        rec_count = recommendation.total()
        promoters = sum(n for v, n in recommendation.items() if v >= NPS_PROMOTER_MIN)
        detractors = sum(n for v, n in recommendation.items() if v <= NPS_DETRACTOR_MAX)
        invited = bucket["invited"]
        services = defaultdict(dict)
        for (role, service), histogram in values.items():
            if service:
                services[service][role] = histogram
        service_lines = []
        date = campaign.closed_date or fields.Date.context_today(self)
        client = (
            target if scope == "internal_client" else self.env["hr.internal.client"]
        )
        for service, by_role in services.items():
            importance = by_role.get("service_importance", Counter())
            performance = by_role.get("service_performance", Counter())
            both = importance.total() and performance.total()
            service_lines.append(
                Command.create(
                    {
                        "service_id": service.id,
                        "campaign_id": campaign.id,
                        "company_id": campaign.company_id.id,
                        "scope": scope,
                        "internal_client_id": client.id,
                        "date": date,
                        "importance_count": importance.total(),
                        "performance_count": performance.total(),
                        "importance_mean": _mean(importance),
                        "performance_mean": _mean(performance),
                        "gap": _mean(importance) - _mean(performance)
                        if both
                        else False,
                    }
                )
            )
        return {
            "campaign_id": campaign.id,
            "company_id": campaign.company_id.id,
            "date": date,
            "scope": scope,
            "internal_client_id": client.id,
            "stakeholder_id": target.id if scope == "stakeholder" else False,
            "invited_count": invited,
            "responded_count": bucket["responded"],
            "response_rate": 100.0 * bucket["responded"] / invited if invited else 0.0,
            "satisfaction_count": sat_count,
            "mean_satisfaction": mean_sat,
            "satisfaction_index": (
                100.0
                * (mean_sat - SATISFACTION_MIN)
                / (SATISFACTION_MAX - SATISFACTION_MIN)
                if sat_count
                else False
            ),
            "csat": 100.0 * satisfied / sat_count if sat_count else False,
            "recommendation_count": rec_count,
            "promoter_count": promoters,
            "passive_count": rec_count - promoters - detractors,
            "detractor_count": detractors,
            "nps": 100.0 * (promoters - detractors) / rec_count if rec_count else False,
            "service_result_ids": service_lines,
        }

    # ------------------------------------------------------------
    # Latest figures for stakeholders and internal clients
    # ------------------------------------------------------------

    @api.model
    def _assign_latest(self, records, link_field, satisfaction_field):
        """Set latest_satisfaction, latest_nps and latest_survey_date on
        ``records`` from their newest answered results, in one query."""
        latest = {}
        if records._origin.ids:
            for result in self.sudo().search(
                [(link_field, "in", records._origin.ids), ("responded_count", ">", 0)],
                order="date desc, id desc",
            ):
                latest.setdefault(result[link_field].id, result)
        for record in records:
            result = latest.get(record._origin.id)
            record.latest_survey_date = result.date if result else False
            record.latest_satisfaction = (
                result[satisfaction_field]
                if result and result.satisfaction_count
                else False
            )
            record.latest_nps = (
                result.nps if result and result.recommendation_count else False
            )
