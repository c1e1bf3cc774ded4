/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

// The head of Sales, with no relationship role and in Dutch, opens their HR
// partnership from the Employees app and says that a finished improvement
// action helped.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("hr_relationship_client_page_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Employees app",
            trigger: '.o_app[data-menu-xmlid="hr.menu_hr_root"]',
            run: "click",
        },
        {
            content: "Open My HR partnership, in Dutch",
            trigger:
                "[data-menu-xmlid='hr_relationship.menu_hr_internal_client_partnership']:contains(Mijn HR-partnerschap)",
            run: "click",
        },
        {
            content: "Only the client they lead",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(HRR Operations)))",
        },
        {
            trigger: ".o_kanban_record:contains(HRR Sales)",
            run: "click",
        },
        {
            content: "The HR partner and the services agreed are there",
            trigger: ".o_form_view .o_field_widget[name=hr_partner_id]:contains(hrr_user)",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Verbeteracties)",
        },
        {
            content: "The open action cannot be rated yet",
            trigger:
                ".o_data_row:contains(Onboarding plan for account managers):not(:has(button[name=action_hr_feedback_helped]))",
        },
        {
            content: "Say that the finished action helped",
            trigger:
                ".o_data_row:contains(Shortlist within three weeks) button[name=action_hr_feedback_helped]:contains(Het hielp)",
            run: "click",
        },
        {
            content: "The answer shows, and the buttons are gone",
            trigger:
                ".o_data_row:contains(Shortlist within three weeks) td[name=hr_client_feedback]:contains(Het hielp):not(:has(button))",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Jullie feedback, onze acties)",
            run: "click",
        },
        {
            trigger: ".o_hr_partnership_you_said",
        },
    ],
});
