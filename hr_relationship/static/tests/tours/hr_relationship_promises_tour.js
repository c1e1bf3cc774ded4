/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

// An HR partner writes down a conversation in which a manager was unhappy
// and HR promised something: the form reads the tone and the promise from
// the text, one click makes the promise a commitment, and once it is kept
// the say-do ratio is where the partner looks.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const PROMISE = "Ik stuur vrijdag de shortlist.";

registry.category("web_tour.tours").add("hr_relationship_promises_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="hr_relationship.menu_relationship_root"]',
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_relationship_interaction']",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Overleg over de vacatures",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=stakeholder_ids] input",
            run: "edit Petra",
        },
        {
            content: "Pick the stakeholder who is already there",
            trigger: ".o-autocomplete--dropdown-item:contains(Petra Promisekeeper)",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=stakeholder_ids] .o_tag:contains(Petra Promisekeeper)",
        },
        {
            trigger: ".o_form_view .o_field_html[name=summary] div.o-paragraph",
            run: `editor De manager is niet tevreden over de doorlooptijd. ${PROMISE}`,
        },
        {
            content: "Leave the summary, as a person does when done writing",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "click",
        },
        {
            content: "The form says what the text suggests, and why",
            trigger:
                ".o_form_view .o_field_widget[name=sentiment_suggested]:contains(Negative) ~ .o_field_widget[name=sentiment_evidence]:contains(niet tevreden)",
        },
        {
            content: "One click makes the promise a commitment",
            trigger:
                ".o_form_view button[name=action_confirm_suggested_commitments]:contains(Confirm 1 Suggested Commitment)",
            run: "click",
        },
        {
            trigger: `.o_form_view .o_field_widget[name=commitment_ids] .o_data_row:contains(${PROMISE})`,
        },
        {
            trigger: ".o_form_view:not(:has(button[name=action_confirm_suggested_commitments]))",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_relationship_follow_up']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_relationship_commitment']",
            run: "click",
        },
        {
            content: "The list of commitments, not the interaction's",
            trigger: ".o_breadcrumb .active:contains(Commitments)",
        },
        {
            trigger: `.o_list_view .o_data_row td[name=name]:contains(${PROMISE})`,
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name=action_keep]",
            run: "click",
        },
        {
            content: "The promise is kept",
            trigger: ".o_form_view .o_field_widget[name=date_done]",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_relationship_reporting']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_relationship_say_do']",
            run: "click",
        },
        {
            content: "The say-do ratio opens on the commitments that fell due",
            trigger: ".o_graph_view:not(:has(.o_view_sample_data)) .o_graph_renderer canvas",
        },
        {
            trigger: ".o_searchview .o_searchview_facet .o_facet_value:contains(Due)",
        },
    ],
});
