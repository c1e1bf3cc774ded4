# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_capture_calendar
from . import test_capture_email
from . import test_capture_mailbox
from . import test_capture_backfill
from . import test_capture_access
from . import test_capture_concurrency
from . import test_capture_trust
from . import test_malformed_input
from . import test_wizard_access
from . import test_ui_tour
from . import test_translations
from . import test_capture_jobs
