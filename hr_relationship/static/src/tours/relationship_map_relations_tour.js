/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

const SUPPLIER = ".o_hr_map_node[data-label='Relations Tour Supplier']";
const LOADED = ".o_hr_map_canvas[data-loading='0']";
const BENT = "path.o_hr_map_edge_person_relation:not([data-bend='0'])";

registry.category("web_tour.tours").add("hr_relationship_map_relations_tour", {
    url: "/odoo/action-hr_relationship.action_relationship_map",
    steps: () => [
        {
            trigger: ".o_hr_map_search",
            run: "edit Relations Tour Supplier",
        },
        {
            trigger: ".o_hr_map_search_button",
            run: "click",
        },
        {
            trigger: `${LOADED} ${SUPPLIER}.o_hr_map_node_match`,
            run: "click",
        },
        {
            // Two relations between the same two people: two curves (their
            // sides are unit-tested), each labelled from the supplier's side.
            trigger: `${LOADED} ${BENT} ~ ${BENT}`,
        },
        {
            trigger: `${LOADED} .o_hr_map_edge_label:contains('Mentee of')`,
        },
        {
            trigger: `${LOADED} .o_hr_map_edge_label:contains('Introduced')`,
        },
        {
            trigger: ".o_hr_map_person_relation",
            run: "selectByLabel Mentor of",
        },
        {
            trigger: `${LOADED}:not(:has(.o_hr_map_edge_label:contains('Introduced'))) .o_hr_map_edge_label:contains('Mentee of')`,
        },
    ],
});
