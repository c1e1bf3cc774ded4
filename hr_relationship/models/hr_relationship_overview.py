# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..tools.groups import RELATIONSHIP_USER
from ..tools.record_check import is_record_id

# Rows each card lists by default; its count and its link cover the rest.
CARD_ROWS = 5
MAX_CARD_ROWS = 50
UPCOMING_DAYS = 14
# Closed campaigns the customer-value trend goes back over.
TREND_CAMPAIGNS = 12
# The period whose survey themes the overview shows: a quarter.
THEME_DAYS = 90


class HrRelationshipOverview(models.AbstractModel):
    """The app's home: what the signed-in person should act on this week.

    Everything is read as that person, so record rules decide what each card
    counts; every card says which list it summarises, so the web client can
    open it with one click."""

    _name = "hr.relationship.overview"
    _description = "HR Relationship Overview"

    @api.readonly
    @api.model
    def get_overview(self, rows=CARD_ROWS):
        if not self.env.user.has_group(RELATIONSHIP_USER):
            raise AccessError(_("The relationship overview is for relationship users."))
        if not is_record_id(rows) or rows > MAX_CARD_ROWS:
            raise UserError(
                _(
                    "The overview lists from 1 to %(max)s rows a card, not %(rows)r.",
                    max=MAX_CARD_ROWS,
                    rows=rows,
                )
            )
        today = fields.Date.context_today(self)
        uid = self.env.uid
        mine = [("owner_id", "=", uid)]
        # The domains by name: Odoo 19.0's term extractor reads a parenthesis
        # that follows _() with no name between as another _() call.
        cards = [
            self._card(
                "overdue",
                _("My overdue contacts"),
                "hr.stakeholder",
                domain=mine + [("next_contact_date", "<", today)],
                rows=rows,
                order="next_contact_date, id",
                date_field="next_contact_date",
            ),
            self._card(
                "upcoming",
                _("My contacts in the next %(days)s days", days=UPCOMING_DAYS),
                "hr.stakeholder",
                domain=mine
                + [
                    ("next_contact_date", ">=", today),
                    ("next_contact_date", "<=", today + timedelta(days=UPCOMING_DAYS)),
                ],
                rows=rows,
                order="next_contact_date, id",
                date_field="next_contact_date",
            ),
            self._card(
                "clients_at_risk",
                _("My internal clients at risk"),
                "hr.internal.client",
                domain=[("hr_partner_id", "=", uid), ("health_state", "=", "at_risk")],
                rows=rows,
                order="health_score, id",
                score_field="health_score",
            ),
            self._card(
                "stakeholders_at_risk",
                _("My stakeholders at risk"),
                "hr.stakeholder",
                domain=mine + [("health_state", "=", "at_risk")],
                rows=rows,
                order="health_score, id",
                score_field="health_score",
            ),
            self._card(
                "drifting",
                _("My drifting relationships"),
                "hr.stakeholder",
                domain=mine + [("drift_state", "!=", "steady")],
                rows=rows,
                # At risk of loss before drifting, then the longest silent.
                order="drift_state desc, last_interaction_date, id",
                note_field="drift_reasons",
            ),
            self._card(
                "campaigns",
                _("Running campaigns"),
                "hr.satisfaction.survey",
                domain=[("state", "=", "running")],
                rows=rows,
                order="deadline, id",
                score_field="response_rate",
            ),
            self._card(
                "commitments",
                _("My commitments due this week or overdue"),
                "hr.relationship.commitment",
                domain=[
                    ("user_id", "=", uid),
                    ("state", "=", "open"),
                    ("date_due", "<=", self._week_end(today)),
                ],
                rows=rows,
                order="date_due, id",
                date_field="date_due",
            ),
            self._card(
                "interactions",
                _("My recent interactions"),
                "hr.relationship.interaction",
                domain=[("user_id", "=", uid), ("date", "<=", today)],
                rows=rows,
                order="date desc, id desc",
                date_field="date",
            ),
        ]
        return {
            "cards": cards,
            "themes": self._themes_card(today, rows),
            "trend": self._customer_value_trend(),
        }

    @api.model
    def _week_end(self, today):
        """The Sunday that ends ``today``'s week (weeks start on Monday, as
        in the Netherlands and ISO 8601)."""
        return today + timedelta(days=6 - today.weekday())

    @api.model
    def _card(
        self,
        key,
        title,
        model,
        domain,
        order,
        rows,
        date_field=None,
        score_field=None,
        note_field=None,
    ):
        Model = self.env[model]
        records = Model.search(domain, order=order, limit=rows)
        fnames = [name for name in (date_field, score_field, note_field) if name]
        values = {row["id"]: row for row in records.read(fnames)} if fnames else {}
        return {
            "key": key,
            "title": title,
            "model": model,
            "domain": domain,
            "count": Model.search_count(domain),
            "rows": [
                {
                    "id": record.id,
                    "name": record.display_name,
                    "date": date_field and values[record.id][date_field],
                    "score": score_field and values[record.id][score_field],
                    # Why the record is listed, one line of text.
                    "note": note_field
                    and (values[record.id][note_field] or "").replace("\n", "; "),
                }
                for record in records
            ],
        }

    @api.model
    def _themes_card(self, today, rows):
        """What internal clients wrote most about in the campaigns of the
        last quarter, with its tone; the domain opens the themes behind."""
        Theme = self.env["hr.satisfaction.theme"]
        date_from = today - timedelta(days=THEME_DAYS)
        tones = dict(Theme._fields["sentiment_label"]._description_selection(self.env))
        return {
            "title": _(
                "What internal clients wrote in the last %(days)s days",
                days=THEME_DAYS,
            ),
            "model": Theme._name,
            "domain": list(Theme._strongest_themes_domain(date_from, today)),
            "rows": [
                {**row, "tone": tones.get(row["label"], "")}
                for row in Theme._strongest_themes(date_from, today, limit=rows)
            ],
        }

    @api.model
    def _customer_value_trend(self):
        """CSAT and NPS of the company's whole campaigns among internal
        clients, oldest first (candidates are no customers of HR); a
        campaign without answers behind a figure leaves a gap, not a zero."""
        Result = self.env["hr.satisfaction.result"]
        results = Result.search(
            Result._customer_value_domain()
            & Domain("company_id", "in", self.env.companies.ids),
            order="date desc, id desc",
            limit=TREND_CAMPAIGNS,
        )
        rows = results.read(
            [
                "date",
                "campaign_id",
                "csat",
                "nps",
                "satisfaction_count",
                "recommendation_count",
            ]
        )
        return [
            {
                "date": row["date"],
                "campaign": row["campaign_id"] and row["campaign_id"][1],
                "csat": row["csat"] if row["satisfaction_count"] else None,
                "nps": row["nps"] if row["recommendation_count"] else None,
            }
            for row in reversed(rows)
        ]
