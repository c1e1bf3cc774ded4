# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import format_date

from ..models.hr_relationship_concern import OPEN_STATES as OPEN_CONCERN_STATES
from ..models.hr_stakeholder import HIGH_SCORE
from ..models.project_task import OPEN_TASK_DOMAIN
from ..tools.svg_chart import power_interest_grid, trend

# How far back the account plan looks: twelve monthly health snapshots, and
# the latest surveys, as many as fit the chart.
HEALTH_MONTHS = 12
SURVEYS = 6
# The campaigns of "you said, we did", as on the client's own page.
PLAN_CAMPAIGNS = 3


class ReportAccountPlan(models.AbstractModel):
    """The account plan of an internal client, printed for the periodic
    meeting with its management. Everything is read as the user who prints
    it, so the record rules decide what appears (a stakeholder's profile
    notes only for who may read them); only "you said, we did" and the
    improvement actions are read as HR shares them with the client."""

    _name = "report.hr_relationship.report_account_plan"
    _description = "Account Plan of an Internal Client"

    @api.model
    def _get_report_values(self, docids, data=None):
        clients = self.env["hr.internal.client"].browse(docids)
        clients.check_access("read")
        plans = {}
        for client in clients:
            # Each plan in its client's language, the figures' labels too.
            lang = client.lang or self.env.user.lang or "en_US"
            plans[client.id] = self.with_context(lang=lang)._plan(
                client.with_context(lang=lang)
            )
        return {
            "doc_ids": clients.ids,
            "doc_model": clients._name,
            "docs": clients,
            "plans": plans,
        }

    def _plan(self, client):
        lang = self.env.lang
        stakeholders = client.stakeholder_ids.sorted(
            lambda s: (-s.influence, -s.interest, s.name or "")
        )
        return {
            "lang": lang,
            "health_chart": self._health_chart(client),
            "survey_chart": self._survey_chart(client),
            "stakeholders": stakeholders,
            "grid": power_interest_grid(
                [
                    {
                        "label": str(number),
                        "influence": stakeholder.influence,
                        "interest": stakeholder.interest,
                        "attitude": stakeholder.attitude,
                    }
                    for number, stakeholder in enumerate(stakeholders, 1)
                ],
                self._grid_labels(),
                high_from=HIGH_SCORE,
            ),
            "positions": self._positions(stakeholders),
            # The profiles the record rules let this user read, and no other.
            "approach": {
                profile.stakeholder_id.id: profile.approach_notes
                for profile in stakeholders.profile_ids
                if profile.approach_notes
            },
            "campaigns": client._you_said_we_did(PLAN_CAMPAIGNS)[client.id],
            "concerns": self.env["hr.relationship.concern"].search(
                self._raised_with(client, stakeholders)
                & Domain("state", "in", OPEN_CONCERN_STATES)
            ),
            "commitments": self.env["hr.relationship.commitment"].search(
                self._raised_with(client, stakeholders) & Domain("state", "=", "open")
            ),
            "actions": self._open_actions(client),
            "next_contact": self.env["hr.internal.client.partnership"]
            .sudo()
            .browse(client.id)
            .next_contact_date,
            "today": fields.Date.context_today(self),
        }

    def _grid_labels(self):
        fields_ = self.env["hr.stakeholder"]._fields
        return {
            **dict(fields_["quadrant"]._description_selection(self.env)),
            "influence": fields_["influence"]._description_string(self.env),
            "interest": fields_["interest"]._description_string(self.env),
        }

    def _raised_with(self, client, stakeholders):
        """Concerns or commitments of the client, and those of its
        stakeholders that are tied to no other client."""
        return Domain("internal_client_id", "=", client.id) | (
            Domain("internal_client_id", "=", False)
            & Domain("stakeholder_id", "in", stakeholders.ids)
        )

    def _health_chart(self, client):
        since = fields.Date.context_today(self).replace(day=1) - relativedelta(
            months=HEALTH_MONTHS - 1
        )
        snapshots = self.env["hr.relationship.health.snapshot"].search(
            [("internal_client_id", "=", client.id), ("month", ">=", since)],
            order="month",
        )
        return trend(
            [
                (self._month(snapshot.month), snapshot.health_score)
                for snapshot in snapshots
            ],
            0,
            100,
        )

    def _survey_chart(self, client):
        results = self.env["hr.satisfaction.result"].search(
            [
                ("scope", "=", "internal_client"),
                ("internal_client_id", "=", client.id),
                ("satisfaction_count", ">", 0),
                ("withheld", "=", False),
            ],
            order="date desc, id desc",
            limit=SURVEYS,
        )
        return trend(
            [(self._month(result.date), result.csat) for result in results[::-1]],
            0,
            100,
            kind="bar",
        )

    def _month(self, day):
        return format_date(self.env, day, date_format="MMM yy")

    def _positions(self, stakeholders):
        """Per stakeholder id, its positions on the projects still running
        that the user may open."""
        positions = self.env["hr.project.stakeholder"].search(
            [("stakeholder_id", "in", stakeholders.ids)]
        )
        running = self.env["project.project"].search(
            [
                ("id", "in", positions.project_id.ids),
                ("last_update_status", "!=", "done"),
            ]
        )
        return positions.filtered(
            lambda position: position.project_id in running
        ).grouped(lambda position: position.stakeholder_id.id)

    def _open_actions(self, client):
        # As the user: the improvement projects are open to every employee,
        # and an action in a project the user may not open stays out.
        return self.env["project.task"].search(
            client._improvement_domain() + OPEN_TASK_DOMAIN,
            order="date_deadline, id",
        )
