# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools.anonymity import withheld_groups
from .common import (
    BUSINESS_PARTNER_GROUP,
    HrRelationshipCase,
    RpcCase,
    SatisfactionSurveyMixin,
)

MIN_GROUP_PARAM = "hr_relationship.anonymity_min_group"
FIGURES = ["csat", "nps", "mean_satisfaction", "satisfaction_count", "promoter_count"]


class AnonymityMixin(SatisfactionSurveyMixin):
    """Three clients of an anonymous campaign: Large (6 respondents), Medium
    (5) and Small (1). The one person of Small answers 5 and 10 and rates
    recruitment 5/1; everybody else answers 2 and 3 and rates it 3/3, so
    that any figure of Small stands out."""

    @classmethod
    def _setup_anonymity(cls):
        cls._setup_survey_refs()
        export = cls.env.ref("base.group_allow_export")
        (cls.user | cls.manager).group_ids = [Command.link(export.id)]
        Client = cls.env["hr.internal.client"]
        cls.clients = {}
        cls.people = {}
        for name, size in (("Large", 6), ("Medium", 5), ("Small", 1)):
            client = Client.create(
                {
                    "name": f"HRR {name}",
                    "company_id": cls.company.id,
                    "hr_partner_id": cls.user.id,
                }
            )
            cls.clients[name] = client
            cls.people[name] = cls.env["hr.stakeholder"].create(
                [
                    {
                        "partner_id": cls.env["res.partner"]
                        .create(
                            {
                                "name": f"HRR {name} person {n}",
                                "email": f"{name.lower()}{n}@hrr.example.com",
                            }
                        )
                        .id,
                        "company_id": cls.company.id,
                        "internal_client_ids": [Command.link(client.id)],
                    }
                    for n in range(size)
                ]
            )

    def _closed_campaign(self, anonymous=True, extra=None):
        clients = self.clients["Large"] | self.clients["Medium"] | self.clients["Small"]
        campaign = self._campaign(clients, anonymous=anonymous)
        if extra:
            campaign.participant_ids |= extra
        campaign.action_send()
        for name, people in self.people.items():
            for person in people:
                small = name == "Small"
                self._answer(
                    campaign,
                    person,
                    {
                        self.q_sat: "5" if small else "2",
                        self.q_rec: "10" if small else "3",
                        self.q_recr_imp: "5" if small else "3",
                        self.q_recr_perf: "1" if small else "3",
                        self.q_keep: f"Words of {person.name}",
                    },
                )
        if extra:
            self._answer(campaign, extra, {self.q_sat: "4", self.q_rec: "9"})
        campaign.action_close()
        return campaign

    def _client_result(self, campaign, name):
        return self._result(campaign, "internal_client", self.clients[name])

    def _answer_logged_in(self, campaign, person):
        """``person`` answers while logged in, as survey's controller runs it:
        as superuser, with the person's own user behind it."""
        user = new_test_user(
            self.env,
            login=f"hrr_invitee_{person.id}",
            groups="base.group_user",
            partner_id=person.partner_id.id,
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        answer = self._answer_of(campaign, person).with_user(user).sudo()
        answer._save_lines(self.q_sat, "2")
        answer._save_lines(self.q_keep, "Candid words")
        answer._mark_done()
        # What survey's controller writes right after.
        answer.last_displayed_page_id = self.q_keep
        return answer, user

    def _person_links(self, env, answer, person, user):
        """What ``env`` can read that ties ``answer`` to ``person``: a field
        of the answer, of its lines or of any record pointing at it, of its
        messages, or a mail holding its link."""
        person_ids = {
            "hr.stakeholder": person.id,
            "res.partner": person.partner_id.id,
            "res.users": user.id,
        }
        records = [env["survey.user_input"].browse(answer.id)]
        for model in env.registry.values():
            for field in model._fields.values():
                if (
                    field.type == "many2one"
                    and field.comodel_name == "survey.user_input"
                    and field.store
                    and not model._abstract
                    and env[model._name].has_access("read")
                ):
                    records.append(
                        env[model._name].search([(field.name, "=", answer.id)])
                    )
        records.append(
            env["mail.message"].search(
                [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
            )
        )
        found = []
        for record in records:
            for row in record.read():
                for name, value in row.items():
                    field = record._fields[name]
                    target = person_ids.get(field.comodel_name)
                    linked = (
                        value == target
                        or (isinstance(value, tuple) and value[0] == target)
                        or (isinstance(value, list) and target in value)
                    )
                    if (target and linked) or (
                        isinstance(value, str) and person.email in value
                    ):
                        found.append(f"{record._name}.{name}")
        mails = (
            env["mail.mail"].sudo().search([("body_html", "like", answer.access_token)])
        )
        found += [f"mail.mail {mail.id}" for mail in mails]
        return found


@tagged("post_install", "-at_install")
class TestAnonymity(AnonymityMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_anonymity()

    def test_withheld_groups(self):
        a, b, c = 1, 2, 3
        # Small client alone is withheld; the rest of the campaign is
        # then one person: the smallest published client goes too.
        self.assertEqual(
            withheld_groups(
                {frozenset([a]): 6, frozenset([b]): 5, frozenset([c]): 1}, set(), 5
            ),
            (False, {c}, {b, c}),
        )
        # A respondent of no client is a group of one as well.
        self.assertEqual(
            withheld_groups({frozenset([a]): 6, frozenset(): 1}, set(), 5),
            (False, set(), {a}),
        )
        # Someone in two clients is covered by the published one.
        self.assertEqual(
            withheld_groups({frozenset([a]): 5, frozenset([a, c]): 1}, set(), 5),
            (False, {c}, {c}),
        )
        # Too few in the whole campaign: everything goes.
        self.assertEqual(
            withheld_groups({frozenset([a]): 3, frozenset([b]): 1}, set(), 5),
            (True, {a, b}, {a, b}),
        )
        # Enough withheld to hide the smallest: nothing more.
        self.assertEqual(
            withheld_groups(
                {frozenset([a]): 6, frozenset([b]): 3, frozenset([c]): 2}, set(), 5
            ),
            (False, {b, c}, {b, c}),
        )

    def test_small_groups_and_their_complement_are_withheld(self):
        campaign = self._closed_campaign()
        small = self._client_result(campaign, "Small")
        medium = self._client_result(campaign, "Medium")
        large = self._client_result(campaign, "Large")
        whole = self._result(campaign, "campaign")
        self.assertEqual(small.withheld, "small_group")
        self.assertEqual(small.withheld_note, "Fewer than 5 answers")
        # Published, Large and the whole campaign would give Small away as
        # the difference; Medium, the smallest published, goes with it.
        self.assertEqual(medium.withheld, "complement")
        self.assertIn("fewer than 5", medium.withheld_note)
        self.assertFalse(large.withheld)
        self.assertFalse(whole.withheld)
        self.assertEqual(large.csat, 0.0)
        self.assertEqual(large.satisfaction_count, 6)
        self.assertEqual(whole.satisfaction_count, 12)
        self.assertAlmostEqual(whole.csat, 100.0 / 12, places=1)
        # Participation stays visible; no figure of an answer does.
        self.assertEqual((small.invited_count, small.responded_count), (1, 1))
        for result in small | medium:
            self.assertEqual(result.min_group_size, 5)
            self.env.cr.execute(
                "SELECT csat, nps, mean_satisfaction, satisfaction_count,"
                " promoter_count, detractor_count FROM hr_satisfaction_result"
                " WHERE id = %s",
                result.ids,
            )
            self.assertEqual(self.env.cr.fetchone(), (None,) * 6)
        # The same per HR service.
        for result in small | medium:
            [line] = result.service_result_ids
            self.assertTrue(line.withheld)
            self.assertEqual(line.gap, 0.0)
            self.env.cr.execute(
                "SELECT importance_mean, performance_mean, gap, importance_count"
                " FROM hr_satisfaction_service_result WHERE id = %s",
                line.ids,
            )
            self.assertEqual(self.env.cr.fetchone(), (None,) * 4)
        [large_line] = large.service_result_ids
        self.assertFalse(large_line.withheld)
        self.assertEqual(large_line.importance_count, 6)
        self.assertAlmostEqual(large_line.gap, 0.0)
        [whole_line] = whole.service_result_ids
        self.assertFalse(whole_line.withheld)
        self.assertEqual(whole_line.importance_count, 12)

    def test_grouped_reports_cannot_rebuild_a_withheld_figure(self):
        campaign = self._closed_campaign()
        large = self._client_result(campaign, "Large")
        Result = self.env["hr.satisfaction.result"].with_user(self.user)
        [group] = Result.formatted_read_group(
            [("campaign_id", "=", campaign.id), ("scope", "=", "internal_client")],
            ["campaign_id"],
            ["csat:avg", "satisfaction_count:sum", "promoter_count:sum"],
        )
        # Only Large counts: neither Small nor Medium enters a sum or a mean.
        self.assertEqual(group["satisfaction_count:sum"], large.satisfaction_count)
        self.assertEqual(group["promoter_count:sum"], 0)
        self.assertEqual(group["csat:avg"], 0.0)
        web = Result.web_read_group(
            [("campaign_id", "=", campaign.id), ("scope", "=", "internal_client")],
            ["internal_client_id"],
            ["nps:avg"],
        )
        by_client = {g["internal_client_id"][0]: g["nps:avg"] for g in web["groups"]}
        # All of it NULL: the ORM answers False, as for any empty group.
        self.assertIs(by_client[self.clients["Small"].id], False)
        self.assertEqual(by_client[self.clients["Large"].id], -100.0)
        # Searching on a figure finds nothing to tell it by: the one
        # promoter is in the whole campaign only.
        self.assertEqual(
            Result.search(
                [("campaign_id", "=", campaign.id), ("promoter_count", ">", 0)]
            ).mapped("scope"),
            ["campaign"],
        )
        # Exports carry the mark, not the figure.
        small = self._client_result(campaign, "Small").with_user(self.user)
        [row] = small.export_data(["csat", "nps", "withheld"])["datas"]
        self.assertNotIn(100.0, row[:2])
        self.assertNotEqual(row[2], "")
        Service = self.env["hr.satisfaction.service.result"].with_user(self.user)
        [group] = Service.formatted_read_group(
            [("campaign_id", "=", campaign.id), ("scope", "=", "internal_client")],
            ["campaign_id"],
            ["gap:avg", "importance_count:sum"],
        )
        self.assertEqual(group["importance_count:sum"], 6)
        self.assertEqual(group["gap:avg"], 0.0)

    def test_client_figures_and_health_leave_withheld_results_out(self):
        campaign = self._closed_campaign()
        small = self.clients["Small"]
        self.assertFalse(small.latest_survey_date)
        # Nobody answered for it that may be shown: no figure, not 0.
        self.assertIs(small.latest_csat, False)
        self.assertIs(small.latest_nps, False)
        self.assertEqual(self.clients["Large"].latest_survey_date, campaign.closed_date)
        small.write({"contact_cadence_days": 0})
        small.action_refresh_health()
        # No known part at all: the survey of one person is not one.
        self.assertFalse(small.health_score)
        snapshot = small.health_snapshot_ids
        # Withheld: empty (a blank cell), not a CSAT of 0.
        self.assertIs(snapshot.latest_csat, False)
        self.assertIs(snapshot.read(["latest_nps"])[0]["latest_nps"], False)

    def test_named_campaigns_are_not_affected(self):
        campaign = self._closed_campaign(anonymous=False)
        small = self._client_result(campaign, "Small")
        self.assertFalse(campaign.result_ids.filtered("withheld"))
        self.assertEqual(small.csat, 100.0)
        self.assertEqual(small.nps, 100.0)
        self.assertEqual(self.clients["Small"].latest_csat, 100.0)

    def test_open_answers_below_the_minimum_are_withheld(self):
        survey_user = self.env.ref("survey.group_survey_user")
        self.manager.group_ids = [Command.link(survey_user.id)]
        campaign = self._campaign(self.clients["Small"], anonymous=True)
        campaign.action_send()
        self._answer(campaign, self.people["Small"], {self.q_keep: "Only me"})
        campaign.action_close()
        with self.assertRaisesRegex(UserError, "fewer than 5 answers"):
            campaign.with_user(self.manager).action_view_answers()
        self.assertTrue(self._closed_campaign().action_view_answers()["domain"])
        named = self._campaign(self.clients["Small"])
        named.action_send()
        self.assertTrue(named.action_view_answers()["domain"])

    def test_a_respondent_without_client_counts_as_a_group(self):
        loner = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "HRR Loner", "email": "loner@hrr.example.com"})
                .id,
                "company_id": self.company.id,
            }
        )
        self.people["Small"].internal_client_ids = [
            Command.set(self.clients["Large"].ids)
        ]
        campaign = self._closed_campaign(extra=loner)
        # Large (7) plus Medium (5) published would leave the loner as the
        # difference with the whole campaign.
        self.assertEqual(self._client_result(campaign, "Medium").withheld, "complement")
        self.assertFalse(self._client_result(campaign, "Large").withheld)

    def test_minimum_group_size_setting(self):
        self.assertEqual(
            self.env["res.config.settings"].create({}).hr_anonymity_min_group, 5
        )
        for wrong in (0, -3, 1001):
            with self.assertRaisesRegex(ValidationError, "minimum group size"):
                self.env["res.config.settings"].create(
                    {"hr_anonymity_min_group": wrong}
                )
        self.env["res.config.settings"].create({"hr_anonymity_min_group": 1}).execute()
        campaign = self._closed_campaign()
        self.assertFalse(campaign.result_ids.filtered("withheld"))
        self.assertEqual(self._client_result(campaign, "Small").csat, 100.0)
        # Raising it withholds closed campaigns at once; lowering it again
        # cannot bring back what is no longer stored.
        self.env["res.config.settings"].create({"hr_anonymity_min_group": 6}).execute()
        self.assertEqual(self._client_result(campaign, "Small").withheld, "small_group")
        self.assertEqual(
            self._client_result(campaign, "Medium").withheld, "small_group"
        )
        # Small and Medium together are six: Large may stay.
        self.assertFalse(self._client_result(campaign, "Large").withheld)
        self.assertEqual(self._client_result(campaign, "Small").csat, 0.0)
        self.env["res.config.settings"].create({"hr_anonymity_min_group": 1}).execute()
        self.assertEqual(self._client_result(campaign, "Small").withheld, "small_group")
        self.assertEqual(
            self._client_result(campaign, "Small").withheld_note,
            "Fewer than 6 answers",
        )

    def test_results_stored_before_the_setting_are_withheld_on_update(self):
        set_param = self.env["ir.config_parameter"].sudo().set_param
        set_param(MIN_GROUP_PARAM, "1")
        campaign = self._closed_campaign()
        self.assertEqual(self._client_result(campaign, "Small").csat, 100.0)
        set_param(MIN_GROUP_PARAM, "5")
        # What the data file of the app runs on each update.
        self.env["hr.satisfaction.result"]._withhold_closed_anonymous()
        small = self._client_result(campaign, "Small")
        self.assertEqual(small.withheld, "small_group")
        self.assertEqual(small.csat, 0.0)
        self.assertFalse(self.clients["Small"].latest_survey_date)


@tagged("post_install", "-at_install")
class TestAnonymousAnswers(AnonymityMixin, HrRelationshipCase):
    """Once submitted, an anonymous answer keeps nothing of its person, for
    administrators too; who has not finished yet still gets reminders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_anonymity()
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids = [Command.link(cls.company.id)]

    def test_a_submitted_answer_keeps_nothing_of_its_person(self):
        people = self.people["Large"]
        campaign = self._campaign(self.clients["Large"], anonymous=True)
        campaign.action_send()
        person = people[0]
        answer, user = self._answer_logged_in(campaign, person)
        for admin in (self.manager, self.admin):
            with self.subTest(admin=admin.login):
                self.assertEqual(
                    self._person_links(admin.env, answer, person, user), []
                )
        self.assertEqual(answer.state, "done")
        # What the figures need stays: the client the person belonged to.
        self.assertEqual(answer.hr_internal_client_ids, self.clients["Large"])
        # The others have not answered: their answers still lead to them,
        # for the reminders.
        self.assertEqual(campaign.user_input_ids.hr_stakeholder_id, people - person)

    def test_reminders_reach_only_the_unfinished(self):
        people = self.people["Large"]
        campaign = self._campaign(self.clients["Large"], anonymous=True)
        campaign.action_send()
        finished = people[:2]
        for person in finished:
            self._answer(campaign, person, {self.q_sat: "4"})
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([])
        campaign.action_remind()
        reminders = Mail.search([]) - before
        self.assertEqual(len(reminders), len(people) - 2)
        self.assertEqual(reminders.recipient_ids, (people - finished).partner_id)
        self.assertEqual(campaign.responded_count, 2)

    def test_closing_forgets_the_unfinished_too(self):
        campaign = self._campaign(self.clients["Large"], anonymous=True)
        campaign.action_send()
        person = self.people["Large"][0]
        self._answer(campaign, person, {self.q_sat: "4"}, done=False)
        campaign.action_close()
        self.assertFalse(campaign.sudo().user_input_ids.hr_stakeholder_id)
        self.assertEqual(self._result(campaign, "campaign").invited_count, 6)

    def test_a_named_campaign_keeps_its_link(self):
        campaign = self._campaign(self.clients["Large"], anonymous=False)
        campaign.action_send()
        person = self.people["Large"][0]
        answer, user = self._answer_logged_in(campaign, person)
        self.assertEqual(answer.hr_stakeholder_id, person)
        self.assertEqual(answer.partner_id, person.partner_id)
        self.assertIn(
            "survey.user_input.hr_stakeholder_id",
            self._person_links(self.manager.env, answer, person, user),
        )


@tagged("post_install", "-at_install")
class TestAnonymityRpc(AnonymityMixin, RpcCase):
    """Over XML-RPC, as an HR user and an HR business partner: no reading
    path gives a withheld figure back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_anonymity()
        cls.bp_user = cls._new_user("hrr_anon_bp", BUSINESS_PARTNER_GROUP)
        cls.bp_user.group_ids = [
            Command.link(cls.env.ref("base.group_allow_export").id)
        ]

    def test_rpc_reads(self):
        campaign = self._closed_campaign()
        small = self._client_result(campaign, "Small")
        domain = [("campaign_id", "=", campaign.id), ("scope", "=", "internal_client")]
        for user in (self.user, self.bp_user, self.manager):
            with self.subTest(user=user.login):
                [values] = self._execute(
                    user,
                    "hr.satisfaction.result",
                    "read",
                    [small.ids],
                    {"fields": [*FIGURES, "withheld", "withheld_note"]},
                )
                self.assertEqual({values[f] for f in FIGURES}, {0})
                self.assertEqual(values["withheld_note"], "Fewer than 5 answers")
                rows = self._execute(
                    user,
                    "hr.satisfaction.result",
                    "search_read",
                    [domain + [("withheld", "!=", False)]],
                    {"fields": FIGURES},
                )
                self.assertEqual(len(rows), 2)
                self.assertEqual({r[f] for r in rows for f in FIGURES}, {0})
                [group] = self._execute(
                    user,
                    "hr.satisfaction.result",
                    "formatted_read_group",
                    [domain, [], ["csat:max", "nps:max", "promoter_count:sum"]],
                )
                self.assertEqual(group["csat:max"], 0.0)
                self.assertEqual(group["nps:max"], -100.0)
                self.assertEqual(group["promoter_count:sum"], 0)
                web = self._execute(
                    user,
                    "hr.satisfaction.result",
                    "web_read_group",
                    [domain, ["internal_client_id"], ["csat:max", "nps:max"]],
                )
                self.assertNotIn(100.0, [g["csat:max"] for g in web["groups"]])
                self.assertNotIn(100.0, [g["nps:max"] for g in web["groups"]])
                exported = self._execute(
                    user,
                    "hr.satisfaction.result",
                    "export_data",
                    [small.ids, ["csat", "nps", "promoter_count"]],
                )
                self.assertNotIn(100.0, exported["datas"][0])
                self.assertNotIn(1, exported["datas"][0])
                lines = self._execute(
                    user,
                    "hr.satisfaction.service.result",
                    "formatted_read_group",
                    [
                        [("campaign_id", "=", campaign.id), ("withheld", "!=", False)],
                        [],
                        ["gap:max", "performance_mean:min"],
                    ],
                )
                self.assertIs(lines[0]["gap:max"], False)
                self.assertIs(lines[0]["performance_mean:min"], False)

    def _may_read(self, record, fname):
        # From the database, as a request reads it.
        self.env.invalidate_all()
        try:
            record.read([fname])
        except AccessError:
            return False
        return True

    def test_rpc_a_submitted_answer_keeps_nothing_of_its_person(self):
        admin = self.env.ref("base.user_admin")
        admin.company_ids = [Command.link(self.company.id)]
        campaign = self._campaign(self.clients["Small"], anonymous=True)
        campaign.action_send()
        [person] = self.people["Small"]
        answer = self._answer(campaign, person, {self.q_keep: "Only me"})
        for user in (self.manager, admin):
            with self.subTest(user=user.login):
                # Every field the user may read: since 19.0 reading all of
                # them also reads the survey and its questions, which survey
                # keeps to its own users.
                readable = [
                    name
                    for name in answer._fields
                    if self._may_read(answer.with_user(user), name)
                ]
                [row] = self._execute(
                    user,
                    "survey.user_input",
                    "read",
                    [answer.ids],
                    {"fields": readable},
                )
                people = ("hr_stakeholder_id", "partner_id", "email", "nickname")
                self.assertEqual({row[name] for name in people}, {False})
                self.assertFalse(row["invite_token"])
                self.assertNotIn(person.email, str(row))
                self.assertNotIn(person.name, str(row))
                found = self._execute(
                    user,
                    "survey.user_input",
                    "search",
                    [
                        [
                            "|",
                            ("hr_stakeholder_id", "=", person.id),
                            ("partner_id", "=", person.partner_id.id),
                        ]
                    ],
                )
                self.assertEqual(found, [])

    def test_rpc_open_answers_withheld(self):
        campaign = self._campaign(self.clients["Small"], anonymous=True)
        campaign.action_send()
        self._answer(campaign, self.people["Small"], {self.q_keep: "Only me"})
        campaign.action_close()
        self.manager.group_ids = [
            Command.link(self.env.ref("survey.group_survey_user").id)
        ]
        with self.assertRaises(Fault) as caught:
            self._execute(
                self.manager,
                "hr.satisfaction.survey",
                "action_view_answers",
                [campaign.ids],
            )
        self.assertIn("fewer than 5 answers", caught.exception.faultString)
        self.assertNotIn("Only me", caught.exception.faultString)


@tagged("post_install", "-at_install")
class TestPrivacyScreens(AnonymityMixin, HttpCase, HrRelationshipCase):
    """The new screens open in the browser and say what they must."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_anonymity()

    def _open(self, path, text):
        self.browser_js(
            path,
            "console.log('test successful')",
            ready=f"document.querySelector('.o_list_renderer') && "
            f"document.body.innerText.includes({text!r})",
            login=self.manager.login,
        )

    def test_withheld_service_figures_are_blank_on_the_campaign(self):
        """The campaign's figures per HR service: withheld ones read as the
        reason they are withheld, never as 0.00."""
        campaign = self._campaign(self.clients["Small"], anonymous=True)
        campaign.action_send()
        [person] = self.people["Small"]
        self._answer(campaign, person, {self.q_recr_imp: "5", self.q_recr_perf: "1"})
        campaign.action_close()
        self.assertTrue(campaign.service_result_ids.withheld)
        self.browser_js(
            f"/odoo/action-hr_relationship.action_hr_satisfaction_survey/{campaign.id}",
            """
            const tab = [...document.querySelectorAll(".o_notebook .nav-link")]
                .find((link) => link.textContent.includes("Per HR Service"));
            tab.click();
            const check = () => {
                const row = document.querySelector(
                    "[name=service_result_ids] .o_data_row"
                );
                if (!row) {
                    return setTimeout(check, 100);
                }
                const text = row.innerText;
                const figure = /[0-9][.,][0-9][0-9]/.test(text);
                if (figure || !text.includes("Fewer than 5")) {
                    console.error(`A withheld line shows: ${text}`);
                } else {
                    console.log("test successful");
                }
            };
            check();
            """,
            ready="!!document.querySelector('.o_form_view .o_notebook')",
            login=self.manager.login,
        )

    def test_screens(self):
        self._closed_campaign()
        self._open(
            "/odoo/action-hr_relationship.action_hr_satisfaction_result?view_type=list",
            "Fewer than 5 answers",
        )
        candidate = self.env["hr.stakeholder"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "HRR Carla Candidate"})
                .id,
                "company_id": self.company.id,
                "relation_type": "candidate",
            }
        )
        self.assertTrue(candidate.retention_date)
        self._open(
            "/odoo/action-hr_relationship.hr_stakeholder_action_retention",
            "HRR Carla Candidate",
        )
        candidate._privacy_anonymise("request")
        self._open(
            "/odoo/action-hr_relationship.hr_relationship_retention_log_action",
            "Erased on Request",
        )
