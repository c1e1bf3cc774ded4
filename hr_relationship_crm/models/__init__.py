from . import hr_relationship_guarded_fields
from . import crm_lead
from . import hr_stakeholder
