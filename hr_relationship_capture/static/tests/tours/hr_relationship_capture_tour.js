/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// A meeting planned in Odoo's calendar with a stakeholder among the
// attendees logs itself as an interaction.
registry.category("web_tour.tours").add("hr_relationship_capture_meeting_tour", {
    steps: () => [
        {
            content: "Plan a new meeting from the calendar",
            trigger: ".o-calendar-button-new",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour check-in with Cora",
        },
        {
            content: "Invite the stakeholder",
            trigger: ".o_form_view .o_field_widget[name=partner_ids] input",
            run: "edit Cora Capture",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Cora Capture)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_ids] .o_tag:contains(Cora Capture)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

// The stakeholder shows the captured meeting among its interactions.
registry.category("web_tour.tours").add("hr_relationship_capture_stakeholder_tour", {
    steps: () => [
        {
            content: "Open the stakeholder's interactions",
            trigger: ".o_form_view button[name=action_view_interactions]",
            run: "click",
        },
        {
            content: "The meeting is there, captured from the calendar",
            trigger:
                ".o_list_view .o_data_row:contains(Tour check-in with Cora):has(.o_field_widget[name=source]:contains(Calendar))",
        },
    ],
});
