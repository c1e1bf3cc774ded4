/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

// A count on the overview's cards is read whole, however long the card's
// title is in the user's language ("5…" tells nothing).
registry.category("web_tour.tours").add("hr_relationship_overview_phone_tour", {
    steps: () => [
        {
            trigger: ".o_hr_overview_card[data-card=upcoming] .o_hr_overview_count",
            run() {
                for (const badge of document.querySelectorAll(".o_hr_overview_count")) {
                    if (badge.scrollWidth > badge.clientWidth + 1) {
                        throw new Error(
                            `The count "${badge.textContent}" is cut short: ` +
                                `${badge.clientWidth}px for ${badge.scrollWidth}px.`
                        );
                    }
                }
            },
        },
    ],
});
