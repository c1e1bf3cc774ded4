from . import report_account_plan
