/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// Archiving an employee opens Odoo's Register Departure; keeping them as an
// alumnus asks for the private address and the consent's purpose, and ends
// on the new alumnus.
registry.category("web_tour.tours").add("hr_relationship_departure_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
        },
        {
            content: "Archive the employee",
            trigger: ".o_cp_action_menus button",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Archive)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=keep_as_alumnus] input",
            run: "click",
        },
        {
            content: "HR is asked for the private address",
            trigger: ".modal .o_field_widget[name=alumnus_email] input",
            run: "edit lotte@home.example.com",
        },
        {
            trigger: ".modal .o_field_widget[name=alumnus_consent] input",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=alumnus_consent_purpose] textarea",
            run: "edit Alumni events and rehiring",
        },
        {
            trigger: ".modal button[name=action_register_departure]",
            run: "click",
        },
        {
            content: "The wizard ends on the new alumnus stakeholder",
            trigger: ".o_form_view:has(.o_field_widget[name=relation_type]) .o_last_breadcrumb_item:contains(Lotte Leaver)",
        },
        {
            content: "who starts with the history of the person's interactions",
            trigger: ".o_form_view button[name=action_view_interactions] .o_stat_value:contains(1)",
        },
    ],
});
