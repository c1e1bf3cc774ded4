# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management - Referrals Dashboard",
    "summary": "Referrals and Hires dashboard in the Dashboards app: referrals, "
    "hires from referrals, referral-to-hire rate, top referrers",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["hr_relationship_spreadsheet_dashboard", "hr_relationship_recruitment"],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_relationship_referral_report_rules.xml",
        "views/hr_relationship_referral_report_views.xml",
        "data/dashboards.xml",
    ],
}
