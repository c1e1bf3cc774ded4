from . import test_network
from . import test_translations
