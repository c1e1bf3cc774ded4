# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management - Capture of Contacts",
    "summary": "Calendar meetings, e-mail and a relationships mailbox log "
    "themselves as HR relationship interactions",
    "version": "19.0.1.2.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": False,
    "depends": [
        "hr_relationship",
        "calendar",
        "mail",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_relationship_capture_rules.xml",
        "data/hr_relationship_capture_data.xml",
        "views/hr_relationship_interaction_views.xml",
        "views/hr_relationship_capture_backfill_run_views.xml",
        "wizard/hr_relationship_capture_backfill_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_users_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_relationship_capture_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_relationship_capture/static/tests/tours/**/*",
        ],
    },
}
