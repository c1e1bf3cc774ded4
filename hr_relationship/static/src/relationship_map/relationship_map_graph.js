/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * Pure transforms from the server's answer to what the canvas draws:
 * no DOM, no library, so that they can be unit-tested.
 */

import {
    DAY,
    EXTERNAL_COLOR,
    HEALTH_COLORS,
    INTERACTION_COLOR,
    LINE_COLOR,
    RELATION_COLOR,
    TYPE_COLORS,
    UNKNOWN_COLOR,
} from "./relationship_map_constants";
import { parallelBends } from "./relationship_map_edges";

// Evenly spread without lining nodes up.
const GOLDEN_ANGLE = 2.399963;

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

// Marks of a node on the canvas, as in the SVG drawing (see FLAG_COLOR).
const NO_COLOR = "transparent";

/** Whether the network refresh marks the node. */
export function isFlagged(node) {
    return Boolean(node.single_threaded || node.coverage_gap || node.key_person);
}

/**
 * The network mark of a node of radius ``r`` centred on (x, y): a diamond
 * whose centre sits on the node's upper right edge, ``half`` its half
 * diagonal (half the node's radius: 4 pixels on the smallest SVG node).
 */
export function flagDiamond(x, y, r) {
    const half = r * 0.55;
    const offset = r * Math.SQRT1_2;
    return { x: x + offset, y: y - offset, half };
}

/** SVG path of ``flagDiamond``. */
export function flagDiamondPath(x, y, r) {
    const d = flagDiamond(x, y, r);
    return (
        `M${d.x},${d.y - d.half} L${d.x + d.half},${d.y} ` +
        `L${d.x},${d.y + d.half} L${d.x - d.half},${d.y} Z`
    );
}

/**
 * The marks the canvas draws on a node: the health ring's colour, the
 * colour of the dashed external ring inside it, whether the node
 * carries the network mark and whether it drifts (1 or 0).
 */
export function nodeMarks(node, healthColors) {
    const external = Boolean(node.external);
    return {
        ringColor: healthColors[node.health_state] || NO_COLOR,
        markColor: external ? EXTERNAL_COLOR : NO_COLOR,
        markDashed: external ? 1 : 0,
        flagged: isFlagged(node) ? 1 : 0,
        drifting: node.drifting ? 1 : 0,
    };
}

function hexWithAlpha(hex, alpha) {
    // Tenths: lines of the same colour and width are drawn together.
    const value = Math.round(Math.round(alpha * 10) * 25.5)
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
        const angle = index * GOLDEN_ANGLE + ring;
        const radius =
            ring >= 0
                ? ring * 100 + (ring ? (index % 7) * 6 : 0)
                : spread * Math.sqrt((index + 0.5) / count);
        positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
    return positions;
}

// Which nodes gather the others around them, in this order of preference.
const ANCHOR_TYPES = ["internal_client", "department", "project"];

/**
 * Start positions of a map without a focus: each node next to the internal
 * client (else department, else project) it is nearest to through its
 * lines, the clients spread on a spiral, most important (first) in the
 * middle; nodes no client reaches around the outside. A first picture with
 * structure, which the layout then refines, rather than a disc whose every
 * line crosses it. Linear in nodes and lines; deterministic.
 */
export function clusteredPositions(nodes, edges) {
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const neighbours = nodes.map(() => []);
    for (const edge of edges) {
        const a = index.get(edge.source);
        const b = index.get(edge.target);
        if (a !== undefined && b !== undefined && a !== b) {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    const anchorType = ANCHOR_TYPES.find((type) => nodes.some((node) => node.type === type));
    if (!anchorType) {
        return initialPositions(nodes);
    }
    // Breadth first from every anchor at once: a node joins the anchor that
    // reaches it first.
    const anchorOf = new Int32Array(nodes.length).fill(-1);
    const anchors = [];
    let queue = [];
    nodes.forEach((node, i) => {
        if (node.type === anchorType) {
            anchorOf[i] = i;
            anchors.push(i);
            queue.push(i);
        }
    });
    while (queue.length) {
        const next = [];
        for (const i of queue) {
            for (const j of neighbours[i]) {
                if (anchorOf[j] < 0) {
                    anchorOf[j] = anchorOf[i];
                    next.push(j);
                }
            }
        }
        queue = next;
    }
    const members = new Map(anchors.map((i) => [i, []]));
    const loose = [];
    nodes.forEach((node, i) => {
        if (anchorOf[i] < 0) {
            loose.push(i);
        } else if (anchorOf[i] !== i) {
            members.get(anchorOf[i]).push(i);
        }
    });
    const UNIT = 10;
    const average = (nodes.length - loose.length) / anchors.length;
    const spacing = 2.2 * UNIT * Math.sqrt(average + 1);
    const positions = new Map();
    let outer = 0;
    anchors.forEach((anchor, a) => {
        const radius = spacing * Math.sqrt(a);
        const cx = radius * Math.cos(a * GOLDEN_ANGLE);
        const cy = radius * Math.sin(a * GOLDEN_ANGLE);
        outer = Math.max(outer, radius);
        positions.set(nodes[anchor].id, { x: cx, y: cy });
        // A sunflower around the anchor.
        members.get(anchor).forEach((i, m) => {
            const r = UNIT * Math.sqrt(m + 1);
            positions.set(nodes[i].id, {
                x: cx + r * Math.cos(m * GOLDEN_ANGLE),
                y: cy + r * Math.sin(m * GOLDEN_ANGLE),
            });
        });
    });
    const ring = outer + spacing;
    loose.forEach((i, l) => {
        const r = ring + UNIT * Math.sqrt(l + 1);
        positions.set(nodes[i].id, {
            x: r * Math.cos(l * GOLDEN_ANGLE),
            y: r * Math.sin(l * GOLDEN_ANGLE),
        });
    });
    return positions;
}

/**
 * The server's graph as graphology's serialized format: what the layout
 * reads (x, y, size) and what the canvas draws (colour, label, type, health
 * ring, network and external marks; lines' colour, width and bend). Lines
 * to nodes that are not in the answer are dropped, several lines between
 * the same two nodes are kept (multi graph) and bent apart.
 */
export function toGraphData(nodes, edges, { healthStates = [], now = Date.now() } = {}) {
    const health = healthColorMap(healthStates);
    // A focus draws rings by distance; the overview, clusters.
    const focused = nodes.some((node) => node.distance !== undefined);
    const positions = focused ? initialPositions(nodes) : clusteredPositions(nodes, edges);
    const ids = new Set(nodes.map((node) => node.id));
    const kept = edges.filter(
        (edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target
    );
    const bends = parallelBends(kept);
    return {
        options: { type: "mixed", multi: true, allowSelfLoops: false },
        attributes: {},
        nodes: nodes.map((node) => ({
            key: node.id,
            attributes: {
                ...positions.get(node.id),
                label: node.label,
                size: nodeRadius(node) / 2.5,
                color: TYPE_COLORS[node.type] || UNKNOWN_COLOR,
                nodeType: node.type,
                ...nodeMarks(node, health),
            },
        })),
        edges: kept.map((edge, index) => {
            const style = edgeStyle(edge, now);
            return {
                key: `e${index}`,
                source: edge.source,
                target: edge.target,
                attributes: {
                    width: style.width,
                    color: hexWithAlpha(
                        edge.type === "interaction"
                            ? INTERACTION_COLOR
                            : edge.type === "person_relation"
                              ? RELATION_COLOR
                              : LINE_COLOR,
                        style.opacity
                    ),
                    edgeType: edge.type,
                    label: edge.label || null,
                    inverseLabel: edge.inverse_label || null,
                    bend: bends[index],
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
        iterations: nodeCount < 300 ? 200 : nodeCount < 2000 ? 50 : 0,
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

/**
 * Lines grouped by colour and width (``{color, width, edges}``, edges as
 * indices into ``edges``): the canvas strokes each group as one path.
 */
export function edgeBatches(edges) {
    const batches = new Map();
    edges.forEach((edge, index) => {
        const key = `${edge.color}|${edge.width}`;
        if (!batches.has(key)) {
            batches.set(key, { color: edge.color, width: edge.width, edges: [] });
        }
        batches.get(key).edges.push(index);
    });
    return [...batches.values()];
}

/**
 * Opacity of all lines when ``count`` lines are drawn at ``zoom`` times the
 * fitted view: full up to 4,000 lines in view, fainter beyond (never below
 * a tenth), stronger as the view closes in.
 */
export function edgeAlpha(count, zoom = 1) {
    return Math.min(1, Math.max(0.1, (4000 / Math.max(count, 1)) * zoom));
}

/**
 * How much the nodes shrink when the whole graph is in view: so that they
 * cover at most a fifth of the ``width`` x ``height`` canvas (thousands of
 * nodes at their full size would hide everything), never below a quarter.
 */
export function densityScale(sizes, width, height) {
    let area = 0;
    for (const size of sizes) {
        area += Math.PI * size * size;
    }
    return Math.min(1, Math.max(0.25, Math.sqrt((0.2 * width * height) / Math.max(area, 1))));
}

/**
 * Screen pixels per unit of node size at zoom ``k`` when the whole graph
 * shows at ``fitK`` with nodes scaled by ``density`` (see ``densityScale``):
 * the nodes grow more slowly than the zoom, so that a close view is not all
 * discs, and at most four times.
 */
export function radiusFactor(k, fitK, density = 1) {
    return density * Math.min(4, Math.max(0.5, Math.sqrt(k / fitK)));
}

/** Smallest box holding every position. */
function bounds(xs, ys) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < xs.length; i++) {
        minX = Math.min(minX, xs[i]);
        maxX = Math.max(maxX, xs[i]);
        minY = Math.min(minY, ys[i]);
        maxY = Math.max(maxY, ys[i]);
    }
    return { minX, minY, maxX, maxY };
}

/** ``{x, y, k}`` showing every position inside ``width`` x ``height``. */
export function fitView(xs, ys, width, height, margin = 30) {
    if (!xs.length) {
        return { x: width / 2, y: height / 2, k: 1 };
    }
    const { minX, minY, maxX, maxY } = bounds(xs, ys);
    const k = Math.min(
        4,
        Math.max(1e-6, (width - 2 * margin) / Math.max(maxX - minX, 1)),
        Math.max(1e-6, (height - 2 * margin) / Math.max(maxY - minY, 1))
    );
    return {
        k,
        x: width / 2 - ((minX + maxX) / 2) * k,
        y: height / 2 - ((minY + maxY) / 2) * k,
    };
}

/**
 * Positions in the cells of a grid, so that finding the node under the
 * pointer looks at a few cells rather than at every node.
 */
export class HitGrid {
    constructor(xs, ys) {
        this.xs = xs;
        this.ys = ys;
        const { minX, minY, maxX, maxY } = bounds(xs, ys);
        // About one node a cell.
        const area = Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1);
        this.cell = Math.max(Math.sqrt(area / Math.max(xs.length, 1)), 1e-6);
        this.cells = new Map();
        for (let i = 0; i < xs.length; i++) {
            const key = this.key(Math.floor(xs[i] / this.cell), Math.floor(ys[i] / this.cell));
            if (!this.cells.has(key)) {
                this.cells.set(key, []);
            }
            this.cells.get(key).push(i);
        }
    }

    key(cx, cy) {
        return `${cx}:${cy}`;
    }

    /**
     * Index of the node nearest to (x, y) among those whose ``radius(i)``
     * (at most ``maxRadius``) reaches it, -1 for none.
     */
    find(x, y, radius, maxRadius) {
        // Zoomed far out, a node covers many cells: look at 21 x 21 at most.
        const span = Math.min(Math.ceil(maxRadius / this.cell) + 1, 10);
        const cx = Math.floor(x / this.cell);
        const cy = Math.floor(y / this.cell);
        let best = -1;
        let bestDistance = Infinity;
        for (let dx = -span; dx <= span; dx++) {
            for (let dy = -span; dy <= span; dy++) {
                for (const i of this.cells.get(this.key(cx + dx, cy + dy)) || []) {
                    const distance = Math.hypot(this.xs[i] - x, this.ys[i] - y);
                    if (distance <= radius(i) && distance < bestDistance) {
                        best = i;
                        bestDistance = distance;
                    }
                }
            }
        }
        return best;
    }
}

/**
 * Indices of the nodes in the order their labels are drawn when they do not
 * all fit: internal clients, departments and projects, then the larger.
 */
export function labelOrder(nodes) {
    const rank = { internal_client: 0, department: 1, project: 2 };
    return nodes
        .map((node, index) => index)
        .sort(
            (a, b) =>
                (rank[nodes[a].nodeType] ?? 3) - (rank[nodes[b].nodeType] ?? 3) ||
                nodes[b].size - nodes[a].size ||
                a - b
        );
}
