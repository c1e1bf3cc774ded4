// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import { describe, expect, test } from "@odoo/hoot";
import {
    EXTERNAL_COLOR,
    FLAG_COLOR,
    HEALTH_COLORS,
    TYPE_COLORS,
} from "@hr_relationship/relationship_map/relationship_map_constants";
import {
    clusteredPositions,
    densityScale,
    edgeAlpha,
    edgeBatches,
    edgeStyle,
    fitView,
    flagDiamond,
    flagDiamondPath,
    healthColorMap,
    HitGrid,
    initialPositions,
    labelOrder,
    layoutOptions,
    nodeMarks,
    radiusFactor,
    toGraphData,
} from "@hr_relationship/relationship_map/relationship_map_graph";
import { parallelBends } from "@hr_relationship/relationship_map/relationship_map_edges";
import { layoutIterations } from "@hr_relationship/relationship_map/relationship_map_layout";

describe.current.tags("headless");

const NOW = new Date("2026-06-01T00:00:00Z").getTime();
const NODES = [
    { id: "stakeholder_1", label: "Ann", type: "stakeholder", influence: 5, distance: 0 },
    { id: "internal_client_2", label: "Sales", type: "internal_client", influence: 4,
      health_state: "at_risk", distance: 1 },
    { id: "employee_3", label: "Bob", type: "employee", influence: 2, external: false,
      key_person: true, distance: 1 },
];
const EDGES = [
    { source: "stakeholder_1", target: "internal_client_2", type: "stakeholder_client" },
    { source: "employee_3", target: "stakeholder_1", type: "interaction", weight: 4,
      last_date: "2026-05-31" },
    { source: "employee_3", target: "project_9", type: "project_manager" },
];

describe("hr_relationship map graph", () => {
    test("toGraphData keeps the nodes and only lines between them", () => {
        const data = toGraphData(NODES, EDGES, {
            healthStates: [["healthy", "Healthy"], ["at_risk", "At risk"]],
            now: NOW,
        });
        expect(data.options.multi).toBe(true);
        expect(data.nodes.map((node) => node.key)).toEqual([
            "stakeholder_1",
            "internal_client_2",
            "employee_3",
        ]);
        // The line to a project that is not in the answer is dropped.
        expect(data.edges.map((edge) => edge.attributes.edgeType)).toEqual([
            "stakeholder_client",
            "interaction",
        ]);
        const client = data.nodes[1].attributes;
        expect(client.color).toBe(TYPE_COLORS.internal_client);
        expect(client.ringColor).toBe(HEALTH_COLORS[1]);
        expect(data.nodes[2].attributes.flagged).toBe(1);
        expect(data.nodes[0].attributes.size).toBeGreaterThan(data.nodes[2].attributes.size);
    });

    test("interaction lines: width by count, opacity by recency", () => {
        const recent = edgeStyle({ type: "interaction", weight: 4, last_date: "2026-05-31" }, NOW);
        const old = edgeStyle({ type: "interaction", weight: 1, last_date: "2024-01-01" }, NOW);
        expect(recent.width).toBe(3);
        expect(old.width).toBe(1);
        expect(recent.opacity).toBeGreaterThan(0.99);
        expect(old.opacity).toBe(0.2);
        expect(edgeStyle({ type: "manager" }, NOW)).toEqual({ width: 1, opacity: 0.55 });
    });

    test("canvas marks: health ring, network diamond, dashed external mark", () => {
        const health = { at_risk: HEALTH_COLORS[1] };
        expect(nodeMarks({ health_state: "at_risk" }, health)).toEqual({
            ringColor: HEALTH_COLORS[1],
            markColor: "transparent",
            markDashed: 0,
            flagged: 0,
            drifting: 0,
        });
        expect(nodeMarks({ external: true }, health)).toEqual({
            ringColor: "transparent",
            markColor: EXTERNAL_COLOR,
            markDashed: 1,
            flagged: 0,
            drifting: 0,
        });
        // The network mark is a mark of its own: an external person who is
        // marked shows both.
        expect(nodeMarks({ external: true, coverage_gap: true }, health)).toEqual({
            ringColor: "transparent",
            markColor: EXTERNAL_COLOR,
            markDashed: 1,
            flagged: 1,
            drifting: 0,
        });
        expect(nodeMarks({ drifting: true }, health).drifting).toBe(1);
        const data = toGraphData(NODES, EDGES, {
            healthStates: [["healthy", "Healthy"], ["at_risk", "At risk"]],
            now: NOW,
        });
        expect(data.nodes[1].attributes.ringColor).toBe(HEALTH_COLORS[1]);
        expect(data.nodes[2].attributes.flagged).toBe(1);
        expect(data.nodes[0].attributes.flagged).toBe(0);
    });

    test("the network mark does not look like a health ring", () => {
        // Not a colour of any health state (red "at risk" included) nor of
        // the external mark.
        expect(HEALTH_COLORS).not.toInclude(FLAG_COLOR);
        const [red, green, blue] = [1, 3, 5].map((i) => parseInt(FLAG_COLOR.slice(i, i + 2), 16));
        expect(red - Math.max(green, blue)).toBeLessThan(40);
        expect(FLAG_COLOR).not.toBe(EXTERNAL_COLOR);
        // A diamond on the node's upper right edge, not a ring around it.
        const diamond = flagDiamond(0, 0, 10);
        expect(diamond.x).toBeGreaterThan(0);
        expect(diamond.y).toBeLessThan(0);
        expect(Math.hypot(diamond.x, diamond.y)).toBeCloseTo(10);
        expect(diamond.half).toBeGreaterThan(4);
        expect(flagDiamondPath(0, 0, 10)).toMatch(/^M[\d.]+,-[\d.]+ L.* Z$/);
    });

    test("SVG layout iterations: fewer as the graph grows, within 100-300", () => {
        expect(layoutIterations(20)).toBe(300);
        expect(layoutIterations(150)).toBe(300);
        expect(layoutIterations(300)).toBe(150);
        expect(layoutIterations(500)).toBe(100);
        expect(layoutIterations(1500)).toBe(100);
    });

    test("health colours follow the server's order", () => {
        const colors = healthColorMap([["a", "A"], ["b", "B"], ["c", "C"], ["d", "D"], ["e", "E"]]);
        expect(colors.a).toBe(HEALTH_COLORS[0]);
        expect(colors.e).toBe(HEALTH_COLORS[3]);
    });

    test("start positions: the focus in the middle, distances on rings", () => {
        const positions = initialPositions(NODES);
        const focus = positions.get("stakeholder_1");
        expect(Math.hypot(focus.x, focus.y)).toBe(0);
        const ring = positions.get("internal_client_2");
        expect(Math.round(Math.hypot(ring.x, ring.y))).toBeGreaterThan(99);
        // Deterministic: the same answer draws the same.
        expect(initialPositions(NODES).get("employee_3")).toEqual(positions.get("employee_3"));
    });

    test("overview start positions: each node beside the client it reaches first", () => {
        const nodes = [
            { id: "internal_client_1", type: "internal_client" },
            { id: "internal_client_2", type: "internal_client" },
            { id: "stakeholder_3", type: "stakeholder" },
            { id: "employee_4", type: "employee" },
            { id: "stakeholder_5", type: "stakeholder" },
        ];
        const edges = [
            { source: "stakeholder_3", target: "internal_client_2" },
            { source: "employee_4", target: "stakeholder_3" },
        ];
        const positions = clusteredPositions(nodes, edges);
        const distance = (a, b) =>
            Math.hypot(positions.get(a).x - positions.get(b).x, positions.get(a).y - positions.get(b).y);
        // The first client in the middle, the second further out.
        expect(Math.hypot(positions.get("internal_client_1").x, positions.get("internal_client_1").y)).toBe(0);
        // Two steps from the second client, still beside it.
        expect(distance("employee_4", "internal_client_2")).toBeLessThan(
            distance("employee_4", "internal_client_1")
        );
        // Reached by no client: outside all of them.
        const outside = Math.hypot(positions.get("stakeholder_5").x, positions.get("stakeholder_5").y);
        expect(outside).toBeGreaterThan(
            Math.hypot(positions.get("internal_client_2").x, positions.get("internal_client_2").y)
        );
        // A focused answer keeps its rings.
        const data = toGraphData(NODES, EDGES, { now: NOW });
        expect(data.nodes[0].attributes.x).toBe(0);
    });

    test("layout: small graphs at once, large ones in the worker", () => {
        const small = layoutOptions(100, 300);
        expect(small.useWorker).toBe(false);
        expect(small.iterations).toBeGreaterThan(0);
        const large = layoutOptions(20000, 80000);
        expect(large.useWorker).toBe(true);
        expect(large.iterations).toBe(0);
        expect(large.settings.barnesHutOptimize).toBe(true);
        expect(large.workerBudgetMs).toBeLessThan(5000);
    });

    test("canvas lines: one path per colour and width", () => {
        const data = toGraphData(
            NODES,
            [
                ...EDGES,
                { source: "internal_client_2", target: "employee_3", type: "client_lead" },
            ],
            { now: NOW }
        );
        const batches = edgeBatches(data.edges.map((edge) => edge.attributes));
        // The two organisation lines share a path; the interaction has its own.
        expect(batches.map((batch) => batch.edges)).toEqual([[0, 2], [1]]);
        expect(batches[1].width).toBe(3);
        // Opacity in tenths, so that similar lines are drawn together.
        expect(batches[0].color).toBe("#8a8f9499");
        // Many lines are drawn fainter, less so when zoomed in.
        expect(edgeAlpha(2000)).toBe(1);
        expect(edgeAlpha(80000)).toBe(0.1);
        expect(edgeAlpha(16000, 2)).toBe(0.5);
    });

    test("canvas view: fit, hit test, node sizes, label order", () => {
        const xs = [0, 100, 50];
        const ys = [0, 50, 200];
        const view = fitView(xs, ys, 400, 300, 0);
        // The taller extent decides: 300 pixels for 200 units.
        expect(view.k).toBe(1.5);
        expect(view.x + 50 * view.k).toBe(200);
        const grid = new HitGrid(xs, ys);
        expect(grid.find(101, 49, () => 5, 5)).toBe(1);
        expect(grid.find(30, 30, () => 5, 5)).toBe(-1);
        // The nearest of two nodes that both reach the point.
        expect(grid.find(10, 5, () => 60, 60)).toBe(0);
        // Many nodes shrink to cover at most a fifth of the canvas.
        expect(densityScale([5, 5], 1000, 1000)).toBe(1);
        expect(densityScale(new Array(100000).fill(5), 1000, 1000)).toBe(0.25);
        expect(radiusFactor(1, 1, 0.5)).toBe(0.5);
        expect(radiusFactor(4, 1, 0.5)).toBe(1);
        expect(radiusFactor(1000, 1, 1)).toBe(4);
        const order = labelOrder([
            { nodeType: "stakeholder", size: 7 },
            { nodeType: "project", size: 5 },
            { nodeType: "internal_client", size: 6 },
            { nodeType: "stakeholder", size: 3 },
        ]);
        expect(order).toEqual([2, 1, 0, 3]);
    });

    test("parallel lines bend to opposite sides", () => {
        const edges = [
            { source: "a", target: "b" },
            { source: "b", target: "a" },
            { source: "a", target: "c" },
        ];
        expect(parallelBends(edges)).toEqual([-0.5, -0.5, 0]);
        // Whatever order the server sends them in, the same line bends the
        // same way.
        const relations = (order) => {
            const lines = order.map((id) => ({
                source: "a",
                target: "b",
                type: "person_relation",
                relation_id: id,
            }));
            const bends = parallelBends(lines);
            return Object.fromEntries(lines.map((line, i) => [line.relation_id, bends[i]]));
        };
        expect(relations([7, 3])).toEqual(relations([3, 7]));
        expect(relations([7, 3])).toEqual({ 3: -0.5, 7: 0.5 });
    });
});
