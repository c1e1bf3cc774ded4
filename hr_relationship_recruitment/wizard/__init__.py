from . import hr_applicant_stakeholder_wizard
