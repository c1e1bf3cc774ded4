# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "HR Relationship Management - Digest",
    "summary": "Overdue contacts, stakeholders at risk, new concerns, CSAT and "
    "NPS in Odoo's periodic digest e-mail",
    "version": "19.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-relationship/hr_relationship",
    "author": "hr_relationship authors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["hr_relationship", "digest"],
    "data": [
        "data/digest_digest_data.xml",
        "views/digest_digest_views.xml",
    ],
}
