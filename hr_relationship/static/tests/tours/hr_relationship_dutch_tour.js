/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Run by a user whose language is Dutch: menus, views and the map's own
// JavaScript strings must all speak Dutch.
registry.category("web_tour.tours").add("hr_relationship_dutch_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "The app is called Relaties",
            trigger: ".o_app[data-menu-xmlid='hr_relationship.menu_relationship_root']:contains(Relaties)",
            run: "click",
        },
        {
            content: "The app opens on the overview, in Dutch",
            trigger: ".o_hr_overview .o_hr_overview_card[data-card=overdue]:contains(Mijn achterstallige contacten)",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_internal_client']",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(Interne klanten)",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_relationship_map']:contains(Relatiekaart)",
            run: "click",
        },
        {
            content: "The map's legend comes from its JavaScript translations",
            trigger: ".o_hr_map_canvas[data-loading='0'] .o_hr_map_node",
        },
        {
            trigger: ".o_hr_relationship_map:contains(Interne klant):contains(Afdeling)",
        },
    ],
});
