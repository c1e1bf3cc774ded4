# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools import SQL

from .common import HrRelationshipCase, SatisfactionSurveyMixin, load_script

MIGRATION = "hr_relationship/migrations/18.0.1.3.0/post-migration.py"


def load_migration():
    return load_script(MIGRATION)


@tagged("post_install", "-at_install")
class TestMigrationAnonymousAnswers(SatisfactionSurveyMixin, HrRelationshipCase):
    """18.0.1.2.0 kept the person on every answer and no clients of its own.
    Answers are put back that way, then the migration runs on them: the
    submitted anonymous ones, and all of a closed anonymous campaign, lose
    their person and keep their clients; named answers keep everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()

    def _to_old_data(self, answers, stakeholders):
        """The answers as 18.0.1.2.0 stored them: person and all, no clients."""
        self.env.flush_all()
        cr = self.env.cr
        for answer, stakeholder in zip(answers, stakeholders, strict=True):
            cr.execute(
                SQL(
                    "UPDATE survey_user_input SET hr_stakeholder_id = %s,"
                    " partner_id = %s, email = %s, invite_token = 'old'"
                    " WHERE id = %s",
                    stakeholder.id,
                    stakeholder.partner_id.id or None,
                    stakeholder.email,
                    answer.id,
                )
            )
        cr.execute(
            SQL(
                "DELETE FROM survey_user_input_hr_internal_client_rel"
                " WHERE user_input_id = ANY(%s)",
                answers.ids,
            )
        )
        self.env.invalidate_all()

    def test_stored_anonymous_answers_lose_their_person(self):
        people = self.sh_anna | self.sh_erik | self.sh_bob
        running = self._campaign(anonymous=True)
        running.action_send()
        self._answer(running, self.sh_anna, {self.q_sat: "4"})
        closed = self._campaign(anonymous=True)
        closed.action_send()
        self._answer(closed, self.sh_erik, {self.q_sat: "2"}, done=False)
        closed.action_close()
        named = self._campaign()
        named.action_send()
        self._answer(named, self.sh_anna, {self.q_sat: "5"})
        answers = (
            (running | closed | named)
            .sudo()
            .user_input_ids.sorted(lambda a: (a.hr_campaign_id.id, a.id))
        )
        # Any participant of its campaign will do as an answer's old person.
        owners = []
        for campaign in (running, closed, named):
            campaign_answers = answers.filtered(
                lambda a, c=campaign: a.hr_campaign_id == c
            )
            owners += list(campaign.participant_ids)[: len(campaign_answers)]
        self._to_old_data(answers, owners)
        self.assertEqual(answers.hr_stakeholder_id, people)

        load_migration().migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()

        by_campaign = answers.grouped("hr_campaign_id")
        done = by_campaign[running].filtered(lambda a: a.state == "done")
        pending = by_campaign[running] - done
        self.assertEqual(len(done), 1)
        for answer in done | by_campaign[closed]:
            self.assertEqual(
                (answer.hr_stakeholder_id, answer.partner_id, answer.email),
                (self.env["hr.stakeholder"], self.env["res.partner"], False),
            )
            self.assertFalse(answer.invite_token)
        # Not submitted while the campaign runs: still reminded.
        self.assertEqual(len(pending.hr_stakeholder_id), 2)
        self.assertEqual(len(by_campaign[named].hr_stakeholder_id), 3)
        # Each answer keeps the clients of its person that the campaign has.
        for answer, owner in zip(answers, owners, strict=True):
            self.assertEqual(
                answer.hr_internal_client_ids,
                owner.internal_client_ids & answer.hr_campaign_id.internal_client_ids,
            )
        # A second run changes nothing.
        load_migration().migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(len(by_campaign[named].hr_stakeholder_id), 3)

    def test_you_said_template_is_loaded_again(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        template = self.env.ref("hr_relationship.mail_template_you_said_we_did")
        old = "<p t-out=\"values['actions']\">We did: all we planned</p>"
        # Stored as 18.0.1.2.0 left it: since 19.0 the ORM refuses to save
        # a body that does not render, as this one no longer does.
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE mail_template SET body_html = jsonb_build_object("
                "'en_US', %s::text, 'nl_NL', %s::text) WHERE id = %s",
                old,
                old.replace("We", "Wij"),
                template.id,
            )
        )
        template.invalidate_recordset(["body_html"])
        self.assertEqual(
            template.with_context(lang="nl_NL").body_html, old.replace("We", "Wij")
        )
        load_migration().migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertIn("done_actions", template.body_html)
        # The old Dutch body is gone, not left to fail on what it reads.
        self.assertEqual(
            template.with_context(lang="nl_NL").body_html, template.body_html
        )

    def test_unknown_client_figures_become_empty(self):
        """18.0.1.2.0 stored 0 for a client nobody had answered for."""
        campaign = self._campaign()
        campaign.action_send()
        self._answer(campaign, self.sh_anna, {self.q_sat: "5"})
        campaign.action_close()
        answered = self.sh_anna.internal_client_ids & campaign.internal_client_ids
        silent = self.env["hr.internal.client"].create(
            {"name": "HRR nobody answered", "company_id": self.company.id}
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE hr_internal_client SET latest_csat = 0, latest_nps = 0"
                " WHERE id = %s",
                silent.id,
            )
        )
        self.env.invalidate_all()
        self.assertEqual(silent.latest_nps, 0.0)

        load_migration().migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()

        self.assertIs(silent.latest_csat, False)
        self.assertIs(silent.latest_nps, False)
        self.assertEqual(answered.mapped("latest_csat"), [100.0] * len(answered))
