from . import test_referrals_actions
from . import test_access_hardening
from . import test_access_matrix
from . import test_malformed_input
from . import test_translations
from . import test_readonly_methods
