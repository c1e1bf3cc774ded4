/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// A freelancer (zzp'er) made from the stakeholder form: the contact comes
// from the dropdown's "Create", and the form then asks for their address.
registry.category("web_tour.tours").add("hr_stakeholder_freelancer_tour", {
    url: "/odoo/action-hr_relationship.hr_stakeholder_action/new",
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Sem Zelfstandig",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Create \"Sem Zelfstandig\")",
            run: "click",
        },
        {
            // The contact is created (its address field shows) before the
            // next field is opened: a redraw would close the open menu.
            trigger: ".o_form_view .o_field_widget[name=partner_email] input",
        },
        {
            // A selection field is a dropdown menu (SelectMenu) since 19.0.
            trigger: ".o_form_view .o_field_widget[name=relation_type] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(Freelancer)",
            run: "click",
        },
        {
            content: "The form asks for the new person's address",
            trigger: ".o_form_view .o_field_widget[name=partner_email] input",
            run: "edit sem@zelfstandig.example.nl",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=partner_email] input:value(sem@zelfstandig.example.nl)",
        },
    ],
});
