/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// An HR business partner without a role in CRM opens the ambassador
// ranking, reads its list and chart, and opens a person.
registry.category("web_tour.tours").add("hr_relationship_ambassador_ranking_tour", {
    url: "/odoo/action-hr_relationship.hr_stakeholder_action_ambassadors",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row:contains('Femke Jansen')",
        },
        {
            // CRM's lead count is not theirs to read, so it is not shown.
            trigger: ".o_list_view:not(:has(th[data-name='referral_count']))",
        },
        {
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
            run() {
                const chart = window.Chart.getChart(this.anchor);
                const title = chart.options.scales.y.title.text;
                if (title !== "Referred Candidates") {
                    throw new Error(`The ranking charts ${title}`);
                }
            },
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Femke Jansen')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Femke Jansen')",
        },
    ],
});
