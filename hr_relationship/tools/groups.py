# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The xmlids of the relationship groups (security/hr_relationship_security.xml),
for the code that checks them; each implies the one before it."""

RELATIONSHIP_USER = "hr_relationship.group_hr_relationship_user"
RELATIONSHIP_BUSINESS_PARTNER = "hr_relationship.group_hr_relationship_business_partner"
RELATIONSHIP_MANAGER = "hr_relationship.group_hr_relationship_manager"
