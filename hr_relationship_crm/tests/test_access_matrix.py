# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestAccessMatrix(HrRelationshipCase):
    def test_plain_employee_cannot_search_on_related_fields(self):
        """Searching on this module's field of CRM's leads must not tell a
        plain employee which leads a stakeholder referred."""
        self.env["crm.lead"].create(
            {"name": "HRR Lead", "referred_stakeholder_id": self.sh_anna.id}
        )
        Lead = self.env["crm.lead"].with_user(self.internal_user)
        for domain in (
            [("referred_stakeholder_id", "=", self.sh_anna.id)],
            [("referred_stakeholder_id", "!=", False)],
        ):
            with self.subTest(domain=domain):
                try:
                    found = Lead.search(domain)
                except AccessError:
                    continue
                self.assertFalse(found, f"{domain} leaked through crm.lead")
