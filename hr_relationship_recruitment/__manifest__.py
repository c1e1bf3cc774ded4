# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management - Recruitment",
    "summary": "Candidates and applicants as relationships: referrals, hires, "
    "boomerangs, recruitment steps as interactions and the candidate-experience "
    "pulse",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["hr_relationship", "hr_recruitment"],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_relationship_recruitment_rules.xml",
        "data/survey_candidate_pulse_data.xml",
        "views/hr_stakeholder_views.xml",
        "views/hr_relationship_interaction_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_applicant_views.xml",
        "wizard/hr_applicant_stakeholder_wizard_views.xml",
    ],
    "demo": [
        "demo/hr_relationship_recruitment_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.assets_tests": [
            "hr_relationship_recruitment/static/tests/tours/**/*",
        ],
    },
}
