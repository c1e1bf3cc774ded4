from . import hr_relationship_alumnus_mixin
from . import hr_relationship_guarded_fields
from . import hr_stakeholder
from . import hr_applicant
from . import hr_relationship_interaction
from . import hr_satisfaction_survey
from . import res_config_settings
