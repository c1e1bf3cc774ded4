/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// "Who knows them?" is an answer to read: no line to add or delete, and the
// strength says what it counts.
tours.add("hr_relationship_who_knows_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=action_hr_who_knows]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row",
        },
        {
            trigger: ".modal th[data-name=strength]:contains(Recent Contacts (Weighted))",
            run() {
                const dialog = document.querySelector(".modal");
                if (dialog.querySelector(".o_field_x2many_list_row_add, .o_list_record_remove")) {
                    throw new Error("The colleagues who know them can be added or deleted.");
                }
                const cell = dialog.querySelector(".o_data_row td[name=strength]");
                if (!/^\d+[.,]\d$/.test(cell.textContent.trim())) {
                    throw new Error(`The strength reads "${cell.textContent.trim()}".`);
                }
            },
        },
        {
            trigger: ".modal .modal-footer button:contains(Close)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// A profile without consent says so while it is edited.
tours.add("hr_relationship_profile_consent_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_hr_profile_no_consent:contains(has not given consent)",
            run() {
                // Nothing to type in that the save would refuse.
                if (document.querySelector(".o_form_view .o_field_widget[name=approach_notes] textarea")) {
                    throw new Error("The profile can be filled in without consent.");
                }
            },
        },
    ],
});

// Planning improvements from a campaign nobody answered: the wizard says
// why it proposes nothing, and a line added by hand has a deadline.
tours.add("hr_relationship_plan_empty_tour", {
    steps: () => [
        {
            trigger: "button[name=action_plan_improvements]",
            run: "click",
        },
        {
            trigger: ".modal .o_hr_improvement_empty:contains(Nobody answered)",
        },
        {
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row .o_field_widget[name=name] input",
            run: "edit Coffee with the works council",
        },
        {
            // Since 19.0 a date field shows its value on a button until it is
            // focused, and an empty one as an input: both are `.o_input`.
            trigger: ".modal .o_data_row .o_field_widget[name=date_deadline] .o_input",
            run() {
                if (!(this.anchor.value || this.anchor.textContent).trim()) {
                    throw new Error("A line added by hand has no deadline.");
                }
            },
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Coffee with the works council)",
        },
    ],
});
