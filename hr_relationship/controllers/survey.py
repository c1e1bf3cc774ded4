# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.survey.controllers.main import Survey


class HrRelationshipSurvey(Survey):
    def _check_validity(
        self,
        survey_sudo,
        answer_sudo,
        answer_token,
        ensure_token=True,
        check_partner=True,
    ):
        # Answers of anonymous campaigns carry no person by design, so survey's
        # check that the logged-in person owns the answer would lock out every
        # invitee who happens to be logged in; the personal token is the key.
        if (
            check_partner
            and answer_token
            and answer_sudo.hr_campaign_id.anonymous
            and not answer_sudo.partner_id
        ):
            check_partner = False
        return super()._check_validity(
            survey_sudo,
            answer_sudo,
            answer_token,
            ensure_token=ensure_token,
            check_partner=check_partner,
        )

    @http.route()
    def survey_retry(self, survey_token, answer_token, **post):
        # A campaign counts one answer per invitation: show the answer given
        # instead of starting a second one that the figures would leave out.
        access_data = self._get_access_data(
            survey_token, answer_token, ensure_token=True
        )
        if (
            access_data["validity_code"] is True
            and access_data["answer_sudo"].hr_campaign_id
        ):
            return request.redirect(f"/survey/{survey_token}/{answer_token}")
        return super().survey_retry(survey_token, answer_token, **post)
