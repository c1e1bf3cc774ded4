/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

import { DRAWN, searchSupplierSteps } from "./relationship_map_canvas_tour";

// A large map on a phone is drawn on the canvas: a person found by the
// search stays in sight above the sheet that shows their facts.
registry.category("web_tour.tours").add("hr_relationship_map_canvas_phone_tour", {
    steps: () => [
        ...searchSupplierSteps(),
        {
            content: "The person is drawn above the sheet, inside the map",
            trigger: `${DRAWN}[data-selected-top]`,
            run() {
                const map = document.querySelector(DRAWN);
                const box = map.getBoundingClientRect();
                const sheet = document.querySelector(".o_hr_map_panel").getBoundingClientRect();
                const top = box.top + Number(map.dataset.selectedTop);
                if (!(top > box.top && top < sheet.top)) {
                    throw new Error(
                        `The selected person is drawn at ${top}px, not between the map's top (${box.top}px) and the sheet (${sheet.top}px).`
                    );
                }
            },
        },
    ],
});
