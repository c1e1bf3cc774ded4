/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {
    Component,
    onMounted,
    onPatched,
    onWillStart,
    useExternalListener,
    useRef,
    useState,
} from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { KeepLast } from "@web/core/utils/concurrency";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { computeLayout, fitTransform, layoutIterations } from "./relationship_map_layout";
import { RelationshipMapCanvas } from "./relationship_map_canvas";
import { RelationshipMapPanel } from "./relationship_map_panel";
import { RelationshipMapToolbar } from "./relationship_map_toolbar";
import { CANVAS_MIN_NODES, flagDiamondPath, isFlagged } from "./relationship_map_graph";

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
// A finger moves a few pixels while tapping: that is not a drag.
const TAP_SLOP = { mouse: 3, pen: 6, touch: 10 };

/**
 * Give each of several lines between the same two nodes its own bend:
 * symmetric around the straight line (-0.5, 0.5 for two; -1, 0, 1 for
 * three), measured in the same direction whichever way a line points.
 */
export function bendParallelEdges(edges) {
    const pairs = new Map();
    for (const edge of edges) {
        const key = edge.source < edge.target ? `${edge.source}|${edge.target}` : `${edge.target}|${edge.source}`;
        if (!pairs.has(key)) {
            pairs.set(key, []);
        }
        pairs.get(key).push(edge);
    }
    for (const group of pairs.values()) {
        // The same lines get the same bends whatever order they came in.
        group.sort(
            (a, b) =>
                String(a.type || "").localeCompare(String(b.type || "")) ||
                (a.relation_id || 0) - (b.relation_id || 0)
        );
        group.forEach((edge, index) => {
            const bend = index - (group.length - 1) / 2;
            edge.bend = edge.source < edge.target ? bend : -bend;
        });
    }
}

function curveControl(edge) {
    const s = edge.sourceNode;
    const t = edge.targetNode;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const length = Math.hypot(dx, dy) || 1;
    const offset = edge.bend * Math.max(30, length * 0.3);
    return {
        x: (s.x + t.x) / 2 - (dy / length) * offset,
        y: (s.y + t.y) / 2 + (dx / length) * offset,
    };
}

export class RelationshipMap extends Component {
    static template = "hr_relationship.RelationshipMap";
    static props = { ...standardActionServiceProps };
    static components = {
        RelationshipMapCanvas,
        RelationshipMapPanel,
        RelationshipMapToolbar,
    };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.ui = useState(useService("ui"));
        this.bodyRef = useRef("body");
        this.svgRef = useRef("svg");
        this.viewportRef = useRef("viewport");
        this.nodeTypes = NODE_TYPES;
        const context = this.props.action.context || {};
        this.limit = context.map_limit || 500;
        // "canvas" or "svg" forces a drawing; by default large answers are
        // drawn on the canvas, the rest in SVG.
        this.rendererChoice = context.map_renderer || "auto";
        // Overlapping loads: only the last answer is shown.
        this.keepLast = new KeepLast();
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
            personRelationType: "",
            networkFlag: "",
            focus:
                context.active_model && context.active_id
                    ? { model: context.active_model, id: context.active_id }
                    : null,
            meta: {
                relation_types: [],
                health_states: [],
                internal_clients: [],
                person_relation_types: [],
                network_flags: [],
            },
            total: 0,
            truncated: 0,
            selected: null,
            details: null,
            filtersOpen: false,
            legendOpen: false,
        });
        // Pointers down on the canvas, by id: one pans, two pinch.
        this.pointers = new Map();
        onWillStart(() => this.load());
        onMounted(() => {
            if (this.svgRef.el) {
                this.needsFit = false;
                this.fit();
            }
        });
        onPatched(() => {
            if (this.needsFit && this.svgRef.el) {
                this.needsFit = false;
                this.fit();
            }
        });
        useExternalListener(window, "pointermove", this.onPointerMove);
        useExternalListener(window, "pointerup", this.onPointerUp);
        useExternalListener(window, "pointercancel", this.onPointerUp);
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
            person_relation_type_ids: this.state.personRelationType
                ? [parseInt(this.state.personRelationType)]
                : [],
            network_flags: this.state.networkFlag ? [this.state.networkFlag] : [],
            search: this.state.focus ? "" : this.state.search.trim(),
        };
    }

    async load() {
        this.state.loading = true;
        // What the filters offer comes with the first answer only.
        const choices = !this.choicesLoaded;
        const result = await this.keepLast.add(
            this.orm.call("hr.relationship.map", "get_graph", [], {
                focus: this.state.focus,
                depth: this.state.depth,
                filters: this.filters,
                limit: this.limit,
                choices,
            })
        );
        const nodes = result.nodes;
        const byId = new Map(nodes.map((node) => [node.id, node]));
        const canvas = this.shouldUseCanvas(nodes.length);
        // The canvas lays its graph out itself (ForceAtlas2) and draws
        // straight lines: the SVG drawing's own preparation is not needed.
        let edges = result.edges;
        if (!canvas) {
            edges = edges.map((edge) => ({
                ...edge,
                sourceNode: byId.get(edge.source),
                targetNode: byId.get(edge.target),
            }));
            bendParallelEdges(edges);
            const box = this.svgRef.el?.getBoundingClientRect();
            computeLayout(nodes, edges, {
                width: box?.width || 1000,
                height: box?.height || 700,
                iterations: layoutIterations(nodes.length),
            });
        }
        this.graph = { nodes, edges, byId, focus: new Set(result.focus), canvas };
        if (choices) {
            this.choicesLoaded = true;
            this.state.meta = {
                relation_types: result.relation_types,
                health_states: result.health_states,
                internal_clients: result.internal_clients,
                person_relation_types: result.person_relation_types,
                network_flags: result.network_flags,
            };
        }
        Object.assign(this.state, {
            total: result.total,
            totalCapped: Boolean(result.total_capped),
            truncated: result.truncated,
            loading: false,
        });
        if (this.state.selected && !byId.has(this.state.selected)) {
            this.state.selected = null;
            this.state.details = null;
        }
        this.state.tick++;
        // On the canvas a match is one dot among thousands: a search that
        // finds one record opens its side panel at once.
        const match = canvas && this.filters.search && result.focus.length === 1;
        if (match && byId.has(result.focus[0])) {
            this.select(byId.get(result.focus[0]));
        }
        // Fitted once the SVG shows the new answer (it may only now appear).
        this.needsFit = !canvas;
        if (this.svgRef.el && !canvas) {
            this.needsFit = false;
            this.fit();
        }
    }

    shouldUseCanvas(count) {
        if (this.rendererChoice === "svg") {
            return false;
        }
        return this.rendererChoice === "canvas" || count > CANVAS_MIN_NODES;
    }

    async select(node) {
        this.state.selected = node.id;
        this.state.details = null;
        // On the canvas the canvas does it (it may first draw a new answer).
        if (this.ui.isSmall && this.svgRef.el) {
            // Keep the node in sight above the sheet that covers the lower half.
            const box = this.svgRef.el.getBoundingClientRect();
            const k = this.transform.k;
            this.transform = { k, x: box.width / 2 - node.x * k, y: box.height / 4 - node.y * k };
            this.applyTransform();
        }
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

    isFlagged(node) {
        return isFlagged(node);
    }

    /** The network mark's diamond, in the node's own coordinates. */
    flagPath(node) {
        return flagDiamondPath(0, 0, this.radius(node));
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

    /**
     * SVG path of a line: straight when it is the only one between its two
     * nodes, else a curve bent to its own side so parallel lines never
     * overlap.
     */
    edgePath(edge) {
        const { x: x1, y: y1 } = edge.sourceNode;
        const { x: x2, y: y2 } = edge.targetNode;
        if (!edge.bend) {
            return `M${x1},${y1} L${x2},${y2}`;
        }
        const control = curveControl(edge);
        return `M${x1},${y1} Q${control.x},${control.y} ${x2},${y2}`;
    }

    /** Middle of the line (of the curve at t = 0.5), where its label goes. */
    edgeMiddle(edge) {
        const s = edge.sourceNode;
        const t = edge.targetNode;
        const c = edge.bend ? curveControl(edge) : { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
        return { x: (s.x + 2 * c.x + t.x) / 4, y: (s.y + 2 * c.y + t.y) / 4 };
    }

    /** A relation's name as it reads from the node being looked at. */
    edgeLabel(edge) {
        const lookedAt = this.state.selected || [...this.graph.focus][0];
        return lookedAt === edge.target ? edge.inverse_label : edge.label;
    }

    showEdgeLabel(edge) {
        if (edge.type !== "person_relation") {
            return false;
        }
        const lookedAt = [edge.source, edge.target].some(
            (key) => key === this.state.selected || this.graph.focus.has(key)
        );
        return lookedAt || this.graph.nodes.length <= 150;
    }

    edgeTitle(edge) {
        return `${edge.sourceNode.label} · ${edge.label} · ${edge.targetNode.label}`;
    }

    edgeTooltip(edge) {
        return _t("%(count)s interaction(s), last %(date)s", {
            count: edge.weight,
            date: this.formatDate(edge.last_date),
        });
    }

    /** A date the server sends as "YYYY-MM-DD", in the user's format. */
    formatDate(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    /** How many filters differ from showing everything, for the phone's Filters button. */
    get activeFilterCount() {
        const state = this.state;
        return (
            NODE_TYPES.filter((type) => !state.types[type.key]).length +
            [state.relationType, state.internalClientId, state.healthState, state.personRelationType].filter(
                Boolean
            ).length +
            (state.depth !== 2 ? 1 : 0)
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

    get canvasProps() {
        return {
            nodes: this.graph.nodes,
            edges: this.graph.edges,
            healthStates: this.state.meta.health_states,
            focus: this.graph.focus,
            selected: this.state.selected,
            loading: this.state.loading,
            onSelect: (node) => this.select(node),
            onFocus: (node) => this.focusOn(node),
            onReady: (canvas) => (this.canvas = canvas),
            phone: this.ui.isSmall,
        };
    }

    applyTransform() {
        const { x, y, k } = this.transform;
        this.viewportRef.el?.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    }

    fit() {
        this.fitAll();
    }

    /**
     * The whole graph on screen, however small its nodes get; on a phone
     * with the side panel open, above the sheet that covers the bottom of
     * the map, so that the node looked at (after Focus) stays in sight.
     */
    fitAll() {
        if (this.graph.canvas) {
            if (this.bodyRef.el) {
                this.canvas?.fit(this.sheetHeight(this.bodyRef.el.getBoundingClientRect()));
            }
            return;
        }
        if (!this.svgRef.el) {
            return;
        }
        const box = this.svgRef.el.getBoundingClientRect();
        const height = (box.height || 700) - this.sheetHeight(box);
        this.transform = fitTransform(this.graph.nodes, box.width || 1000, height);
        this.applyTransform();
    }

    /** Height of the map that the phone's bottom sheet (the panel) covers. */
    sheetHeight(box) {
        if (!this.ui.isSmall || !this.state.selected) {
            return 0;
        }
        const sheet = this.bodyRef.el?.querySelector(".o_hr_map_panel");
        // Not drawn yet: the sheet takes at most half of the map.
        const top = sheet ? sheet.getBoundingClientRect().top : box.top + box.height / 2;
        return Math.max(0, box.bottom - top);
    }

    /** Zoom to k around the point (px, py) of the canvas, which stays put. */
    zoomAt(px, py, k) {
        const t = this.transform;
        k = Math.min(8, Math.max(0.05, k));
        t.x = px - ((px - t.x) * k) / t.k;
        t.y = py - ((py - t.y) * k) / t.k;
        t.k = k;
    }

    onWheel(ev) {
        ev.preventDefault();
        const box = this.svgRef.el.getBoundingClientRect();
        const px = ev.clientX - box.left;
        const py = ev.clientY - box.top;
        const factor = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
        this.zoomAt(px, py, this.transform.k * factor);
        this.applyTransform();
    }

    onBackgroundPointerDown(ev) {
        if (ev.isPrimary) {
            // No other pointer is down, whatever a lost pointerup left behind.
            this.pointers.clear();
            this.pinchedNode = null;
        }
        this.pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        this.startGesture();
    }

    /** (Re)start panning with one pointer down, pinching with two. */
    startGesture() {
        const [first, second] = this.pointers.values();
        if (!first) {
            this.drag = null;
            return;
        }
        if (!second) {
            this.drag = { kind: "pan", startX: first.x, startY: first.y, x: this.transform.x, y: this.transform.y };
            return;
        }
        const box = this.svgRef.el.getBoundingClientRect();
        this.drag = {
            kind: "pinch",
            distance: Math.hypot(second.x - first.x, second.y - first.y) || 1,
            // The point of the graph under the fingers' middle stays under it.
            graphX: ((first.x + second.x) / 2 - box.left - this.transform.x) / this.transform.k,
            graphY: ((first.y + second.y) / 2 - box.top - this.transform.y) / this.transform.k,
            k: this.transform.k,
        };
    }

    onNodePointerDown(ev, node) {
        if (!ev.isPrimary && this.pointers.size) {
            // A second finger landing on a node belongs to the pinch.
            this.pinchedNode = node;
            return;
        }
        ev.stopPropagation();
        this.pointers.clear();
        this.pinchedNode = null;
        this.drag = {
            kind: "node",
            node,
            startX: ev.clientX,
            startY: ev.clientY,
            x: node.x,
            y: node.y,
            moved: false,
            slop: TAP_SLOP[ev.pointerType] || TAP_SLOP.mouse,
        };
    }

    onPointerMove(ev) {
        const drag = this.drag;
        if (!drag) {
            return;
        }
        if (drag.kind !== "node") {
            if (!this.pointers.has(ev.pointerId)) {
                return;
            }
            this.pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        }
        if (drag.kind === "pinch") {
            this.pinch(drag);
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
        if (Math.abs(ddx) + Math.abs(ddy) > drag.slop) {
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

    pinch(drag) {
        const [first, second] = this.pointers.values();
        const box = this.svgRef.el.getBoundingClientRect();
        const distance = Math.hypot(second.x - first.x, second.y - first.y) || 1;
        const k = Math.min(8, Math.max(0.05, (drag.k * distance) / drag.distance));
        this.transform = {
            k,
            x: (first.x + second.x) / 2 - box.left - drag.graphX * k,
            y: (first.y + second.y) / 2 - box.top - drag.graphY * k,
        };
        this.applyTransform();
    }

    onPointerUp(ev) {
        if (this.drag?.kind === "node") {
            if (this.drag.moved) {
                this.suppressClick = true;
            }
            this.drag = null;
            return;
        }
        if (this.pointers.delete(ev.pointerId)) {
            // Lifting one finger of a pinch goes on panning with the other.
            this.startGesture();
        }
    }

    onNodeClick(node) {
        if (this.suppressClick) {
            this.suppressClick = false;
            return;
        }
        // The finger of a pinch that landed on a node did not mean to tap it.
        if (node === this.pinchedNode) {
            this.pinchedNode = null;
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

    toggleFilters() {
        this.state.filtersOpen = !this.state.filtersOpen;
    }

    toggleLegend() {
        this.state.legendOpen = !this.state.legendOpen;
    }

    closePanel() {
        this.state.selected = null;
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
