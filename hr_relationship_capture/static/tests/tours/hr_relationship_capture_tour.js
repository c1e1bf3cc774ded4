/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

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

// An administrator asks, through the menus, for the meetings and mail of the
// last months; the capture runs in the background and is listed as queued.
registry.category("web_tour.tours").add("hr_relationship_capture_past_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Relationships app",
            trigger: '.o_app[data-menu-xmlid="hr_relationship.menu_relationship_root"]',
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_relationship_config']",
            run: "click",
        },
        {
            content: "Capture the past meetings and mail",
            trigger:
                "[data-menu-xmlid='hr_relationship_capture.menu_hr_relationship_capture_backfill']",
            run: "click",
        },
        {
            content: "Six months back",
            trigger: ".modal .o_field_widget[name=months] input",
            run: "edit 6",
        },
        {
            trigger: ".modal button[name=action_run_backfill]",
            run: "click",
        },
        {
            content: "It runs in the background",
            trigger: ".modal:contains(The capture runs in the background)",
        },
        {
            trigger: ".modal .modal-footer button:contains(Close)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_relationship_config']",
            run: "click",
        },
        {
            content: "The captures asked for",
            trigger:
                "[data-menu-xmlid='hr_relationship_capture.menu_hr_relationship_capture_backfill_run']",
            run: "click",
        },
        {
            content: "Queued, nothing captured yet",
            trigger:
                ".o_list_view .o_data_row:has(.o_field_widget[name=state]:contains(Queued)):has(td[name=meeting_count]:contains(0))",
        },
    ],
});

// Once the cron has run, the capture is done and says what it captured.
registry.category("web_tour.tours").add("hr_relationship_capture_past_done_tour", {
    steps: () => [
        {
            content: "Done, with the meeting it captured",
            trigger:
                ".o_list_view .o_data_row:has(.o_field_widget[name=state]:contains(Done)):has(td[name=meeting_count]:contains(1))",
        },
    ],
});
