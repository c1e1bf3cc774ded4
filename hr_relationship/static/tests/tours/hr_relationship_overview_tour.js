/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("hr_relationship_overview_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='hr_relationship.menu_relationship_root']",
            run: "click",
        },
        {
            content: "The app opens on the overview of the signed-in person",
            trigger: ".o_hr_overview .o_hr_overview_card[data-card=campaigns]",
        },
        {
            trigger: ".o_hr_overview .o_hr_overview_trend",
        },
        {
            content: "A card opens the list it summarises",
            trigger: ".o_hr_overview_card[data-card=overdue] .o_hr_overview_open",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains(My overdue contacts)",
        },
        {
            trigger: ".o_list_view",
        },
    ],
});
