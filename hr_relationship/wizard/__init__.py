from . import hr_departure_wizard
from . import privacy_lookup_wizard
