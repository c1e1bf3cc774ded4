/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("hr_relationship_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Relationships app",
            trigger: '.o_app[data-menu-xmlid="hr_relationship.menu_relationship_root"]',
            run: "click",
        },
        {
            content: "The app opens on the overview",
            trigger: ".o_hr_overview .o_hr_overview_card[data-card=overdue]",
        },
        {
            trigger: "[data-menu-xmlid='hr_relationship.menu_hr_internal_client']",
            run: "click",
        },
        {
            content: "Create an internal client",
            trigger: ".o_breadcrumb:contains(Internal Clients)",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour Finance Team",
        },
        {
            content: "Add a stakeholder",
            trigger: ".o_notebook a[name=stakeholders]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=stakeholder_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Create a new stakeholder rather than pick an existing one",
            trigger: ".modal .o_create_button",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=employee_id] input",
            run: "edit Anouk Tourmaker",
        },
        {
            trigger: ".modal .o-autocomplete--dropdown-item a:contains(Anouk Tourmaker)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name]:contains(Anouk Tourmaker)",
        },
        {
            trigger: ".modal .o_field_widget[name=influence] input",
            run: "edit 4",
        },
        {
            trigger: ".modal .o_field_widget[name=interest] input",
            run: "edit 5",
        },
        {
            trigger: ".modal .o_field_widget[name=attitude] input[data-value=supporter]",
            run: "click",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_field_widget[name=stakeholder_ids] .o_data_row:contains(Anouk Tourmaker):contains(Manage Closely)",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Log an interaction, offered once the client is saved",
            trigger: ".o_form_view .o_form_statusbar button[name=action_log_interaction]",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=name] input",
            run: "edit Intake with the finance team",
        },
        {
            // A selection field is a dropdown menu (SelectMenu) since 19.0.
            trigger: ".modal .o_field_widget[name=interaction_type] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:text(Call)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=interaction_type] .o_select_menu_toggler:value(Call)",
        },
        {
            trigger: ".modal .o_field_widget[name=sentiment_chosen] input[data-value=very_positive]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=stakeholder_ids] input",
            run: "edit Anouk",
        },
        {
            trigger: ".modal .o-autocomplete--dropdown-item a:contains(Anouk Tourmaker)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=stakeholder_ids] .o_tag:contains(Anouk Tourmaker)",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The client now counts the interaction",
            trigger: "body:not(:has(.modal)) button[name=action_view_interactions] .o_stat_value:contains(1)",
        },
    ],
});
