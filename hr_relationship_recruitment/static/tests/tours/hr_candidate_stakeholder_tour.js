/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// From a candidate in Recruitment to their stakeholder record and back:
// keep the candidate with their consent, see their process among the
// interactions, return to the candidate.
registry.category("web_tour.tours").add("hr_relationship_candidate_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='partner_name'] input",
        },
        {
            trigger: ".o_form_view button[name='action_create_hr_stakeholder']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='consent'] input",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='consent_purpose'] textarea",
            run: "edit Being approached for later vacancies",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='name']:contains('Tessa Tourkandidaat')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='relation_type']:contains('Candidate')",
        },
        {
            trigger:
                ".o_form_view button[name='action_view_interactions'] .o_stat_value:contains('1')",
        },
        {
            trigger: ".o_form_view button[name='action_view_candidate']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_view_hr_stakeholders']",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='partner_name'] input",
            run() {
                if (this.anchor.value !== "Tessa Tourkandidaat") {
                    throw new Error("Back on the wrong candidate: " + this.anchor.value);
                }
            },
        },
    ],
});
