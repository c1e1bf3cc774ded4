/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// An HR partner logs a tense contact with a works council member who blocks
// and reads on the stakeholder's form what it did to the relationship's
// health, and why, without refreshing anything.
registry.category("web_tour.tours").add("hr_relationship_health_tour", {
    steps: () => [
        {
            content: "Nothing is known of this relationship yet",
            trigger: ".o_form_view .o_field_widget[name=health_state]:contains(Not Scored)",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name=action_log_interaction]",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=name] input",
            run: "edit Talk about the reorganisation",
        },
        {
            trigger: ".modal .o_field_widget[name=sentiment_chosen] input[data-value=negative]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=stakeholder_ids] .o_tag:contains(Bea Tourblocker)",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The health follows the contact just logged",
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_field_widget[name=health_state]:contains(Needs Attention)",
        },
        {
            content: "... and says why it is not healthy",
            trigger: ".o_form_view .o_field_widget[name=health_reasons]:contains(Blocker)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=health_score]:contains(50)",
        },
    ],
});
