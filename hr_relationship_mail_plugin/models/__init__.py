from . import hr_relationship_interaction
from . import hr_stakeholder
