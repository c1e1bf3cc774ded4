/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * A small force-directed layout (Fruchterman-Reingold with a spatial grid for
 * the repulsion, so each iteration stays close to linear in the node count).
 * It runs a fixed number of iterations with a cooling step and then stops, so
 * the map never keeps the CPU busy.
 */

// Deterministic pseudo-random numbers: the same graph gets the same picture.
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * Iterations of the SVG layout for a graph of ``count`` nodes: 300 for a
 * small graph, fewer as it grows, so that the first picture of the default
 * view (500 nodes) is laid out in about a tenth of a second rather than half
 * a second; the cooling follows the iterations, so fewer still settle.
 */
export function layoutIterations(count) {
    return Math.max(100, Math.min(300, Math.round(45000 / Math.max(count, 1))));
}

/**
 * Place nodes in place (sets node.x / node.y).
 *
 * @param {Object[]} nodes with `id` and optional `distance` (from the focus)
 * @param {Object[]} edges with `source` / `target` node ids
 * @param {Object} options `width`, `height`, `iterations`
 */
export function computeLayout(
    nodes,
    edges,
    { width = 1000, height = 700, iterations = 300, budgetMs = 1000 } = {}
) {
    const count = nodes.length;
    if (!count) {
        return;
    }
    const started = performance.now();
    const random = seededRandom(count * 7919 + edges.length);
    // The layout plane grows with the graph so that the density, and so the
    // work per node, stays the same; the view is fitted afterwards.
    const ideal = Math.max(30, Math.min(120, Math.sqrt((width * height) / count)));
    const scale = Math.max(1, Math.sqrt((count * ideal * ideal * 2) / (width * height)));
    width *= scale;
    height *= scale;
    const cx = width / 2;
    const cy = height / 2;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    // Focused graphs start as rings around the focus, which untangles quickly.
    for (const node of nodes) {
        const angle = random() * 2 * Math.PI;
        const radius =
            node.distance !== undefined
                ? node.distance * ideal * 1.5 + random() * ideal
                : random() * Math.min(width, height) * 0.45;
        node.x = cx + radius * Math.cos(angle);
        node.y = cy + radius * Math.sin(angle);
    }
    const links = [];
    const degree = new Uint32Array(count);
    for (const edge of edges) {
        const a = index.get(edge.source);
        const b = index.get(edge.target);
        if (a !== undefined && b !== undefined) {
            links.push([a, b]);
            degree[a]++;
            degree[b]++;
        }
    }
    // As in d3-force: a hub's many lines pull weakly, or its neighbours would
    // collapse into one dense (and slow to lay out) ball.
    const strength = links.map(([a, b]) => 1 / Math.min(degree[a], degree[b]));
    const dx = new Float64Array(count);
    const dy = new Float64Array(count);
    // Repulsion fades out smoothly at this range: a hard cut-off (or the grid
    // cells themselves) would leave nodes lined up along the cell borders.
    const cell = ideal * 3;
    const cell2 = cell * cell;
    let temperature = Math.min(width, height) / 8;
    const cooling = temperature / (iterations + 1);
    for (let step = 0; step < iterations; step++) {
        dx.fill(0);
        dy.fill(0);
        // Repulsion only between nodes in neighbouring grid cells.
        const grid = new Map();
        for (let i = 0; i < count; i++) {
            const key = Math.floor(nodes[i].x / cell) * 65536 + Math.floor(nodes[i].y / cell);
            let bucket = grid.get(key);
            if (!bucket) {
                bucket = [];
                grid.set(key, bucket);
            }
            bucket.push(i);
        }
        for (let i = 0; i < count; i++) {
            const gx = Math.floor(nodes[i].x / cell);
            const gy = Math.floor(nodes[i].y / cell);
            for (let ox = -1; ox <= 1; ox++) {
                for (let oy = -1; oy <= 1; oy++) {
                    const bucket = grid.get((gx + ox) * 65536 + gy + oy);
                    if (!bucket) {
                        continue;
                    }
                    for (const j of bucket) {
                        if (j <= i) {
                            continue;
                        }
                        let ddx = nodes[i].x - nodes[j].x;
                        let ddy = nodes[i].y - nodes[j].y;
                        let dist2 = ddx * ddx + ddy * ddy;
                        if (dist2 < 0.01) {
                            ddx = random() - 0.5;
                            ddy = random() - 0.5;
                            dist2 = ddx * ddx + ddy * ddy;
                        }
                        if (dist2 > cell2) {
                            continue;
                        }
                        const fade = 1 - Math.sqrt(dist2) / cell;
                        const force = ((ideal * ideal) / dist2) * fade;
                        dx[i] += ddx * force;
                        dy[i] += ddy * force;
                        dx[j] -= ddx * force;
                        dy[j] -= ddy * force;
                    }
                }
            }
        }
        for (let l = 0; l < links.length; l++) {
            const [a, b] = links[l];
            const ddx = nodes[a].x - nodes[b].x;
            const ddy = nodes[a].y - nodes[b].y;
            const dist = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
            const force = (dist / ideal) * strength[l];
            dx[a] -= ddx * force;
            dy[a] -= ddy * force;
            dx[b] += ddx * force;
            dy[b] += ddy * force;
        }
        for (let i = 0; i < count; i++) {
            const node = nodes[i];
            // Gravity keeps separate components from drifting away.
            dx[i] += (cx - node.x) * 0.02;
            dy[i] += (cy - node.y) * 0.02;
            const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
            const move = Math.min(length, temperature);
            node.x += (dx[i] / length) * move;
            node.y += (dy[i] / length) * move;
        }
        temperature = Math.max(temperature - cooling, 0.5);
        // Very large graphs stop early rather than keep the page frozen.
        if (performance.now() - started > budgetMs) {
            break;
        }
    }
}

/** Smallest transform showing every node inside a viewport of width x height. */
export function fitTransform(nodes, width, height, margin = 40) {
    if (!nodes.length) {
        return { x: 0, y: 0, k: 1 };
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
        minX = Math.min(minX, node.x);
        minY = Math.min(minY, node.y);
        maxX = Math.max(maxX, node.x);
        maxY = Math.max(maxY, node.y);
    }
    const k = Math.min(
        2,
        (width - 2 * margin) / Math.max(maxX - minX, 1),
        (height - 2 * margin) / Math.max(maxY - minY, 1)
    );
    return {
        k,
        x: width / 2 - ((minX + maxX) / 2) * k,
        y: height / 2 - ((minY + maxY) / 2) * k,
    };
}
