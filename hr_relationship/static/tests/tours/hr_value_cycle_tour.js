/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hr_value_cycle_tour", {
    steps: () => [
        {
            content: "The closed campaign",
            trigger: ".o_breadcrumb:contains(HRR tour value check)",
        },
        {
            content: "Plan improvements from its results",
            trigger: "button[name=action_plan_improvements]",
            run: "click",
        },
        {
            content: "Recruitment is important but poorly performed",
            trigger: ".modal .o_data_row:contains(Improve Recruitment and selection)",
        },
        {
            content: "Sales is unhappy",
            trigger: ".modal .o_data_row:contains(Win back HRR Sales)",
        },
        {
            content: "Plan both",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The planned actions",
            trigger: ".o_list_view .o_data_row:contains(Improve Recruitment and selection)",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Win back HRR Sales)",
        },
    ],
});
