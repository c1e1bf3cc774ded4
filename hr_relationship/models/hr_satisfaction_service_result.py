# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrSatisfactionServiceResult(models.Model):
    """Importance-performance analysis of one HR service within a result:
    a large positive gap marks a service that matters more than HR delivers,
    which is where HR acts first."""

    _name = "hr.satisfaction.service.result"
    _inherit = ["hr.satisfaction.withheld.mixin"]
    _description = "HR Customer-Value Result per HR Service"
    # A gap nobody could measure (NULL) is no reason to act first: PostgreSQL
    # puts NULL first in a descending order unless told otherwise.
    _order = "gap desc nulls last, service_id"
    _rec_name = "service_id"

    result_id = fields.Many2one(
        "hr.satisfaction.result", required=True, ondelete="cascade", index=True
    )
    # Copies of the result's own fields, for grouping in reports; set when
    # the results are made rather than related, which would cost a write each.
    campaign_id = fields.Many2one("hr.satisfaction.survey", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    scope = fields.Selection(
        [
            ("campaign", "Whole Campaign"),
            ("internal_client", "Internal Client"),
            ("stakeholder", "Stakeholder"),
        ]
    )
    internal_client_id = fields.Many2one("hr.internal.client", index="btree_not_null")
    date = fields.Date()
    service_id = fields.Many2one(
        "hr.relationship.service", required=True, ondelete="cascade", index=True
    )
    importance_count = fields.Integer()
    performance_count = fields.Integer()
    importance_mean = fields.Float(string="Importance", aggregator="avg", digits=(3, 2))
    performance_mean = fields.Float(
        string="Performance", aggregator="avg", digits=(3, 2)
    )
    gap = fields.Float(
        aggregator="avg",
        digits=(3, 2),
        help="Mean importance minus mean performance; positive means HR "
        "under-delivers on what matters.",
    )

    _means_range = models.Constraint(
        "CHECK(importance_mean BETWEEN 0 AND 5 AND performance_mean BETWEEN 0 AND "
        "5 AND gap BETWEEN -5 AND 5 AND importance_count >= 0 AND "
        "performance_count >= 0)",
        "Importance and performance are on the 1-5 scale (0 when nobody answered), "
        "so their gap is between -5 and 5.",
    )

    @api.model
    def _withheld_figures(self):
        return (
            "importance_count",
            "performance_count",
            "importance_mean",
            "performance_mean",
            "gap",
        )

    previous_campaign_id = fields.Many2one(
        "hr.satisfaction.survey",
        compute="_compute_previous",
        help="The last earlier campaign of the same kind and audience that "
        "rated this service for the same scope and internal client.",
    )
    previous_performance_mean = fields.Float(
        string="Performance Before", compute="_compute_previous", digits=(3, 2)
    )
    performance_delta = fields.Float(
        string="Performance Change",
        compute="_compute_previous",
        digits=(3, 2),
        help="Performance now minus performance in the previous campaign: "
        "positive means HR improved.",
    )

    @api.depends("service_id", "scope", "internal_client_id", "date")
    def _compute_previous(self):
        """The same service's figure in the previous campaign of the same
        kind (campaign or pulse) and audience (a candidate's view of
        recruitment is no internal client's), looked up for the whole batch
        in one query."""
        records = self.filtered(
            lambda r: r._origin.id and r.date and r.performance_count
        )
        campaigns = records.sudo().campaign_id
        candidates = self.browse()
        if records:
            candidates = self.sudo().search(
                [
                    ("service_id", "in", records.service_id.ids),
                    ("scope", "in", list(set(records.mapped("scope")))),
                    ("company_id", "in", records.company_id.ids),
                    ("date", "<=", max(records.mapped("date"))),
                    ("performance_count", ">", 0),
                    ("campaign_id.kind", "in", campaigns.mapped("kind")),
                    ("campaign_id.audience", "in", campaigns.mapped("audience")),
                ],
                order="date desc, id desc",
            )

        def key(line):
            campaign = line.campaign_id
            return (
                line.service_id,
                line.scope,
                line.internal_client_id,
                campaign.kind,
                campaign.audience,
            )

        by_key = {}
        for line in candidates:
            by_key.setdefault(key(line), []).append(line)
        for line in self:
            previous = line in records and next(
                (
                    earlier
                    for earlier in by_key.get(key(line.sudo()), ())
                    if earlier.campaign_id != line.campaign_id
                    and (earlier.date, earlier.id) < (line.date, line._origin.id)
                ),
                None,
            )
            line.previous_campaign_id = previous.campaign_id if previous else False
            line.previous_performance_mean = (
                previous.performance_mean if previous else False
            )
            line.performance_delta = (
                line.performance_mean - previous.performance_mean if previous else False
            )
