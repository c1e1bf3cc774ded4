from . import report_account_plan
from . import report_handover_dossier
from . import report_handover_portfolio
