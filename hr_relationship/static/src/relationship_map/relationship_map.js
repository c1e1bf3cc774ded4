/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { computeLayout, fitTransform } from "./relationship_map_layout";

const NODE_TYPES = [
    { key: "internal_client", label: _t("Internal Client"), color: "#e8833a" },
    { key: "stakeholder", label: _t("Stakeholder"), color: "#2f7dc4" },
    { key: "project", label: _t("Project"), color: "#3aa76d" },
    { key: "department", label: _t("Department"), color: "#8e5bb5" },
    { key: "employee", label: _t("Employee"), color: "#7c8a96" },
];
const TYPE_COLOR = Object.fromEntries(NODE_TYPES.map((type) => [type.key, type.color]));
const TYPE_LABEL = Object.fromEntries(NODE_TYPES.map((type) => [type.key, type.label]));
// Health states go from good to bad; unknown values fall back to grey.
const HEALTH_COLORS = ["#28a745", "#f0ad4e", "#dc3545", "#6c757d"];
const DAY = 24 * 3600 * 1000;

export class RelationshipMap extends Component {
    static template = "hr_relationship.RelationshipMap";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.svgRef = useRef("svg");
        this.viewportRef = useRef("viewport");
        this.nodeTypes = NODE_TYPES;
        this.startedAt = performance.now();
        const context = this.props.action.context || {};
        this.limit = context.map_limit || 500;
        this.graph = { nodes: [], edges: [], byId: new Map() };
        this.transform = { x: 0, y: 0, k: 1 };
        this.state = useState({
            loading: true,
            tick: 0,
            search: "",
            depth: 2,
            types: Object.fromEntries(NODE_TYPES.map((type) => [type.key, true])),
            relationType: "",
            internalClientId: "",
            healthState: "",
            networkFlag: "",
            focus:
                context.active_model && context.active_id
                    ? { model: context.active_model, id: context.active_id }
                    : null,
            meta: {
                relation_types: [],
                health_states: [],
                internal_clients: [],
                network_flags: [],
            },
            total: 0,
            truncated: 0,
            selected: null,
            details: null,
        });
        onWillStart(() => this.load());
        onMounted(() => {
            this.fit();
            // Lets the benchmark time the first interactive render.
            Object.assign(this.svgRef.el.dataset, this.timings);
            this.svgRef.el.dataset.startedAt = String(this.startedAt);
            this.svgRef.el.dataset.renderedAt = String(performance.now());
        });
        this.onPointerMove = this.onPointerMove.bind(this);
        this.onPointerUp = this.onPointerUp.bind(this);
        window.addEventListener("pointermove", this.onPointerMove);
        window.addEventListener("pointerup", this.onPointerUp);
        onWillUnmount(() => {
            window.removeEventListener("pointermove", this.onPointerMove);
            window.removeEventListener("pointerup", this.onPointerUp);
        });
    }

    // ------------------------------------------------------------------
    // Data
    // ------------------------------------------------------------------

    get filters() {
        const types = NODE_TYPES.filter((type) => this.state.types[type.key]).map((t) => t.key);
        return {
            types,
            relation_types: this.state.relationType ? [this.state.relationType] : [],
            internal_client_ids: this.state.internalClientId
                ? [parseInt(this.state.internalClientId)]
                : [],
            health_states: this.state.healthState ? [this.state.healthState] : [],
            network_flags: this.state.networkFlag ? [this.state.networkFlag] : [],
            search: this.state.focus ? "" : this.state.search.trim(),
        };
    }

    async load() {
        this.state.loading = true;
        const rpcStart = performance.now();
        const result = await this.orm.call("hr.relationship.map", "get_graph", [], {
            focus: this.state.focus,
            depth: this.state.depth,
            filters: this.filters,
            limit: this.limit,
        });
        const nodes = result.nodes;
        const byId = new Map(nodes.map((node) => [node.id, node]));
        const edges = result.edges.map((edge) => ({
            ...edge,
            sourceNode: byId.get(edge.source),
            targetNode: byId.get(edge.target),
        }));
        const layoutStart = performance.now();
        const box = this.svgRef.el?.getBoundingClientRect();
        computeLayout(nodes, edges, {
            width: box?.width || 1000,
            height: box?.height || 700,
            iterations: 300,
        });
        this.timings = {
            rpcMs: layoutStart - rpcStart,
            layoutMs: performance.now() - layoutStart,
        };
        this.graph = { nodes, edges, byId, focus: new Set(result.focus) };
        Object.assign(this.state, {
            meta: {
                relation_types: result.relation_types,
                health_states: result.health_states,
                internal_clients: result.internal_clients,
                network_flags: result.network_flags || [],
            },
            total: result.total,
            truncated: result.truncated,
            loading: false,
        });
        if (this.state.selected && !byId.has(this.state.selected)) {
            this.state.selected = null;
            this.state.details = null;
        }
        this.state.tick++;
        if (this.svgRef.el) {
            this.fit();
        }
    }

    async select(node) {
        this.state.selected = node.id;
        this.state.details = null;
        this.state.details = await this.orm.call("hr.relationship.map", "get_node_details", [
            node.res_model,
            node.res_id,
        ]);
    }

    // ------------------------------------------------------------------
    // Rendering helpers
    // ------------------------------------------------------------------

    get nodes() {
        return this.graph.nodes;
    }

    get edges() {
        return this.graph.edges;
    }

    get selectedNode() {
        return this.graph.byId.get(this.state.selected);
    }

    get showAllLabels() {
        return this.graph.nodes.length <= 150;
    }

    get healthLegend() {
        return this.state.meta.health_states.map(([value, label], i) => ({
            value,
            label,
            color: HEALTH_COLORS[Math.min(i, HEALTH_COLORS.length - 1)],
        }));
    }

    radius(node) {
        return 5 + (node.influence || 1) * 2.5;
    }

    nodeColor(node) {
        return TYPE_COLOR[node.type] || "#999";
    }

    healthColor(node) {
        const legend = this.healthLegend.find((item) => item.value === node.health_state);
        return legend ? legend.color : null;
    }

    typeLabel(node) {
        return TYPE_LABEL[node.type] || node.type;
    }

    relationLabel(node) {
        const found = this.state.meta.relation_types.find(([value]) => value === node.relation_type);
        return found ? found[1] : "";
    }

    isMatch(node) {
        const search = this.state.search.trim().toLowerCase();
        return search && node.label.toLowerCase().includes(search);
    }

    showLabel(node) {
        return (
            this.showAllLabels ||
            (this.graph.nodes.length <= 600 && node.type !== "employee") ||
            ["internal_client", "department"].includes(node.type) ||
            node.id === this.state.selected ||
            this.graph.focus.has(node.id) ||
            this.isMatch(node)
        );
    }

    edgeWidth(edge) {
        return edge.type === "interaction" ? 1 + Math.log2(edge.weight || 1) : 1;
    }

    edgeOpacity(edge) {
        if (edge.type !== "interaction" || !edge.last_date) {
            return 0.55;
        }
        // Recent contact draws a strong line, a year-old one fades out.
        const age = (Date.now() - new Date(edge.last_date).getTime()) / DAY;
        return Math.max(0.2, 1 - age / 365);
    }

    // ------------------------------------------------------------------
    // Pan, zoom, drag
    // ------------------------------------------------------------------

    applyTransform() {
        const { x, y, k } = this.transform;
        this.viewportRef.el?.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    }

    fit() {
        const box = this.svgRef.el.getBoundingClientRect();
        this.transform = fitTransform(this.graph.nodes, box.width || 1000, box.height || 700);
        this.applyTransform();
    }

    onWheel(ev) {
        ev.preventDefault();
        const box = this.svgRef.el.getBoundingClientRect();
        const px = ev.clientX - box.left;
        const py = ev.clientY - box.top;
        const factor = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
        const t = this.transform;
        const k = Math.min(8, Math.max(0.05, t.k * factor));
        // Zoom around the pointer so the point under it stays put.
        t.x = px - ((px - t.x) * k) / t.k;
        t.y = py - ((py - t.y) * k) / t.k;
        t.k = k;
        this.applyTransform();
    }

    onBackgroundPointerDown(ev) {
        this.drag = { kind: "pan", startX: ev.clientX, startY: ev.clientY, x: this.transform.x, y: this.transform.y };
    }

    onNodePointerDown(ev, node) {
        ev.stopPropagation();
        this.drag = { kind: "node", node, startX: ev.clientX, startY: ev.clientY, x: node.x, y: node.y, moved: false };
    }

    onPointerMove(ev) {
        const drag = this.drag;
        if (!drag) {
            return;
        }
        const ddx = ev.clientX - drag.startX;
        const ddy = ev.clientY - drag.startY;
        if (drag.kind === "pan") {
            this.transform.x = drag.x + ddx;
            this.transform.y = drag.y + ddy;
            this.applyTransform();
            return;
        }
        if (Math.abs(ddx) + Math.abs(ddy) > 3) {
            drag.moved = true;
        }
        drag.node.x = drag.x + ddx / this.transform.k;
        drag.node.y = drag.y + ddy / this.transform.k;
        if (!this.frame) {
            this.frame = requestAnimationFrame(() => {
                this.frame = null;
                this.state.tick++;
            });
        }
    }

    onPointerUp() {
        if (this.drag?.kind === "node" && this.drag.moved) {
            this.suppressClick = true;
        }
        this.drag = null;
    }

    onNodeClick(node) {
        if (this.suppressClick) {
            this.suppressClick = false;
            return;
        }
        this.select(node);
    }

    // ------------------------------------------------------------------
    // Toolbar and panel
    // ------------------------------------------------------------------

    onSearchKeydown(ev) {
        if (ev.key === "Enter") {
            this.onSearch();
        }
    }

    onSearch() {
        this.state.focus = null;
        this.load();
    }

    onToggleType(key) {
        this.state.types[key] = !this.state.types[key];
        this.load();
    }

    onFilterChange(name, ev) {
        this.state[name] = ev.target.value;
        this.load();
    }

    onDepthChange(ev) {
        this.state.depth = parseInt(ev.target.value);
        this.load();
    }

    focusOn(node) {
        this.state.focus = node.id;
        this.load();
    }

    clearFocus() {
        this.state.focus = null;
        this.state.search = "";
        this.load();
    }

    openRecord(node) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: node.res_model,
            res_id: node.res_id,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("actions").add("hr_relationship_map", RelationshipMap);
