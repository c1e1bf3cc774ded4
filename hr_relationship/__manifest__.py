# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management",
    "summary": "Internal clients, stakeholders, interactions and customer-value "
    "surveys for HR, in one relational view",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["hr", "crm", "project", "survey", "mail"],
    "data": [
        "security/hr_relationship_security.xml",
        "security/ir.model.access.csv",
        "security/hr_relationship_rules.xml",
        "security/hr_satisfaction_rules.xml",
        "data/hr_relationship_service_data.xml",
        "data/survey_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_internal_client_views.xml",
        "views/hr_stakeholder_views.xml",
        "views/hr_stakeholder_profile_views.xml",
        "views/hr_relationship_interaction_views.xml",
        "views/hr_employee_views.xml",
        "views/res_partner_views.xml",
        "views/project_project_views.xml",
        "views/crm_lead_views.xml",
        "wizard/hr_departure_wizard_views.xml",
        "views/menus.xml",
        "views/hr_satisfaction_survey_views.xml",
        "views/relationship_map_views.xml",
        "views/hr_relationship_health_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/hr_relationship_demo.xml",
        "demo/hr_relationship_interaction_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_relationship/static/src/relationship_map/**/*",
        ],
        "web.assets_tests": [
            "hr_relationship/static/tests/tours/**/*",
            "hr_relationship/static/src/tours/relationship_map_tour.js",
        ],
    },
}
