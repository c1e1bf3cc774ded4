# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.hr_relationship.models.hr_relationship_interaction_figures import (
    FIGURES_LATER_CONTEXT,
)
from odoo.addons.hr_relationship.tools.record_check import checked_records

from .hr_relationship_interaction import NO_CAPTURE_CONTEXT

# What a captured meeting interaction is made of.
SYNC_FIELDS = {
    "name",
    "start",
    "stop",
    "allday",
    "start_date",
    "stop_date",
    "partner_ids",
    "attendee_ids",
    "privacy",
    "active",
    "user_id",
    "description",
}


class CalendarEvent(models.Model):
    """A meeting between a relationship user and stakeholders logs itself as
    an interaction, and the interaction follows the meeting."""

    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        if not self.env.context.get(NO_CAPTURE_CONTEXT):
            events._hr_sync_interactions(new=True)
        return events

    def write(self, values):
        result = super().write(values)
        if SYNC_FIELDS & set(values) and not self.env.context.get(NO_CAPTURE_CONTEXT):
            self.exists()._hr_sync_interactions()
        return result

    def unlink(self):
        checked_records(self)
        if self and not self.env.context.get(NO_CAPTURE_CONTEXT):
            self._hr_release_interactions(
                self.env["hr.relationship.interaction"]
                ._hr_capture_env()
                .search([("calendar_event_id", "in", self.ids)])
            )
        return super().unlink()

    @api.model
    def _hr_release_interactions(self, interactions):
        """The meeting is gone: its captured interactions go, unless someone
        edited them; those stay, no longer linked to it."""
        edited = interactions.filtered("is_capture_edited")
        edited.write({"calendar_event_id": False, "capture_key": False})
        (interactions - edited).unlink()
        return True

    def _hr_sync_interactions(self, new=False):
        """Create, move or remove the interactions captured from these
        meetings: one query when none involves a stakeholder (two when the
        meetings existed before), whatever the number of meetings."""
        if not self:
            return self.env["hr.relationship.interaction"]
        # The health and network figures of the people met are refreshed
        # once, at the end, not at each moved meeting.
        Interaction = (
            self.env["hr.relationship.interaction"]
            ._hr_capture_env()
            .with_context(**{FIGURES_LATER_CONTEXT: True})
        )
        Interaction._hr_capture_flush()
        self.flush_recordset()
        rows = Interaction._hr_capture_fetch(
            Interaction._hr_meeting_candidates_sql(SQL("event.id = ANY(%s)", self.ids))
        )
        existing = (
            Interaction.browse()
            if new
            else Interaction.search([("calendar_event_id", "in", self.ids)])
        )
        stakeholders, clients = existing._touched_relationships()
        by_key = {interaction.capture_key: interaction for interaction in existing}
        created = Interaction.create(
            [
                Interaction._hr_capture_values(row, "calendar")
                for row in rows
                if row["capture_key"] not in by_key
            ]
        )
        for row in rows:
            interaction = by_key.get(row["capture_key"])
            if not interaction:
                continue
            if interaction.is_capture_edited:
                # Someone's notes stay; the meeting only moves them.
                values = {"date": row["date"]}
            else:
                values = Interaction._hr_capture_values(row, "calendar")
            interaction.write(values)
        found = {row["capture_key"] for row in rows}
        self._hr_release_interactions(
            existing.filtered(lambda i: i.capture_key not in found)
        )
        stakeholders_now, clients_now = (
            (existing | created).exists()._touched_relationships()
        )
        self.env["hr.relationship.health.mixin"]._refresh_touched(
            stakeholders | stakeholders_now, clients | clients_now
        )
        # Later changes of these interactions refresh their figures again.
        return created.with_context(**{FIGURES_LATER_CONTEXT: False})

    @api.model
    def _cron_hr_capture_recurring_meetings(self):
        """Of a recurring meeting, the occurrences that took place and the
        next one are captured: move the capture on to the next occurrence."""
        now = fields.Datetime.now()
        # A batch of occurrences at a time (see hr.relationship.job.progress);
        # an occurrence's interaction is found again by its capture key, so
        # that no run captures it twice.
        self.flush_model(["recurrence_id", "start", "active"])
        scope = SQL(
            "rec.active AND rec.recurrence_id IS NOT NULL"
            " AND rec.start BETWEEN %s AND %s",
            now - timedelta(days=2),
            now + timedelta(days=366),
        )
        self.env["hr.relationship.job.progress"]._run_batches(
            "capture_recurring_meetings",
            [
                (
                    self._name,
                    self,
                    scope,
                    lambda ids: self.browse(ids)._hr_sync_interactions(),
                )
            ],
        )
        return True
