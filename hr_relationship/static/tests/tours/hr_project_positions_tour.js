/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// From the Project Support list to the demo project's Stakeholders tab.
const openHybrideWerkenStakeholders = () => [
    {
        trigger: ".o_list_view .o_data_row td[name='name']:contains('Hybride werken')",
        run: "click",
    },
    {
        trigger: ".o_form_view .o_notebook a[name='hr_stakeholders']",
        run: "click",
    },
];

// The demo project's support and positions, then a stakeholder's relations
// as they read from that stakeholder.
registry.category("web_tour.tours").add("hr_relationship_positions_tour", {
    url: "/odoo/action-hr_relationship.project_project_action_hr_support",
    steps: () => [
        ...openHybrideWerkenStakeholders(),
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

// An HR user puts an EXISTING stakeholder on a demo project: typing part of
// the name must offer that person (not only "Create"), and the new position
// then counts in the project's support.
registry.category("web_tour.tours").add("hr_relationship_add_position_tour", {
    url: "/odoo/action-hr_relationship.project_project_action_hr_support",
    steps: () => [
        ...openHybrideWerkenStakeholders(),
        {
            trigger: ".tab-pane .o_field_widget[name='hr_support_index'] > span:contains('-25.9')",
        },
        {
            trigger:
                ".o_field_widget[name='hr_project_stakeholder_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='hr_project_stakeholder_ids'] .o_selected_row .o_field_widget[name='stakeholder_id'] input",
            run: "edit Iris Mei",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Iris Meijer')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='hr_project_stakeholder_ids'] .o_selected_row .o_field_widget[name='stakeholder_id'] input:value('Iris Meijer')",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger:
                ".o_field_widget[name='hr_project_stakeholder_ids'] .o_data_row:contains('Iris Meijer'):contains('Project Partner')",
        },
        {
            // Iris starts from her general attitude (a supporter of influence
            // 3), so the index moves from -7/27 to -4/30.
            trigger: ".tab-pane .o_field_widget[name='hr_support_index'] > span:contains('-13.3')",
        },
    ],
});
