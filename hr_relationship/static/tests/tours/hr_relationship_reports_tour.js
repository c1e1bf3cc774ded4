/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

/**
 * The chart drawn on ``canvas`` once its y axis names ``measure``, or any
 * measure when none is given (Chart.js draws after the canvas is there, and
 * again when the measure changes).
 */
async function chartOf(canvas, measure) {
    for (let attempt = 0; attempt < 50; attempt++) {
        const chart = window.Chart.getChart(canvas);
        if (
            chart &&
            (measure === undefined || chart.options.scales.y.title.text === measure)
        ) {
            return chart;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The chart does not show ${measure || "a measure"}`);
}

/**
 * What a reader must be able to trust in a chart of an average over time:
 * one line, not stacked, named after its measure in the legend, and a value
 * for every month it shows (no month without data drawn as 0).
 */
function checkAverageOverTime(chart, measure) {
    if (chart.config.type !== "line") {
        throw new Error(`${measure} is drawn as ${chart.config.type}`);
    }
    if (chart.options.scales.y.stacked) {
        throw new Error(`${measure} is stacked`);
    }
    const legend = chart.legend.legendItems.map((item) => item.text);
    if (legend.length !== 1 || legend[0] !== measure) {
        throw new Error(`The legend of ${measure} reads ${legend.join(", ")}`);
    }
    // A single month is drawn between two empty labels, without values.
    const months = chart.data.labels.filter((label) => label !== "");
    const values = chart.data.datasets[0].data.filter((value) => value !== undefined);
    if (values.length !== months.length || values.some((v) => typeof v !== "number")) {
        throw new Error(`${measure} has months without a value: ${values.join(", ")}`);
    }
    return values;
}

// An HR business partner without a role in CRM opens the ambassador
// ranking, reads its list and chart, and opens a person.
registry.category("web_tour.tours").add("hr_relationship_ambassador_ranking_tour", {
    url: "/odoo/action-hr_relationship.hr_stakeholder_action_ambassadors",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row:contains('Femke Jansen')",
        },
        {
            // CRM's lead count is not theirs to read, so it is not shown.
            trigger: ".o_list_view:not(:has(th[data-name='referral_count']))",
        },
        {
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
            async run() {
                // The people counted, or what a bridge ranks them by.
                await chartOf(this.anchor);
            },
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Femke Jansen')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Femke Jansen')",
        },
    ],
});

/**
 * The step that reads the chart of ``measure`` and checks it is an average
 * over time whose values all lie between ``low`` and ``high``.
 */
function averageOverTimeStep(measure, low, high) {
    return {
        trigger: ".o_graph_renderer canvas",
        async run() {
            const chart = await chartOf(this.anchor, measure);
            const values = checkAverageOverTime(chart, measure);
            if (values.some((value) => value < low || value > high)) {
                throw new Error(`${measure} reads ${values.join(", ")}`);
            }
        },
    };
}

// The health trend: the average health of the internal clients, month by
// month (an average of scores between 0 and 100, never a sum).
registry.category("web_tour.tours").add("hr_relationship_health_trend_tour", {
    url: "/odoo/action-hr_relationship.hr_relationship_health_snapshot_action",
    steps: () => [averageOverTimeStep("Health Score", 0, 100)],
});

// CSAT and NPS of the internal clients, one after the other.
registry.category("web_tour.tours").add("hr_relationship_csat_nps_tour", {
    url: "/odoo/action-hr_relationship.action_hr_satisfaction_result",
    steps: () => [
        averageOverTimeStep("CSAT", 0, 100),
        {
            trigger: ".o_action button.btn-primary:contains('Measures')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains('NPS')",
            run: "click",
        },
        averageOverTimeStep("NPS", -100, 100),
    ],
});
