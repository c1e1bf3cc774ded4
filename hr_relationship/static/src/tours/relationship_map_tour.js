/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const SUPPLIER = ".o_hr_map_node[data-label='Map Tour Supplier']";

registry.category("web_tour.tours").add("hr_relationship_map_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='hr_relationship.menu_relationship_root']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_relationship_map']",
            run: "click",
        },
        {
            trigger: ".o_hr_map_canvas[data-loading='0'] .o_hr_map_node",
        },
        {
            trigger: ".o_hr_map_search",
            run: "edit Map Tour Supplier",
        },
        {
            trigger: ".o_hr_map_search_button",
            run: "click",
        },
        {
            trigger: `.o_hr_map_canvas[data-loading='0'] ${SUPPLIER}.o_hr_map_node_match`,
            run: "click",
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_facts:contains('Supplier')",
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_focus",
            run: "click",
        },
        {
            // Focused with depth 2: the project and its internal client come along.
            trigger: `.o_hr_map_toolbar:has(.o_hr_map_clear_focus) + .o_hr_map_body .o_hr_map_canvas[data-loading='0'] ${SUPPLIER}.o_hr_map_node_focus`,
        },
        {
            trigger: ".o_hr_map_node[data-label='Map Tour Client']",
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_open",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_last_breadcrumb_item:contains('Map Tour Supplier')",
        },
    ],
});
