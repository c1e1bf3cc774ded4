from . import test_digest_kpis
from . import test_translations
