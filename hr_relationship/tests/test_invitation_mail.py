# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import tagged

from .common import HrRelationshipCase, SatisfactionSurveyMixin

INVITE = "hr_relationship.mail_template_campaign_invite"
# Informal Dutch ("je", "jij", "jouw") has no place in the addon's mails.
INFORMAL = re.compile(r"\b(?:je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


@tagged("post_install", "-at_install")
class TestCampaignInvitationMail(SatisfactionSurveyMixin, HrRelationshipCase):
    """A campaign invites with the addon's own template, in each
    participant's language, formally, and says truthfully who sees the
    answers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey_refs()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["mail", "survey", "hr_relationship"], ["nl_NL"], overwrite=True
        )
        cls.emp_anna.work_contact_id.lang = "nl_NL"
        cls.partner_ext.lang = "en_US"

    def _mail_of(self, campaign, stakeholder):
        answer = self._answer_of(campaign, stakeholder)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("body_html", "like", answer.access_token)])
        )
        self.assertEqual(len(mail), 1)
        return mail

    def _text(self, mail):
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", mail.body_html))

    def test_dutch_participant_reads_formal_dutch(self):
        campaign = self._campaign(self.client_sales)
        campaign.action_send()
        mail = self._mail_of(campaign, self.sh_anna)
        text = self._text(mail)
        self.assertEqual(
            mail.subject, "Uitnodiging: Klantwaardeonderzoek interne klanten"
        )
        words = re.findall(r"\w+", mail.subject.lower())
        self.assertEqual(len(words), len(set(words)), "no word twice in the subject")
        self.assertIn("Geachte Anna Jansen,", text)
        self.assertIn("Vragen beantwoorden", text)
        self.assertIn("HR ziet uw antwoorden samen met uw naam", text)
        self.assertNotIn("anoniem", text)
        self.assertFalse(INFORMAL.findall(text), text)
        self.assertEqual(mail.recipient_ids, self.emp_anna.work_contact_id)
        self.assertFalse(mail.email_to, "one recipient, not also an address")

        english = self._text(self._mail_of(campaign, self.sh_erik))
        self.assertIn("Dear Erik Extern,", english)
        self.assertIn("HR sees your answers together with your name", english)

    def test_anonymous_campaign_says_nobody_can_see_whose_answers(self):
        campaign = self._campaign(self.client_sales, anonymous=True)
        campaign.action_send()
        dutch = self._text(self._mail_of(campaign, self.sh_anna))
        self.assertIn(
            "Uw antwoorden zijn anoniem: niemand, ook HR en beheerders niet, "
            "kan zien welke antwoorden van u zijn.",
            dutch,
        )
        # What stays with an anonymous answer is said too, not left out.
        self.assertIn(
            "Alleen de interne klant waartoe u behoort blijft bij uw antwoorden",
            dutch,
        )
        self.assertIn("minstens 5 personen", dutch)
        self.assertNotIn("met uw naam", dutch)
        self.assertFalse(INFORMAL.findall(dutch), dutch)
        english = self._text(self._mail_of(campaign, self.sh_erik))
        self.assertIn(
            "Your answers are anonymous: nobody, HR and administrators included, "
            "can see which answers are yours.",
            english,
        )

    def test_reminder_uses_the_template_and_says_it_is_one(self):
        campaign = self._campaign(self.client_sales)
        campaign.action_send()
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([])
        campaign.action_remind()
        reminders = Mail.search([]) - before
        self.assertEqual(len(reminders), 2)
        dutch = reminders.filtered(
            lambda m: m.recipient_ids == self.emp_anna.work_contact_id
        )
        self.assertIn(
            "Dit is een herinnering: wij hebben uw antwoorden nog niet ontvangen.",
            self._text(dutch),
        )
        self.assertEqual(
            dutch.subject, "Uitnodiging: Klantwaardeonderzoek interne klanten"
        )

    def test_invitation_template_is_the_addons_own(self):
        template = self.env.ref(INVITE)
        self.assertEqual(template.model, "survey.user_input")
        self.assertIn("Geachte", template.with_context(lang="nl_NL").body_html or "")
