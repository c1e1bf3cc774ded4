# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import table_exists

from ..hooks import ANSWER_MODELS, CORE, LEGACY_CANDIDATE_TABLE, MODULE, uninstall_hook


@tagged("post_install", "-at_install")
class TestUninstallHook(TransactionCase):
    """The bridge's uninstall hook hands the xmlids of its survey, answers
    and campaigns to the core, so that Odoo's removal of the bridge's data
    leaves those records (uninstalling runs in tools/check_bridges.py)."""

    def _data(self, *domain):
        return self.env["ir.model.data"].search(list(domain))

    def test_answers_pass_to_the_core(self):
        survey = self.env.ref(f"{MODULE}.survey_candidate_pulse")
        answers = self._data(("module", "=", MODULE), ("model", "in", ANSWER_MODELS))
        self.assertIn(
            survey, self.env["survey.survey"].browse(answers.mapped("res_id"))
        )
        self.assertEqual(
            set(
                answers.filtered(lambda d: d.model == "survey.question").mapped(
                    "res_id"
                )
            ),
            set(survey.question_ids.ids),
        )
        named = {(d.name, d.model, d.res_id) for d in answers}
        others = self._data(("module", "=", MODULE)) - answers
        uninstall_hook(self.env)
        self.assertFalse(
            self._data(("module", "=", MODULE), ("model", "in", ANSWER_MODELS))
        )
        moved = self._data(
            ("module", "=", CORE), ("name", "in", answers.mapped("name"))
        )
        self.assertEqual({(d.name, d.model, d.res_id) for d in moved}, named)
        self.assertEqual(set(moved.mapped("noupdate")), {True})
        self.assertEqual(self.env.ref(f"{CORE}.survey_candidate_pulse"), survey)
        # The bridge's own records (views, fields, rules) leave with it.
        self.assertEqual(self._data(("module", "=", MODULE)), others)
        self.assertTrue(others.filtered(lambda d: d.model == "ir.ui.view"))

    def test_a_name_the_core_holds_already(self):
        """After an install, uninstall and install again, the core names the
        first survey; the second keeps no xmlid, and stays."""
        survey = self.env.ref(f"{MODULE}.survey_candidate_pulse")
        first = survey.copy()
        self.env["ir.model.data"].create(
            {
                "module": CORE,
                "name": "survey_candidate_pulse",
                "model": "survey.survey",
                "res_id": first.id,
                "noupdate": True,
            }
        )
        uninstall_hook(self.env)
        self.assertEqual(self.env.ref(f"{CORE}.survey_candidate_pulse"), first)
        self.assertFalse(
            self._data(("model", "=", "survey.survey"), ("res_id", "=", survey.id))
        )
        self.assertTrue(survey.exists())
        # Its questions, whose names the core does not hold, pass as before.
        self.assertEqual(
            self.env.ref(f"{CORE}.survey_candidate_pulse_q_comment").survey_id, survey
        )

    def test_the_18_0_candidates_leave_with_the_bridge(self):
        self.env.cr.execute(
            SQL(
                "CREATE TABLE %s (stakeholder_id integer)",
                SQL.identifier(LEGACY_CANDIDATE_TABLE),
            )
        )
        uninstall_hook(self.env)
        self.assertFalse(table_exists(self.env.cr, LEGACY_CANDIDATE_TABLE))
        # A database that never had 18.0 has no such table: nothing to drop.
        uninstall_hook(self.env)
