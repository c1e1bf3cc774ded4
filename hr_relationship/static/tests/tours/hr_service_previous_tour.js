/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// A campaign with no earlier one of its kind: "Before" and "Change" are
// blank on its services, not 0.00.
registry.category("web_tour.tours").add("hr_service_previous_tour", {
    steps: () => [
        {
            content: "The first closed campaign",
            trigger: ".o_breadcrumb:contains(HRR first value check)",
        },
        {
            content: "Its figures per HR service",
            trigger: "a.nav-link:contains(Per HR Service)",
            run: "click",
        },
        {
            content: "Recruitment has a performance of its own",
            trigger:
                ".o_data_row:contains(Recruitment and selection) td[name=performance_mean]:contains(2.33)",
        },
        {
            content: "and nothing before it",
            trigger:
                ".o_data_row:contains(Recruitment and selection) td[name=previous_performance_mean]:empty",
        },
        {
            content: "so no change either",
            trigger:
                ".o_data_row:contains(Recruitment and selection) td[name=performance_delta]:empty",
        },
    ],
});
