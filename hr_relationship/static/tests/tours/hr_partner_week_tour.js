/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

// A HR business partner's first week, with the records that are already
// there: every record is picked from a dropdown or a search dialog, never
// created on the way, so that a domain hiding existing records breaks this.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("hr_partner_week_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Relationships app",
            trigger: '.o_app[data-menu-xmlid="hr_relationship.menu_relationship_root"]',
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_internal_client']",
            run: "click",
        },
        {
            content: "Open the partner's own internal client",
            trigger: ".o_kanban_record:contains(Sales Benelux)",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains(Sales Benelux)",
        },
        {
            trigger: ".o_notebook a[name=stakeholders]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=stakeholder_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Search the existing freelancer",
            trigger: ".modal .o_searchview_input",
            run: "edit Lotte",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Pick her rather than create a duplicate",
            trigger: ".modal .o_data_row:contains(Lotte Visser) .o_data_cell",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_field_widget[name=stakeholder_ids] .o_data_row:contains(Lotte Visser)",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The client counts her among its stakeholders",
            trigger:
                ".o_form_view:not(:has(.o_form_button_save:visible)) button[name=action_view_stakeholders] .o_stat_value:contains(6)",
        },
        {
            content: "Log a conversation with an existing stakeholder",
            trigger: ".o_form_view button[name=action_log_interaction]",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=name] input",
            run: "edit Coffee with Lotte about the onboarding",
        },
        {
            trigger: ".modal .o_field_widget[name=stakeholder_ids] input",
            run: "edit Lotte",
        },
        {
            trigger: ".modal .o-autocomplete--dropdown-item a:contains(Lotte Visser)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=stakeholder_ids] .o_tag:contains(Lotte Visser)",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "A survey campaign for the partner's client",
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_satisfaction_survey_main']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_satisfaction_survey']",
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Sales Benelux value check",
        },
        {
            content: "Pick the existing value survey",
            trigger: ".o_field_widget[name=survey_id] input",
            run: "edit Internal client value",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Internal client value survey)",
            run: "click",
        },
        {
            content: "Pick the existing internal client",
            trigger: ".o_field_widget[name=internal_client_ids] input",
            run: "edit Sales",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Sales Benelux)",
            run: "click",
        },
        {
            content: "Its stakeholders with an e-mail address are the participants",
            trigger: ".o_field_widget[name=participant_ids] .o_data_row:contains(Jeffrey Kelly)",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name=action_send]",
            run: "click",
        },
        {
            content: "The campaign runs",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Running)",
        },
    ],
});
