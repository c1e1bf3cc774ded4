/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * Where the map's lines go, for both drawings: no DOM, so that it can be
 * unit-tested. Several lines between the same two nodes are bent away from
 * each other (quadratic curves), each named beside its own curve.
 */

import { BEND_MIN, BEND_SHARE } from "./relationship_map_constants";

/**
 * Groups of two or more lines between the same two nodes (indices into
 * ``edges``). Linear in the lines, with typed arrays rather than a key per
 * line, as the canvas asks it for 100,000 lines: the lines are bucketed by
 * one end, and in each bucket the lines to an other end already met join
 * the first line to it.
 */
function parallelGroups(edges) {
    const count = edges.length;
    const rank = new Map();
    const rankOf = (id) => {
        let r = rank.get(id);
        if (r === undefined) {
            r = rank.size;
            rank.set(id, r);
        }
        return r;
    };
    const low = new Int32Array(count);
    const high = new Int32Array(count);
    for (let e = 0; e < count; e++) {
        const a = rankOf(edges[e].source);
        const b = rankOf(edges[e].target);
        low[e] = Math.min(a, b);
        high[e] = Math.max(a, b);
    }
    // Lines ordered by their lower end (a counting sort).
    const starts = new Int32Array(rank.size + 1);
    for (let e = 0; e < count; e++) {
        starts[low[e] + 1]++;
    }
    for (let r = 0; r < rank.size; r++) {
        starts[r + 1] += starts[r];
    }
    const next = starts.slice(0, rank.size);
    const order = new Int32Array(count);
    for (let e = 0; e < count; e++) {
        order[next[low[e]]++] = e;
    }
    // The first line of the current bucket to each other end, if any.
    const firstTo = new Int32Array(rank.size);
    const bucketOf = new Int32Array(rank.size).fill(-1);
    const groups = new Map();
    for (let r = 0; r < rank.size; r++) {
        for (let i = starts[r]; i < starts[r + 1]; i++) {
            const e = order[i];
            const other = high[e];
            if (bucketOf[other] !== r) {
                bucketOf[other] = r;
                firstTo[other] = e;
            } else if (groups.has(firstTo[other])) {
                groups.get(firstTo[other]).push(e);
            } else {
                groups.set(firstTo[other], [firstTo[other], e]);
            }
        }
    }
    return groups.values();
}

/**
 * The bend of each line (in the order given), 0 for a line that is alone
 * between its two nodes: several lines between the same two nodes are
 * spread symmetrically around the straight line (-0.5, 0.5 for two; -1, 0,
 * 1 for three), measured in the same direction whichever way a line points.
 */
export function parallelBends(edges) {
    const bends = new Array(edges.length).fill(0);
    for (const group of parallelGroups(edges)) {
        // The same lines get the same bends whatever order they came in
        // (by type, an identifier, then relation).
        group.sort((a, b) => {
            const [typeA, typeB] = [edges[a].type || "", edges[b].type || ""];
            return (
                (typeA < typeB ? -1 : typeA > typeB ? 1 : 0) ||
                (edges[a].relation_id || 0) - (edges[b].relation_id || 0)
            );
        });
        group.forEach((index, rank) => {
            const bend = rank - (group.length - 1) / 2;
            const edge = edges[index];
            bends[index] = edge.source < edge.target ? bend : -bend;
        });
    }
    return bends;
}

/**
 * Control point of the curve from ``s`` to ``t`` (points {x, y}) with this
 * bend; ``scale`` is how many pixels a unit of the drawing takes at the
 * scale the bends are measured in (so that BEND_MIN stays pixels).
 */
export function curveControl(s, t, bend, scale = 1) {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const length = Math.hypot(dx, dy) || 1;
    const offset = bend * Math.max(BEND_MIN / scale, length * BEND_SHARE);
    return {
        x: (s.x + t.x) / 2 - (dy / length) * offset,
        y: (s.y + t.y) / 2 + (dx / length) * offset,
    };
}

/** Middle of the line (of the curve at t = 0.5), where its name goes. */
export function curveMiddle(s, t, bend, scale = 1) {
    const c = bend ? curveControl(s, t, bend, scale) : { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
    return { x: (s.x + 2 * c.x + t.x) / 4, y: (s.y + 2 * c.y + t.y) / 4 };
}

/** SVG path of a line: straight when alone, else bent to its own side. */
export function curvePath(s, t, bend) {
    if (!bend) {
        return `M${s.x},${s.y} L${t.x},${t.y}`;
    }
    const c = curveControl(s, t, bend);
    return `M${s.x},${s.y} Q${c.x},${c.y} ${t.x},${t.y}`;
}

/**
 * Where the name of a bent line goes on the canvas: ``gap`` pixels outside
 * the middle ``m`` of its curve, on the side it bends to, and aligned away
 * from it (``align`` and ``baseline`` as the canvas's textAlign and
 * textBaseline), so that the names of parallel lines never cover each
 * other. ``s``, ``t`` and ``m`` in screen pixels.
 */
export function labelAnchor(s, t, bend, m, gap = 4) {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const length = Math.hypot(dx, dy) || 1;
    const side = Math.sign(bend);
    // The unit vector from the straight line towards the curve.
    const ux = (-dy / length) * side;
    const uy = (dx / length) * side;
    return {
        x: m.x + ux * gap,
        y: m.y + uy * gap,
        align: ux > 0.5 ? "left" : ux < -0.5 ? "right" : "center",
        baseline: uy > 0.5 ? "top" : uy < -0.5 ? "bottom" : "middle",
    };
}
