/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// From an application in Recruitment to the person's stakeholder record and
// back, as a recruiter walks it: find the application among the others, keep
// the applicant with their consent, see their process among the
// interactions, return to the application.
registry.category("web_tour.tours").add("hr_relationship_applicant_tour", {
    steps: () => [
        {
            trigger: ".o_searchview_input",
            run: "edit Tessa Tourkandidaat",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            // The list or the cards, whichever the menu shows.
            trigger:
                ".o_data_cell:contains('Tessa Tourkandidaat'), .o_kanban_record:contains('Tessa Tourkandidaat')",
            run: "click",
        },
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
            // A selection shows its value in an input (Odoo 19.0's SelectMenu).
            trigger: ".o_form_view .o_field_widget[name='relation_type']",
            run() {
                const input = this.anchor.querySelector("input");
                const shown = input ? input.value : this.anchor.textContent;
                if (!shown.includes("Candidate")) {
                    throw new Error("Not kept as a candidate: " + shown);
                }
            },
        },
        {
            trigger:
                ".o_form_view button[name='action_view_interactions'] .o_stat_value:contains('1')",
        },
        {
            trigger: ".o_form_view button[name='action_view_applicant']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_view_hr_stakeholders']",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='partner_name'] input",
            run() {
                if (this.anchor.value !== "Tessa Tourkandidaat") {
                    throw new Error("Back on the wrong applicant: " + this.anchor.value);
                }
            },
        },
    ],
});
