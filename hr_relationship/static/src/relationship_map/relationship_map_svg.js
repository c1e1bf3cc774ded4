/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onMounted, onPatched, onWillRender, useRef, useState } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import {
    ALL_LABELS_MAX_NODES,
    DRIFT_COLOR,
    LABEL_MAX_NODES,
    TYPE_COLORS,
    TYPE_LABELS,
    UNKNOWN_COLOR,
} from "./relationship_map_constants";
import { curveMiddle, curvePath, parallelBends } from "./relationship_map_edges";
import { edgeStyle, flagDiamondPath, healthColorMap, isFlagged, nodeRadius } from "./relationship_map_graph";
import { computeLayout, fitTransform, layoutIterations } from "./relationship_map_layout";
import { RENDERER_PROPS } from "./relationship_map_model";
import { stepWheelFactor, useViewport } from "./relationship_map_viewport";

/**
 * The map drawn in SVG, an element per node and line, for answers small
 * enough (see CANVAS_MIN_NODES): laid out here (relationship_map_layout),
 * nodes can be dragged, several lines between two nodes are bent apart.
 */
export class RelationshipMapSvg extends Component {
    static template = "hr_relationship.RelationshipMapSvg";
    static props = RENDERER_PROPS;

    setup() {
        this.svgRef = useRef("svg");
        this.viewportRef = useRef("viewport");
        this.state = useState(this.props.model.state);
        // Counts the pictures (a new answer, a node dragged).
        this.drawn = useState({ tick: 0 });
        this.viewport = useViewport({
            ref: this.svgRef,
            clampZoom: (k) => Math.min(8, Math.max(0.05, k)),
            wheelFactor: stepWheelFactor,
            onChange: () => this.applyTransform(),
            onDrag: (press, dx, dy) => this.dragNode(press, dx, dy),
        });
        this.graph = null;
        this.edges = [];
        onWillRender(() => {
            this.prepare();
            this.healthColors = healthColorMap(this.state.meta.health_states);
        });
        onMounted(() => {
            this.fit();
            this.props.onReady?.({ fit: () => this.fit() });
        });
        onPatched(() => {
            if (this.needsFit) {
                this.fit();
            }
        });
    }

    /** A new answer: its lines joined to their nodes, bent, laid out. */
    prepare() {
        const graph = this.state.graph;
        if (graph === this.graph) {
            return;
        }
        this.graph = graph;
        const edges = graph.edges.map((edge) => ({
            ...edge,
            sourceNode: graph.byId.get(edge.source),
            targetNode: graph.byId.get(edge.target),
        }));
        parallelBends(edges).forEach((bend, index) => (edges[index].bend = bend));
        const box = this.svgRef.el?.getBoundingClientRect();
        computeLayout(graph.nodes, edges, {
            width: box?.width || 1000,
            height: box?.height || 700,
            iterations: layoutIterations(graph.nodes.length),
        });
        this.edges = edges;
        this.needsFit = true;
        this.drawn.tick++;
    }

    get nodes() {
        return this.graph.nodes;
    }

    // ------------------------------------------------------------------
    // View
    // ------------------------------------------------------------------

    applyTransform() {
        const { x, y, k } = this.viewport.view;
        this.viewportRef.el?.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    }

    /**
     * The whole graph on screen, however small its nodes get; on a phone
     * with the side panel open, above the sheet that covers the bottom of
     * the map, so that the node looked at (after Focus) stays in sight.
     */
    fit() {
        this.needsFit = false;
        if (!this.svgRef.el) {
            return;
        }
        const box = this.svgRef.el.getBoundingClientRect();
        const height = (box.height || 700) - this.props.coveredHeight(box);
        this.viewport.setView(fitTransform(this.nodes, box.width || 1000, height));
    }

    dragNode(press, dx, dy) {
        const node = press.target;
        press.origin ||= { x: node.x, y: node.y };
        node.x = press.origin.x + dx;
        node.y = press.origin.y + dy;
        if (!this.frame) {
            this.frame = requestAnimationFrame(() => {
                this.frame = null;
                this.drawn.tick++;
            });
        }
    }

    onNodeClick(node) {
        if (this.viewport.ignoresClick(node)) {
            return;
        }
        if (this.props.phone) {
            // Keep the node in sight above the sheet that covers the lower half.
            const box = this.svgRef.el.getBoundingClientRect();
            const k = this.viewport.view.k;
            this.viewport.setView({ k, x: box.width / 2 - node.x * k, y: box.height / 4 - node.y * k });
        }
        this.props.model.select(node);
    }

    // ------------------------------------------------------------------
    // Nodes
    // ------------------------------------------------------------------

    radius(node) {
        return nodeRadius(node);
    }

    nodeColor(node) {
        return TYPE_COLORS[node.type] || UNKNOWN_COLOR;
    }

    isFlagged(node) {
        return isFlagged(node);
    }

    /** The network mark's diamond, in the node's own coordinates. */
    flagPath(node) {
        return flagDiamondPath(0, 0, this.radius(node));
    }

    get driftColor() {
        return DRIFT_COLOR;
    }

    healthColor(node) {
        return this.healthColors[node.health_state] || null;
    }

    typeLabel(node) {
        return TYPE_LABELS[node.type] || node.type;
    }

    isMatch(node) {
        const search = this.state.search.trim().toLowerCase();
        return search && node.label.toLowerCase().includes(search);
    }

    showLabel(node) {
        const count = this.nodes.length;
        return (
            count <= ALL_LABELS_MAX_NODES ||
            (count <= LABEL_MAX_NODES && node.type !== "employee") ||
            ["internal_client", "department"].includes(node.type) ||
            node.id === this.state.selected ||
            this.graph.focus.has(node.id) ||
            this.isMatch(node)
        );
    }

    // ------------------------------------------------------------------
    // Lines
    // ------------------------------------------------------------------

    edgePath(edge) {
        return curvePath(edge.sourceNode, edge.targetNode, edge.bend);
    }

    edgeMiddle(edge) {
        return curveMiddle(edge.sourceNode, edge.targetNode, edge.bend);
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
        return lookedAt || this.nodes.length <= ALL_LABELS_MAX_NODES;
    }

    edgeTitle(edge) {
        return `${edge.sourceNode.label} · ${edge.label} · ${edge.targetNode.label}`;
    }

    edgeTooltip(edge) {
        return _t("%(count)s interaction(s), last %(date)s", {
            count: edge.weight,
            date: edge.last_date ? formatDate(deserializeDate(edge.last_date)) : "",
        });
    }

    edgeStyle(edge) {
        return edgeStyle(edge);
    }
}
