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
        "views/menus.xml",
    ],
    "demo": [],
}
