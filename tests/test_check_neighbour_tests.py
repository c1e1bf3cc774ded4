"""tools/check_neighbour_tests.py reads the failing tests from Odoo's log as
Odoo 19.0 writes them. No Odoo server, no database."""

import tempfile
import unittest

from tools import check_neighbour_tests as check

PREFIX = "2026-12-06 07:07:24,347 10945"
LOG = f"""\
{PREFIX} INFO db odoo.modules.loading: loading 63 modules...
{PREFIX} ERROR db odoo.addons.project.tests.test_project_stage_multicompany: \
ERROR: TestProjectStagesMulticompany.test_create_project_in_stage
Traceback (most recent call last):
  File "x.py", line 1, in test_create_project_in_stage
psycopg2.errors.NotNullViolation: null value in column "x"
{PREFIX} ERROR db odoo.addons.project.tests.test_project_flow: \
FAIL: Subtest TestProjectFlow.test_send_rating_review (stage='done')
{PREFIX} ERROR db odoo.addons.project.tests.test_project_flow: \
FAIL: Subtest TestProjectFlow.test_send_rating_review (stage='todo')
{PREFIX} ERROR db unittest.suite: \
ERROR: setUpClass (odoo.addons.mail.tests.test_mail_public_page.TestMailPublicPage)
{PREFIX} ERROR db odoo.addons.mail.tests.test_x: An error outside any test
{PREFIX} INFO db odoo.tests.result: 0 failed, 0 error(s) of 10 tests when loading
{PREFIX} ERROR db odoo.tests.result: 2 failed, 2 error(s) of 120 tests when loading
"""


class TestReadLog(unittest.TestCase):
    def test_failing_tests_and_count(self):
        with tempfile.NamedTemporaryFile("w", suffix=".log") as log:
            log.write(LOG)
            log.flush()
            failing, tally = check.read_log(log.name)
        self.assertEqual(
            failing,
            {
                "project.tests.test_project_stage_multicompany."
                "TestProjectStagesMulticompany.test_create_project_in_stage",
                "project.tests.test_project_flow.TestProjectFlow."
                "test_send_rating_review",
                "mail.tests.test_mail_public_page.TestMailPublicPage.setUpClass",
            },
        )
        self.assertEqual(tally, (2, 2, 120))


if __name__ == "__main__":
    unittest.main()
