# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import format_date

from ..models.hr_relationship_concern import OPEN_STATES as OPEN_CONCERN_STATES
from ..models.project_task import OPEN_TASK_DOMAIN
from ..tools.svg_chart import trend

# The contacts a dossier lists, the latest first, and charts.
DOSSIER_INTERACTIONS = 12


class ReportHandoverDossier(models.AbstractModel):
    """What a successor needs to take a relationship over: who the person
    is, the history of contact and its sentiment, what is open between HR
    and them, their positions on projects and who else in HR knows them.
    Read as the user who prints it, like the account plan: the profile only
    for who may read it (the owner, once the relationship is theirs)."""

    _name = "report.hr_relationship.report_handover_dossier"
    _description = "Handover Dossier of a Stakeholder"

    @api.model
    def _get_report_values(self, docids, data=None):
        stakeholders = self.env["hr.stakeholder"].browse(docids)
        stakeholders.check_access("read")
        return {
            "doc_ids": stakeholders.ids,
            "doc_model": stakeholders._name,
            "docs": stakeholders,
            "dossiers": self._dossiers(stakeholders),
            "today": fields.Date.context_today(self),
        }

    def _dossiers(self, stakeholders):
        """Per stakeholder id, the dossier's contents; a fixed number of
        queries per stakeholder, the interactions and open items batched."""
        interactions = self.env["hr.relationship.interaction"].search(
            [("stakeholder_ids", "in", stakeholders.ids)], order="date desc, id desc"
        )
        concerns = self.env["hr.relationship.concern"].search(
            [
                ("stakeholder_id", "in", stakeholders.ids),
                ("state", "in", OPEN_CONCERN_STATES),
            ]
        )
        commitments = self.env["hr.relationship.commitment"].search(
            [("stakeholder_id", "in", stakeholders.ids), ("state", "=", "open")]
        )
        # Improvement actions are the clients': those of the person's clients.
        actions = self.env["project.task"].search(
            [("hr_internal_client_ids", "in", stakeholders.internal_client_ids.ids)]
            + OPEN_TASK_DOMAIN,
            order="date_deadline, id",
        )
        positions = self.env["report.hr_relationship.report_account_plan"]._positions(
            stakeholders
        )
        network = self.env["hr.relationship.network"]
        Users = self.env["res.users"].sudo()
        profiles = {
            profile.stakeholder_id.id: profile for profile in stakeholders.profile_ids
        }
        dossiers = {}
        for stakeholder in stakeholders:
            theirs = interactions.filtered(
                lambda interaction, s=stakeholder: s in interaction.stakeholder_ids
            )
            knowers = network.who_knows(stakeholder._name, stakeholder.id)["direct"]
            clients = stakeholder.internal_client_ids
            dossiers[stakeholder.id] = {
                "profile": profiles.get(stakeholder.id),
                "interactions": theirs[:DOSSIER_INTERACTIONS],
                "interaction_total": len(theirs),
                "sentiment_chart": trend(
                    [
                        (self._day(interaction.date), interaction.sentiment_score)
                        for interaction in theirs[:DOSSIER_INTERACTIONS][::-1]
                    ],
                    -2,
                    2,
                ),
                "concerns": concerns.filtered(
                    lambda concern, s=stakeholder: concern.stakeholder_id == s
                ),
                "commitments": commitments.filtered(
                    lambda commitment, s=stakeholder: commitment.stakeholder_id == s
                ),
                "actions": actions.filtered(
                    lambda task, c=clients: task.hr_internal_client_ids & c
                ),
                "positions": positions.get(stakeholder.id, []),
                # Colleagues still here, the owner aside.
                "knowers": [
                    dict(line, user=user)
                    for line in knowers
                    if (user := Users.browse(line["user_id"])).active
                    and user != stakeholder.owner_id
                ],
            }
        return dossiers

    def _day(self, day):
        return format_date(self.env, day, date_format="d MMM")
