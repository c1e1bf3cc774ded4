/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

// Icons of the cards, by the key the server gives them.
const CARD_ICONS = {
    overdue: "fa-clock-o",
    upcoming: "fa-calendar",
    clients_at_risk: "fa-building-o",
    stakeholders_at_risk: "fa-user-times",
    drifting: "fa-compass",
    campaigns: "fa-bar-chart",
    commitments: "fa-handshake-o",
    interactions: "fa-comments",
};

// The colour of a theme's tone.
const TONE_CLASSES = {
    positive: "text-bg-success",
    neutral: "text-bg-secondary",
    negative: "text-bg-danger",
};

export class RelationshipOverview extends Component {
    static template = "hr_relationship.RelationshipOverview";
    static components = { Layout };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ cards: [], themes: { rows: [] }, trend: [] });
        this.chartCanvas = useRef("trend");
        this.icons = CARD_ICONS;
        this.toneClasses = TONE_CLASSES;
        onWillStart(async () => {
            const [data] = await Promise.all([
                this.orm.call("hr.relationship.overview", "get_overview", []),
                loadBundle("web.chartjs_lib"),
            ]);
            Object.assign(this.state, data);
        });
        onMounted(() => this.renderTrend());
        onWillUnmount(() => this.chart?.destroy());
    }

    formatDate(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    formatScore(card, value) {
        if (value === false || value === null || value === undefined) {
            return "";
        }
        return card.key === "campaigns" ? `${Math.round(value)}%` : Math.round(value);
    }

    openCard(card) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: card.title,
            res_model: card.model,
            domain: card.domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
        });
    }

    formatAnswers(count) {
        return count === 1 ? _t("1 answer") : _t("%s answers", count);
    }

    openThemes(theme) {
        const themes = this.state.themes;
        this.action.doAction({
            type: "ir.actions.act_window",
            name: theme || themes.title,
            res_model: themes.model,
            domain: theme ? [...themes.domain, ["theme", "=", theme]] : themes.domain,
            // On a phone the cards show each theme's examples.
            mobile_view_mode: "kanban",
            views: [
                [false, "list"],
                [false, "kanban"],
                [false, "form"],
            ],
        });
    }

    openRecord(card, row) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: card.model,
            res_id: row.id,
            views: [[false, "form"]],
        });
    }

    renderTrend() {
        if (!this.state.trend.length || !this.chartCanvas.el) {
            return;
        }
        const labels = this.state.trend.map(
            (point) => `${point.campaign} (${this.formatDate(point.date)})`
        );
        this.chart = new Chart(this.chartCanvas.el, {
            type: "line",
            data: {
                labels,
                datasets: [
                    {
                        label: _t("CSAT"),
                        data: this.state.trend.map((point) => point.csat),
                        borderColor: "#2f7dc4",
                        backgroundColor: "#2f7dc4",
                        spanGaps: false,
                    },
                    {
                        label: _t("NPS"),
                        data: this.state.trend.map((point) => point.nps),
                        borderColor: "#e8833a",
                        backgroundColor: "#e8833a",
                        spanGaps: false,
                    },
                ],
            },
            options: {
                maintainAspectRatio: false,
                animation: false,
                scales: { y: { suggestedMin: -100, suggestedMax: 100 } },
            },
        });
    }
}

registry.category("actions").add("hr_relationship_overview", RelationshipOverview);
