# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management - Dashboard",
    "summary": "Relationships dashboard in the Dashboards app: health, "
    "satisfaction, coverage, overdue contacts, concerns and actions",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["hr_relationship", "spreadsheet_dashboard"],
    "data": [
        "data/dashboards.xml",
    ],
}
