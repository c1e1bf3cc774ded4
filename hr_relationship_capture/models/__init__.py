# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_company
from . import res_users
from . import hr_relationship_interaction
from . import calendar_event
from . import mail_message
from . import mail_alias
from . import res_config_settings
from . import mail_thread
from . import hr_relationship_capture_backfill_run
