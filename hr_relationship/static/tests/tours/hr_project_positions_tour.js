/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// The demo project's support and positions, then a stakeholder's relations
// as they read from that stakeholder.
registry.category("web_tour.tours").add("hr_relationship_positions_tour", {
    url: "/odoo/action-hr_relationship.project_project_action_hr_support",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Hybride werken')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook a[name='hr_stakeholders']",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name='hr_support_index']",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='hr_project_stakeholder_ids'] .o_data_row:contains('Ernest Reed'):contains('Sceptic')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='hr_below_target_count']",
        },
    ],
});

registry.category("web_tour.tours").add("hr_relationship_person_relations_tour", {
    url: "/odoo/action-hr_relationship.hr_stakeholder_action",
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Kees Willems')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook a[name='person_relations']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='person_relation_ids'] .o_data_row:contains('Introduced by'):contains('Femke Jansen')",
        },
        {
            trigger:
                ".o_field_widget[name='person_relation_ids'] .o_data_row:contains('Former colleague of'):contains('Femke Jansen')",
        },
        {
            trigger: ".o_form_view .o_notebook a[name='project_positions']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='project_position_ids'] .o_data_row:contains('Hybride werken'):contains('Blocker')",
        },
    ],
});
