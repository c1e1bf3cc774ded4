# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import Command, fields

from odoo.addons.hr_relationship.tests.common import (  # noqa: F401
    MANAGER_GROUP,
    USER_GROUP,
    HrRelationshipCase,
)


class CaptureCase(HrRelationshipCase):
    """The test organisation with every capture channel switched on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "hr_capture_calendar": True,
                "hr_capture_email": True,
                "hr_capture_mailbox": True,
            }
        )
        # Addresses of their own: the gateway finds people by address.
        for user in cls.user | cls.other_user | cls.manager | cls.internal_user:
            user.email = f"{user.login}@hrr.example.com"
        cls.Interaction = cls.env["hr.relationship.interaction"]
        cls.Event = cls.env["calendar.event"].with_context(
            mail_create_nolog=True, mail_notrack=True, no_mail_to_attendees=True
        )
        cls.anna_partner = cls.sh_anna.person_partner_id
        cls.bob_partner = cls.sh_bob.person_partner_id
        cls.today = fields.Date.context_today(cls.env.user)

    @classmethod
    def _at(cls, day, hour=10):
        return datetime.combine(day, time(hour, 0))

    @classmethod
    def _meeting(cls, partners, day=None, user=None, **values):
        start = cls._at(day or cls.today - timedelta(days=1))
        return cls.Event.with_user(user or cls.user).create(
            {
                "name": "HRR check-in",
                "start": start,
                "stop": start + timedelta(hours=1),
                "partner_ids": [Command.set(partners.ids)],
                **values,
            }
        )

    def _captured(self, event):
        return self.Interaction.search([("calendar_event_id", "=", event.id)])
