/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * Pure transforms from the server's answer to what the WebGL canvas draws:
 * no DOM, no library, so that they can be unit-tested.
 */

export const TYPE_COLORS = {
    internal_client: "#e8833a",
    stakeholder: "#2f7dc4",
    project: "#3aa76d",
    department: "#8e5bb5",
    employee: "#7c8a96",
};
// Health states go from good to bad; unknown values fall back to grey.
export const HEALTH_COLORS = ["#28a745", "#f0ad4e", "#dc3545", "#6c757d"];
const DAY = 24 * 3600 * 1000;
// Above this many nodes the map is drawn on the WebGL canvas (when the
// browser has WebGL): an SVG element per node no longer keeps up.
export const CANVAS_MIN_NODES = 1500;

/** Colour of each health state, by its rank in the server's list. */
export function healthColorMap(healthStates) {
    return Object.fromEntries(
        healthStates.map(([value], index) => [
            value,
            HEALTH_COLORS[Math.min(index, HEALTH_COLORS.length - 1)],
        ])
    );
}

export function nodeRadius(node) {
    return 5 + (node.influence || 1) * 2.5;
}

/** Width and opacity of a line: interactions by count and recency. */
export function edgeStyle(edge, now = Date.now()) {
    if (edge.type !== "interaction") {
        return { width: 1, opacity: 0.55 };
    }
    const width = 1 + Math.log2(edge.weight || 1);
    if (!edge.last_date) {
        return { width, opacity: 0.55 };
    }
    // Recent contact draws a strong line, a year-old one fades out.
    const age = (now - new Date(edge.last_date).getTime()) / DAY;
    return { width, opacity: Math.max(0.2, Math.min(1, 1 - age / 365)) };
}

// Marks drawn inside a node's edge on the canvas, as in the SVG drawing:
// red for a node the network refresh marks, dashed dark blue (visible on
// the stakeholders' blue) for an external person.
export const FLAG_COLOR = "#c0392b";
export const EXTERNAL_COLOR = "#0b3d66";
const NO_COLOR = "transparent";

/**
 * What the canvas's marks layer reads on a node: the health ring's colour,
 * the colour of the mark inside it and whether that mark is dashed
 * (external people; a flag wins over it, solid).
 */
export function nodeMarks(node, healthColors) {
    const flagged = Boolean(node.single_threaded || node.coverage_gap || node.key_person);
    const external = Boolean(node.external);
    return {
        ringColor: healthColors[node.health_state] || NO_COLOR,
        markColor: flagged ? FLAG_COLOR : external ? EXTERNAL_COLOR : NO_COLOR,
        markDashed: external && !flagged ? 1 : 0,
    };
}

function hexWithAlpha(hex, alpha) {
    const value = Math.round(alpha * 255)
        .toString(16)
        .padStart(2, "0");
    return `${hex}${value}`;
}

/**
 * Start positions: the focus in the middle, each distance on its own ring;
 * without a focus a disc. Deterministic, so the same answer draws the same.
 */
export function initialPositions(nodes) {
    const positions = new Map();
    const rings = new Map();
    for (const node of nodes) {
        const ring = node.distance ?? -1;
        rings.set(ring, (rings.get(ring) || 0) + 1);
    }
    const seen = new Map();
    const spread = Math.sqrt(nodes.length) * 10;
    for (const node of nodes) {
        const ring = node.distance ?? -1;
        const index = seen.get(ring) || 0;
        seen.set(ring, index + 1);
        const count = rings.get(ring);
        // Golden angle: evenly spread without lining nodes up.
        const angle = index * 2.399963 + ring;
        const radius =
            ring >= 0
                ? ring * 100 + (ring ? (index % 7) * 6 : 0)
                : spread * Math.sqrt((index + 0.5) / count);
        positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
    return positions;
}

/**
 * The server's graph as graphology's serialized format: attributes sigma
 * reads (x, y, size, color, label) and the map's own (type, health ring,
 * external mark). Lines to nodes that are not in the answer are dropped,
 * several lines between the same two nodes are kept (multi graph).
 */
export function toGraphData(nodes, edges, { healthStates = [], now = Date.now() } = {}) {
    const health = healthColorMap(healthStates);
    const positions = initialPositions(nodes);
    const ids = new Set(nodes.map((node) => node.id));
    return {
        options: { type: "mixed", multi: true, allowSelfLoops: false },
        attributes: {},
        nodes: nodes.map((node) => ({
            key: node.id,
            attributes: {
                ...positions.get(node.id),
                label: node.label,
                size: nodeRadius(node) / 2.5,
                color: TYPE_COLORS[node.type] || "#999999",
                nodeType: node.type,
                ring: health[node.health_state] || null,
                external: Boolean(node.external),
                flagged: Boolean(node.single_threaded || node.coverage_gap || node.key_person),
                ...nodeMarks(node, health),
            },
        })),
        edges: edges
            .filter(
                (edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target
            )
            .map((edge, index) => {
                const style = edgeStyle(edge, now);
                return {
                    key: `e${index}`,
                    source: edge.source,
                    target: edge.target,
                    attributes: {
                        size: style.width / 2,
                        color: hexWithAlpha(
                            edge.type === "interaction"
                                ? "#2f7dc4"
                                : edge.type === "person_relation"
                                  ? "#c0392b"
                                  : "#8a8f94",
                            style.opacity
                        ),
                        edgeType: edge.type,
                        label: edge.label || null,
                    },
                };
            }),
    };
}

/**
 * ForceAtlas2 settings and run length for a graph of this size: small
 * graphs are laid out at once, large ones in the worker for a time budget
 * while the canvas already shows them.
 */
export function layoutOptions(nodeCount, edgeCount) {
    const large = nodeCount > 2000;
    return {
        useWorker: large,
        // Iterations run at once (small graphs) or the worker's time budget.
        iterations: nodeCount < 300 ? 200 : nodeCount < 2000 ? 100 : 0,
        workerBudgetMs: large ? Math.min(4000, 800 + nodeCount / 10) : 0,
        settings: {
            barnesHutOptimize: nodeCount > 500,
            barnesHutTheta: 0.6,
            gravity: 1,
            scalingRatio: nodeCount > 2000 ? 20 : 10,
            strongGravityMode: false,
            slowDown: 1 + Math.log10(Math.max(1, edgeCount)),
            adjustSizes: false,
            linLogMode: false,
            outboundAttractionDistribution: nodeCount > 2000,
        },
    };
}

/** Whether this browser can draw with WebGL (headless Chromium can). */
export function hasWebGL(doc = document) {
    try {
        const canvas = doc.createElement("canvas");
        return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
    } catch {
        return false;
    }
}
