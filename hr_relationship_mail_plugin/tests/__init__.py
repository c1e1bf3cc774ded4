from . import test_mail_plugin
from . import test_translations
