from . import hr_candidate_stakeholder_wizard
