from . import hr_departure_wizard
from . import privacy_lookup_wizard
from . import hr_improvement_plan_wizard
from . import hr_improvement_plan_wizard_line
from . import hr_relationship_who_knows
from . import hr_relationship_who_knows_line
from . import hr_relationship_handover
from . import hr_relationship_handover_line
