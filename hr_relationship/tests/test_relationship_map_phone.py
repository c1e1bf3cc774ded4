# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, TransactionCase, tagged

from .common import canvas_map_url, make_fixture


@tagged("post_install", "-at_install")
class TestRelationshipMapDateFacts(TransactionCase):
    def test_date_facts_are_typed(self):
        """The panel formats dates for the user: it needs them marked."""
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        data = make_fixture(env, "Dates", env.ref("base.user_admin"))
        details = env["hr.relationship.map"].get_node_details(
            "hr.stakeholder", data["supplier"].id
        )
        facts = {fact["label"]: fact for fact in details["facts"]}
        fields = env["hr.stakeholder"]._fields
        last = facts[fields["last_interaction_date"].string]
        self.assertEqual(last["type"], "date")
        self.assertEqual(last["value"], "2026-02-01")
        self.assertEqual(facts[fields["influence"].string]["type"], "integer")


@tagged("post_install", "-at_install")
class TestRelationshipMapPhone(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_relationship_map_phone_tour(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        data = make_fixture(env, "Phone", env.ref("base.user_admin"))
        data["supplier_partner"].name = "Phone Tour Supplier"
        # A format no default language uses, so the tour cannot meet it by
        # chance: the supplier's last interaction, 2026-02-01, reads 01.02.2026.
        env.ref("base.lang_en").date_format = "%d.%m.%Y"
        self.start_tour(
            "/odoo/action-hr_relationship.action_relationship_map",
            "hr_relationship_map_phone_tour",
            login="admin",
        )

    def test_canvas_keeps_the_found_person_above_the_sheet(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        self.start_tour(
            canvas_map_url(env, "Phone Canvas"),
            "hr_relationship_map_canvas_phone_tour",
            login="admin",
        )

    def test_log_interaction_is_a_button_in_sight(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        data = make_fixture(env, "Phone Log", env.ref("base.user_admin"))
        for url in (
            f"/odoo/action-hr_relationship.hr_stakeholder_action/{data['supplier'].id}",
            f"/odoo/action-hr_relationship.hr_internal_client_action/{data['client'].id}",
        ):
            self.start_tour(url, "hr_relationship_phone_log_tour", login="admin")
