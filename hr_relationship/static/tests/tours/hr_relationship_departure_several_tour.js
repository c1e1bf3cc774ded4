/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// Two employees leave together: HR archives one, adds the other in Register
// Departure and keeps both as alumni. The private-address field is for one
// leaver only; with two the dialog says where each address comes from.
registry.category("web_tour.tours").add("hr_relationship_departure_several_tour", {
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
            content: "Add the colleague who leaves too",
            trigger: ".modal .o_field_widget[name=employee_ids] input",
            run: "edit Bram Leaver",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains(Bram Leaver)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=employee_ids] .o_tag:contains(Bram Leaver)",
        },
        {
            trigger: ".modal .o_field_widget[name=keep_as_alumnus] input",
            run: "click",
        },
        {
            content: "No single address to ask for: the dialog says whose address each gets",
            trigger:
                ".modal:not(:has(.o_field_widget[name=alumnus_email])) div.text-muted:contains(private email address on their own employee file)",
        },
        {
            trigger: ".modal button[name=action_register_departure]",
            run: "click",
        },
        {
            content: "The dialog closes on the archived employee",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
