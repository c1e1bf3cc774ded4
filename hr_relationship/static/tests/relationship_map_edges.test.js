// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import { describe, expect, test } from "@odoo/hoot";
import { BEND_MIN } from "@hr_relationship/relationship_map/relationship_map_constants";
import {
    curveControl,
    curveMiddle,
    curvePath,
    labelAnchor,
    parallelBends,
} from "@hr_relationship/relationship_map/relationship_map_edges";
import { toGraphData } from "@hr_relationship/relationship_map/relationship_map_graph";

describe.current.tags("headless");

const A = { x: 0, y: 0 };
const B = { x: 200, y: 0 };

describe("hr_relationship map lines", () => {
    test("two lines between two people bend to opposite sides, by the same rule", () => {
        const [up, down] = parallelBends([
            { source: "a", target: "b", type: "person_relation", relation_id: 1 },
            { source: "b", target: "a", type: "person_relation", relation_id: 2 },
        ]);
        // Drawn from their own source: both away from the straight line,
        // to opposite sides once measured from the same end.
        const first = curveControl(A, B, up);
        const second = curveControl(B, A, down);
        expect(first.x).toBe(100);
        expect(second.x).toBe(100);
        expect(first.y).toBe(-second.y);
        // A share of the length (0.3 per step of bend), at least BEND_MIN.
        expect(Math.abs(first.y)).toBe(30);
        expect(Math.abs(curveControl(A, { x: 20, y: 0 }, 0.5).y)).toBe(BEND_MIN / 2);
        // The canvas measures BEND_MIN in pixels of its fitted view: at a
        // fitted zoom of 2, half as many units.
        expect(Math.abs(curveControl(A, { x: 20, y: 0 }, 0.5, 2).y)).toBe(BEND_MIN / 4);
        // The middle of the curve (where its name goes) half way to the control.
        expect(curveMiddle(A, B, 0.5)).toEqual({ x: 100, y: 15 });
        expect(curveMiddle(A, B, 0)).toEqual({ x: 100, y: 0 });
        expect(curvePath(A, B, 0)).toBe("M0,0 L200,0");
        expect(curvePath(A, B, 0.5)).toBe("M0,0 Q100,30 200,0");
    });

    test("the canvas bends parallel lines as the SVG does", () => {
        const nodes = [
            { id: "a", label: "A", type: "stakeholder" },
            { id: "b", label: "B", type: "stakeholder" },
            { id: "c", label: "C", type: "stakeholder" },
        ];
        const edges = [
            { source: "a", target: "b", type: "person_relation", relation_id: 7 },
            { source: "a", target: "c", type: "person_relation", relation_id: 5 },
            { source: "b", target: "a", type: "person_relation", relation_id: 3 },
        ];
        const data = toGraphData(nodes, edges);
        expect(data.edges.map((edge) => edge.attributes.bend)).toEqual(parallelBends(edges));
        expect(data.edges.map((edge) => edge.attributes.bend)).toEqual([0.5, 0, 0.5]);
    });

    test("each name of parallel lines beside its own curve, away from the other", () => {
        // Horizontal: one name above its curve, the other below.
        const above = labelAnchor(A, B, -0.5, curveMiddle(A, B, -0.5), 4);
        const below = labelAnchor(A, B, 0.5, curveMiddle(A, B, 0.5), 4);
        expect(above).toEqual({ x: 100, y: -19, align: "center", baseline: "bottom" });
        expect(below).toEqual({ x: 100, y: 19, align: "center", baseline: "top" });
        // Vertical: one to the left (ending there), the other to the right.
        const C = { x: 0, y: 200 };
        const right = labelAnchor(A, C, -0.5, curveMiddle(A, C, -0.5), 4);
        const left = labelAnchor(A, C, 0.5, curveMiddle(A, C, 0.5), 4);
        expect(right).toEqual({ x: 19, y: 100, align: "left", baseline: "middle" });
        expect(left).toEqual({ x: -19, y: 100, align: "right", baseline: "middle" });
    });
});
