# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Captured interactions let their text decide their sentiment.

Up to 19.0.1.0.0 the capture stored "neutral" in every interaction it
logged: a placeholder, not anybody's judgement. The core's 19.0.1.2.0 keeps
every stored sentiment as chosen, so the captured ones that nobody edited
since lose that choice here and take the sentiment their subject and kept
body suggest. A captured interaction someone edited keeps what it has."""

from odoo import SUPERUSER_ID, api

from odoo.addons.hr_relationship_capture.models.hr_relationship_interaction import (
    CAPTURE_CONTEXT,
)

PLACEHOLDER = "neutral"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    # Written as the capture writes, so that nothing reads as edited by hand.
    Interaction = env["hr.relationship.interaction"].with_context(
        **{CAPTURE_CONTEXT: True}
    )
    Interaction.search(
        [
            ("capture_key", "!=", False),
            ("is_capture_edited", "=", False),
            ("sentiment_chosen", "=", PLACEHOLDER),
        ]
    ).write({"sentiment_chosen": False})
