from . import hr_internal_client
from . import hr_stakeholder
from . import hr_stakeholder_profile
from . import hr_relationship_interaction
from . import hr_employee
from . import res_partner
from . import project_project
from . import crm_lead
