/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// The map forced onto the canvas (map_renderer "canvas" in the action's
// context): drawn, searched, its side panel and a focus.
export const DRAWN = ".o_hr_map_canvas[data-renderer='canvas'][data-loading='0'][data-drawn]";

/** The canvas drawn, then a search that finds only the supplier. */
export function searchSupplierSteps() {
    return [
        {
            trigger: `${DRAWN} canvas`,
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
            // The only match: its side panel opens by itself.
            trigger: ".o_hr_map_panel .o_hr_map_panel_title:contains('Map Tour Supplier')",
        },
    ];
}

registry.category("web_tour.tours").add("hr_relationship_map_canvas_tour", {
    steps: () => [
        ...searchSupplierSteps(),
        {
            trigger: ".o_hr_map_panel .o_hr_map_facts:contains('Supplier')",
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_focus",
            run: "click",
        },
        {
            trigger: `.o_hr_map_toolbar:has(.o_hr_map_clear_focus) + .o_hr_map_body ${DRAWN}`,
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
