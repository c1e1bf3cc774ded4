# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Anonymous answers lose their person; "you said, we did" is loaded again.

Up to 18.0.1.2.0 an answer to an anonymous campaign kept its stakeholder
(readable by administrators) and, through it, the internal clients its
figures count for. From 18.0.1.3.0 the answer keeps the campaign's internal
clients of its person itself (survey.user_input.hr_internal_client_ids) and
loses everything that tells who gave it once it is submitted, or once its
campaign is closed. This does the same to the answers already stored.

The "you said, we did" template of 18.0.1.2.0 listed planned actions under
"we did" and wrote numbers the English way for everyone. Its file is loaded
once (noupdate), so it is loaded here again as on installation.

An internal client's latest CSAT and NPS stored 0 where nobody had answered;
they are computed again, empty there."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.convert import convert_file

TEMPLATE_FILE = "data/mail_template_you_said_data.xml"
TEMPLATE_XMLID = "hr_relationship.mail_template_you_said_we_did"


def _keep_clients(cr):
    """The clients of each answer's person that are clients of its campaign;
    the ORM fills the new column on update, this holds if it has not."""
    cr.execute(
        SQL(
            """
            INSERT INTO survey_user_input_hr_internal_client_rel
                        (user_input_id, internal_client_id)
            SELECT a.id, person.internal_client_id
              FROM survey_user_input a
              JOIN hr_internal_client_stakeholder_rel person
                ON person.stakeholder_id = a.hr_stakeholder_id
              JOIN hr_satisfaction_survey_client_rel campaign
                ON campaign.campaign_id = a.hr_campaign_id
               AND campaign.internal_client_id = person.internal_client_id
                ON CONFLICT DO NOTHING
            """
        )
    )


def migrate(cr, version):
    if not version:
        return
    _keep_clients(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    answers = env["survey.user_input"].search(
        [
            ("hr_campaign_id.anonymous", "=", True),
            "|",
            ("state", "=", "done"),
            ("hr_campaign_id.state", "=", "closed"),
        ]
    )
    answers._hr_forget_respondent()
    _reload_template(env)
    _blank_unknown_client_figures(env)


def _blank_unknown_client_figures(env):
    """An internal client's latest CSAT and NPS were 0 when nobody had
    answered for it; from 18.0.1.3.0 they are empty then. The ORM's own
    compute puts each figure back, empty where there is none."""
    clients = env["hr.internal.client"].with_context(active_test=False).search([])
    for name in ("latest_csat", "latest_nps"):
        env.add_to_compute(clients._fields[name], clients)
    clients.flush_recordset(["latest_csat", "latest_nps"])


def _reload_template(env):
    """Load the template's file as on installation, and drop the other
    languages' copies of its old body (one translation of the whole body),
    which still read values the code no longer gives: the module's
    translations then fill them from the new body."""
    convert_file(env, "hr_relationship", TEMPLATE_FILE, {}, mode="init")
    template = env.ref(TEMPLATE_XMLID)
    env.flush_all()
    env.cr.execute(
        SQL(
            "UPDATE mail_template"
            " SET body_html = jsonb_build_object('en_US', body_html -> 'en_US')"
            " WHERE id = %s",
            template.id,
        )
    )
    template.invalidate_recordset(["body_html"])
