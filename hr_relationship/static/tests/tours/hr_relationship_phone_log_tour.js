/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// On a phone Odoo moves a form's header buttons into the gear menu: "Log
// Interaction", what HR does most on a stakeholder or a client, stays a
// button in sight.
registry.category("web_tour.tours").add("hr_relationship_phone_log_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_form_sheet button[name=action_log_interaction]:contains(Log Interaction)",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=interaction_type]",
        },
    ],
});
