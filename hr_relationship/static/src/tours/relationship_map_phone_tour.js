/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

const SUPPLIER = ".o_hr_map_node[data-label='Phone Tour Supplier']";
const LOADED = ".o_hr_map_canvas[data-loading='0']";

function scaleOf(svg) {
    const transform = svg.querySelector("g").getAttribute("transform");
    return parseFloat(transform.match(/scale\(([^)]+)\)/)[1]);
}

function touch(type, target, pointerId, clientX, clientY) {
    target.dispatchEvent(
        new PointerEvent(type, {
            bubbles: true,
            pointerId,
            pointerType: "touch",
            isPrimary: pointerId === 1,
            clientX,
            clientY,
        })
    );
}

registry.category("web_tour.tours").add("hr_relationship_map_phone_tour", {
    url: "/odoo/action-hr_relationship.action_relationship_map",
    steps: () => [
        {
            // A phone shows the search, not the filters nor the legend.
            trigger: `.o_hr_map_toolbar:has(.o_hr_map_search):not(:has(.o_hr_map_types)) + .o_hr_map_body:not(:has(.o_hr_map_legend)) ${LOADED} .o_hr_map_node`,
            run() {
                const toolbar = document.querySelector(".o_hr_map_toolbar");
                if (toolbar.offsetHeight > window.innerHeight / 8) {
                    throw new Error(`The toolbar takes ${toolbar.offsetHeight}px of the screen.`);
                }
                // The map opens fitted: every node inside the canvas.
                const svg = document.querySelector(".o_hr_map_canvas").getBoundingClientRect();
                for (const node of document.querySelectorAll(".o_hr_map_dot")) {
                    const dot = node.getBoundingClientRect();
                    const inside =
                        dot.left >= svg.left - 1 &&
                        dot.right <= svg.right + 1 &&
                        dot.top >= svg.top - 1 &&
                        dot.bottom <= svg.bottom + 1;
                    if (!inside) {
                        throw new Error(
                            `A node lies outside the map: ${JSON.stringify(dot)} in ${JSON.stringify(svg)}`
                        );
                    }
                }
            },
        },
        {
            trigger: ".o_hr_map_filters_toggle",
            run: "click",
        },
        {
            trigger: ".o_hr_map_toolbar .o_hr_map_types input[name='employee']",
            run: "click",
        },
        {
            // One filter changed: the button says so, and closing it keeps it.
            trigger: ".o_hr_map_filters_toggle .badge:contains('1')",
            run: "click",
        },
        {
            trigger: `.o_hr_map_toolbar:not(:has(.o_hr_map_types)) + .o_hr_map_body ${LOADED}`,
        },
        {
            trigger: ".o_hr_map_legend_toggle",
            run: "click",
        },
        {
            trigger: ".o_hr_map_legend:contains('Internal Client')",
        },
        {
            trigger: ".o_hr_map_legend_toggle",
            run: "click",
        },
        {
            // Two fingers drawn apart zoom in.
            trigger: `.o_hr_map_body:not(:has(.o_hr_map_legend)) ${LOADED}`,
            run() {
                const svg = this.anchor;
                const before = scaleOf(svg);
                const box = svg.getBoundingClientRect();
                const y = box.top + box.height / 2;
                touch("pointerdown", svg, 1, box.left + 150, y);
                touch("pointerdown", svg, 2, box.left + 200, y);
                touch("pointermove", svg, 2, box.left + 250, y);
                touch("pointerup", svg, 2, box.left + 250, y);
                touch("pointerup", svg, 1, box.left + 150, y);
                const after = scaleOf(svg);
                if (Math.abs(after / before - 2) > 0.01) {
                    throw new Error(`Pinching to twice the distance zoomed ${before} to ${after}.`);
                }
            },
        },
        {
            trigger: ".o_hr_map_search",
            run: "edit Phone Tour Supplier",
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
            // The last interaction date in the user's format (set by the test).
            trigger: ".o_hr_map_panel .o_hr_map_facts td:contains('01.02.2026')",
            run() {
                const panel = document.querySelector(".o_hr_map_panel").getBoundingClientRect();
                const isSheet =
                    Math.abs(panel.bottom - window.innerHeight) <= 1 &&
                    panel.width >= window.innerWidth - 1 &&
                    panel.height <= window.innerHeight / 2 + 1;
                if (!isSheet) {
                    throw new Error(`The panel is not a bottom sheet: ${JSON.stringify(panel)}`);
                }
                if (document.querySelector(".o_hr_map_facts").textContent.includes("2026-02-01")) {
                    throw new Error("The panel shows a raw ISO date.");
                }
            },
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_focus",
            run: "click",
        },
        {
            // After Focus the node stays in sight, above the sheet.
            trigger: `${LOADED} ${SUPPLIER}.o_hr_map_node_focus`,
            run() {
                const sheet = document.querySelector(".o_hr_map_panel").getBoundingClientRect();
                const node = this.anchor.querySelector(".o_hr_map_dot").getBoundingClientRect();
                const svg = document.querySelector(".o_hr_map_canvas").getBoundingClientRect();
                if (node.bottom > sheet.top || node.top < svg.top) {
                    throw new Error(
                        `The focused node ${JSON.stringify(node)} is not above the sheet ${JSON.stringify(sheet)}.`
                    );
                }
            },
        },
        {
            trigger: ".o_hr_map_panel .o_hr_map_panel_close",
            run: "click",
        },
        {
            trigger: `.o_hr_map_body:not(:has(.o_hr_map_panel)) ${LOADED} ${SUPPLIER}`,
        },
    ],
});
