/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {
    Component,
    onMounted,
    onPatched,
    onWillRender,
    onWillStart,
    onWillUnmount,
    useRef,
    useState,
} from "@odoo/owl";
import { loadJS } from "@web/core/assets";
import {
    DRIFT_COLOR,
    FLAG_COLOR,
    HIGHLIGHT_COLOR,
    RELATION_COLOR,
} from "./relationship_map_constants";
import { curveControl, curveMiddle, labelAnchor } from "./relationship_map_edges";
import {
    densityScale,
    edgeAlpha,
    edgeBatches,
    fitView,
    flagDiamond,
    HitGrid,
    labelOrder,
    layoutOptions,
    radiusFactor,
    toGraphData,
} from "./relationship_map_graph";
import { RENDERER_PROPS } from "./relationship_map_model";
import { smoothWheelFactor, useViewport } from "./relationship_map_viewport";

const LIB = "/hr_relationship/static/lib";
// While the view moves or the layout settles, lines are left out above this
// many (they come back once it rests): the nodes alone keep it smooth.
const LINES_WHILE_MOVING = 15000;
// The full picture comes back this long after the last move.
const REST_MS = 180;
const FONT = "11px sans-serif";
// Half the height of a label, and the gap between a bent line and its name.
const HALF_HEIGHT = 7;
const LABEL_GAP = 4;

/** The vendored libraries (static/lib, see update.sh), loaded on first use. */
export function loadGraphLibraries() {
    return loadJS(`${LIB}/graphology/graphology.umd.min.js`).then(() =>
        loadJS(`${LIB}/graphology-layout-forceatlas2/forceatlas2.min.js`)
    );
}

/**
 * The map drawn on a 2D canvas, for answers too large for one SVG element
 * per node: graphology holds the graph, ForceAtlas2 lays it out (in a web
 * worker for large graphs, while the canvas already shows it), and the
 * canvas draws lines in a few batched paths, so that tens of thousands of
 * nodes and lines stay interactive even where the browser has no GPU.
 *
 * Why not a drawing library: with 16,000 nodes and 80,000 lines, sigma.js
 * 4.0.4 took about 4 s a frame in headless Chromium's software WebGL
 * (SwiftShader), sigma.js 3.0.3 2.7 s; these batched canvas paths take
 * 0.2 s. With 20,000 nodes and 100,000 lines, Cytoscape.js 3.35.0 took 7 to
 * 9 s to build its graph and 3 s to draw it on its canvas (14 s with its
 * WebGL renderer); this canvas shows them 1.8 s after asking the server.
 */
export class RelationshipMapCanvas extends Component {
    static template = "hr_relationship.RelationshipMapCanvas";
    static props = RENDERER_PROPS;

    setup() {
        this.containerRef = useRef("container");
        this.canvasRef = useRef("canvas");
        this.state = useState(this.props.model.state);
        this.layout = null;
        this.frame = null;
        this.restTimer = null;
        this.fitK = 1;
        this.viewport = useViewport({
            ref: this.canvasRef,
            clampZoom: (k) => Math.min(this.fitK * 40, Math.max(this.fitK / 4, k)),
            wheelFactor: smoothWheelFactor,
            onStart: () => {
                // The user takes over: the picture stays as it is.
                this.stopLayout();
                this.userMoved = true;
            },
            onChange: () => this.schedule(true),
            onTap: (ev) => this.onNode(this.nodeAt(ev.clientX, ev.clientY), "select"),
        });
        onWillStart(loadGraphLibraries);
        // Drawn again when the answer or the selection changes.
        onWillRender(() => [this.state.graph, this.state.selected]);
        onMounted(() => {
            this.resizeObserver = new ResizeObserver(() => this.resize());
            this.resizeObserver.observe(this.containerRef.el);
            this.build();
        });
        onPatched(() => {
            if (this.state.graph !== this.builtGraph) {
                this.build();
            } else {
                if (this.state.selected !== this.shownSelected) {
                    this.showSelected();
                }
                this.paint(false);
            }
        });
        onWillUnmount(() => this.destroy());
    }

    /** The view {x, y, k}: the graph's point (gx, gy) shows at (x + k gx, y + k gy). */
    get view() {
        return this.viewport.view;
    }

    set view(view) {
        this.viewport.view = view;
    }

    // ------------------------------------------------------------------
    // Graph and layout
    // ------------------------------------------------------------------

    build() {
        this.stopLayout();
        const el = this.containerRef.el;
        delete el.dataset.drawn;
        const graph = this.state.graph;
        this.builtGraph = graph;
        const data = toGraphData(graph.nodes, graph.edges, {
            healthStates: this.state.meta.health_states,
        });
        this.nodes = data.nodes.map((node) => ({ key: node.key, ...node.attributes }));
        this.index = new Map(this.nodes.map((node, i) => [node.key, i]));
        this.xs = Float64Array.from(this.nodes, (node) => node.x);
        this.ys = Float64Array.from(this.nodes, (node) => node.y);
        this.sources = Int32Array.from(data.edges, (edge) => this.index.get(edge.source));
        this.targets = Int32Array.from(data.edges, (edge) => this.index.get(edge.target));
        // Several lines between the same two nodes are bent apart, as in SVG.
        this.bends = Float64Array.from(data.edges, (edge) => edge.attributes.bend);
        this.batches = edgeBatches(data.edges.map((edge) => edge.attributes));
        this.edgeLabels = data.edges.map((edge) => [
            edge.attributes.label,
            edge.attributes.inverseLabel || edge.attributes.label,
        ]);
        this.relationEdges = data.edges
            .map((edge, e) => (edge.attributes.label ? e : -1))
            .filter((e) => e >= 0);
        this.labelOrder = labelOrder(this.nodes);
        // (A loop: spreading 100,000 sizes into Math.max overflows the stack.)
        this.maxSize = this.nodes.reduce((max, node) => Math.max(max, node.size), 1);
        this.hitGrid = null;
        this.snapshot = this.painted = null;
        this.userMoved = false;
        const options = layoutOptions(this.nodes.length, this.sources.length);
        if (options.iterations) {
            // Small graphs are laid out before they are drawn.
            this.graph = this.layoutGraph(data);
            window.graphologyLayoutForceAtlas2.forceAtlas2.assign(this.graph, {
                iterations: options.iterations,
                settings: options.settings,
            });
            this.readPositions();
        }
        this.resize(false);
        this.fit(false);
        this.showSelected();
        this.paint(false);
        // The first picture is on the canvas: a marker for tests and the
        // benchmark (which time it from outside), not a timing.
        el.dataset.drawn = "1";
        this.props.onReady?.({
            fit: () => this.fit(true, this.props.coveredHeight(el.getBoundingClientRect())),
        });
        if (options.useWorker) {
            // Large ones are usable at once, from their start positions; the
            // layout settles in the worker once that picture is on screen,
            // until the time budget is spent or the user moves the view.
            // (The frame after the one that paints it.)
            this.layoutFrame = requestAnimationFrame(() => {
                this.layoutFrame = requestAnimationFrame(() => {
                    this.layoutTimer = setTimeout(() => this.startLayout(data, options));
                });
            });
        }
    }

    startLayout(data, options) {
        this.graph = this.layoutGraph(data);
        const { FA2Layout } = window.graphologyLayoutForceAtlas2;
        this.layout = new FA2Layout(this.graph, { settings: options.settings });
        this.graph.on("eachNodeAttributesUpdated", this.onLayoutStep);
        this.layout.start();
        this.layoutTimer = setTimeout(() => this.stopLayout(true), options.workerBudgetMs);
    }

    layoutGraph(data) {
        const graph = new window.graphology.Graph(data.options);
        graph.import(data);
        return graph;
    }

    onLayoutStep = () => {
        this.readPositions();
        this.hitGrid = null;
        this.schedule(true);
    };

    readPositions() {
        const { graph, index, xs, ys } = this;
        graph.forEachNode((key, attributes) => {
            const i = index.get(key);
            xs[i] = attributes.x;
            ys[i] = attributes.y;
        });
        this.hitGrid = null;
        this.snapshot = this.painted = null;
    }

    stopLayout(draw = false) {
        cancelAnimationFrame(this.layoutFrame);
        clearTimeout(this.layoutTimer);
        if (this.layout) {
            this.layout.kill();
            this.layout = null;
            this.graph.off("eachNodeAttributesUpdated", this.onLayoutStep);
            if (draw) {
                this.readPositions();
                // The layout spread the graph: in view again, unless the
                // user has moved the view meanwhile.
                this.fit(false);
                this.showSelected();
                this.paint(false);
            }
        }
    }

    destroy() {
        this.stopLayout();
        cancelAnimationFrame(this.frame);
        clearTimeout(this.restTimer);
        this.resizeObserver?.disconnect();
    }

    // ------------------------------------------------------------------
    // View
    // ------------------------------------------------------------------

    resize(draw = true) {
        const canvas = this.canvasRef.el;
        const box = this.containerRef.el.getBoundingClientRect();
        const ratio = window.devicePixelRatio || 1;
        this.width = Math.max(box.width, 1);
        this.height = Math.max(box.height, 1);
        canvas.width = Math.round(this.width * ratio);
        canvas.height = Math.round(this.height * ratio);
        canvas.style.width = `${this.width}px`;
        canvas.style.height = `${this.height}px`;
        this.ratio = ratio;
        this.snapshot = this.painted = null;
        if (draw && this.nodes) {
            if (!this.userMoved) {
                // Still the whole graph in view, in the new size.
                this.fit(false);
            }
            this.paint(false);
        }
    }

    /**
     * Whole graph in view (``draw``: asked by the user, and drawn), above
     * the ``covered`` pixels at the bottom (a phone's sheet).
     */
    fit(draw = true, covered = 0) {
        if (draw) {
            this.userMoved = false;
        }
        this.view = fitView(this.xs, this.ys, this.width, Math.max(this.height - covered, 1));
        this.fitK = this.view.k;
        this.density = densityScale(
            this.nodes.map((node) => node.size),
            this.width,
            this.height
        );
        if (draw) {
            this.paint(false);
        }
    }

    /**
     * The node ``key`` in the middle of the width, at ``top`` (a share) of
     * the height, at the same zoom: on a phone the sheet of the node's facts
     * covers the lower half of the map.
     */
    centerOn(key, top = 0.5) {
        const i = this.index?.get(key);
        if (i === undefined) {
            return;
        }
        const k = this.view.k;
        this.userMoved = true;
        this.view = { k, x: this.width / 2 - this.xs[i] * k, y: this.height * top - this.ys[i] * k };
    }

    /** On a phone, the selected node above the sheet that shows its facts. */
    showSelected() {
        const selected = this.state.selected;
        this.shownSelected = selected;
        if (this.props.phone && selected) {
            this.centerOn(selected, 0.25);
            // Where it went, for tests (the canvas has no element per node).
            const i = this.index.get(selected);
            if (i !== undefined) {
                this.containerRef.el.dataset.selectedTop = String(
                    Math.round(this.view.y + this.ys[i] * this.view.k)
                );
            }
        }
    }

    /** Screen pixels per unit of node size at zoom ``k``. */
    radiusScale(k) {
        return radiusFactor(k, this.fitK, this.density);
    }

    toGraph(clientX, clientY) {
        const box = this.canvasRef.el.getBoundingClientRect();
        const { x, y, k } = this.view;
        return { x: (clientX - box.left - x) / k, y: (clientY - box.top - y) / k };
    }

    nodeAt(clientX, clientY) {
        if (!this.hitGrid) {
            this.hitGrid = new HitGrid(this.xs, this.ys);
        }
        const point = this.toGraph(clientX, clientY);
        const scale = this.radiusScale(this.view.k);
        const k = this.view.k;
        const index = this.hitGrid.find(
            point.x,
            point.y,
            (i) => (this.nodes[i].size * scale + 2) / k,
            (this.maxSize * scale + 2) / k
        );
        return index < 0 ? null : this.nodes[index].key;
    }

    // ------------------------------------------------------------------
    // Drawing
    // ------------------------------------------------------------------

    /** Draw at the next frame; ``moving`` draws the quick picture. */
    schedule(moving) {
        this.moving = this.moving || moving;
        if (!this.frame) {
            this.frame = requestAnimationFrame(() => {
                this.frame = null;
                this.paint(this.moving);
                this.moving = false;
            });
        }
        if (moving) {
            clearTimeout(this.restTimer);
            this.restTimer = setTimeout(() => {
                if (!this.viewport.moving && !this.layout) {
                    this.paint(false);
                }
            }, REST_MS);
        }
    }

    paint(moving) {
        const canvas = this.canvasRef.el;
        const ctx = canvas?.getContext("2d", { willReadFrequently: true });
        if (!ctx || !this.nodes) {
            return;
        }
        const large = this.sources.length > LINES_WHILE_MOVING;
        if (moving && large && !this.layout && (this.snapshot || this.painted)) {
            // Copied from the canvas when the first move comes, not after
            // each picture: copying makes the browser draw it at once.
            this.snapshot ||= this.takeSnapshot(canvas);
            this.paintSnapshot(ctx);
            return;
        }
        this.snapshot = this.painted = null;
        const { x, y, k } = this.view;
        const ratio = this.ratio;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y);
        const quick = (moving || this.layout) && large;
        if (!quick) {
            this.drawEdges(ctx, k);
        }
        this.drawNodes(ctx, k, quick);
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        if (!moving) {
            this.drawLabels(ctx);
            if (!this.layout) {
                this.painted = { ...this.view };
            }
        }
    }

    /**
     * The full picture on the canvas (drawn at the view ``this.painted``):
     * while the user pans and zooms, the canvas shows it moved and scaled,
     * one image a frame whatever the size of the graph, and draws afresh
     * once the view rests.
     */
    takeSnapshot(canvas) {
        const copy = this.snapshotCanvas || document.createElement("canvas");
        this.snapshotCanvas = copy;
        copy.width = canvas.width;
        copy.height = canvas.height;
        copy.getContext("2d").drawImage(canvas, 0, 0);
        return { canvas: copy, view: this.painted };
    }

    paintSnapshot(ctx) {
        const { x, y, k } = this.view;
        const { canvas, view } = this.snapshot;
        const scale = k / view.k;
        const ratio = this.ratio;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        ctx.setTransform(
            ratio * scale,
            0,
            0,
            ratio * scale,
            ratio * (x - scale * view.x),
            ratio * (y - scale * view.y)
        );
        ctx.drawImage(canvas, 0, 0, this.width, this.height);
    }

    drawEdges(ctx, k) {
        const { xs, ys, sources, targets, bends, fitK } = this;
        ctx.lineCap = "butt";
        // Tens of thousands of lines would hide each other: fainter the more
        // there are in view, stronger as the view closes in.
        ctx.globalAlpha = edgeAlpha(sources.length, k / this.fitK);
        // Thousands of lines in view: hairlines, which cost the browser a
        // third of the pixels (widths show again as the view closes in).
        const thin = edgeAlpha(sources.length, k / this.fitK) < 0.5;
        for (const batch of this.batches) {
            ctx.strokeStyle = batch.color;
            ctx.lineWidth = (thin ? 1 : batch.width) / k;
            ctx.beginPath();
            for (const e of batch.edges) {
                const [a, b] = [sources[e], targets[e]];
                ctx.moveTo(xs[a], ys[a]);
                if (bends[e]) {
                    const s = { x: xs[a], y: ys[a] };
                    const t = { x: xs[b], y: ys[b] };
                    // Bent as in SVG, its pixels those of the fitted view.
                    const c = curveControl(s, t, bends[e], fitK);
                    ctx.quadraticCurveTo(c.x, c.y, t.x, t.y);
                } else {
                    ctx.lineTo(xs[b], ys[b]);
                }
            }
            ctx.stroke();
        }
        ctx.globalAlpha = 1;
    }

    drawNodes(ctx, k, quick = false) {
        const { xs, ys, nodes } = this;
        const scale = this.radiusScale(k) / k;
        // At least a pixel, however small the node gets.
        const minRadius = 1 / k;
        const radius = (i) => Math.max(nodes[i].size * scale, minRadius);
        const TWO_PI = 2 * Math.PI;
        // A few paths for every node: one per colour (and size, for the
        // marks, whose width follows the node's).
        const group = (keyOf) => {
            const groups = new Map();
            for (let i = 0; i < nodes.length; i++) {
                const key = keyOf(nodes[i]);
                if (key === null) {
                    continue;
                }
                if (!groups.has(key)) {
                    groups.set(key, { node: nodes[i], members: [] });
                }
                groups.get(key).members.push(i);
            }
            return groups.values();
        };
        const circles = (members, factor) => {
            ctx.beginPath();
            for (const i of members) {
                const r = radius(i) * factor;
                ctx.moveTo(xs[i] + r, ys[i]);
                ctx.arc(xs[i], ys[i], r, 0, TWO_PI);
            }
        };
        for (const { node, members } of group((node) => node.color)) {
            ctx.fillStyle = node.color;
            circles(members, 1);
            ctx.fill();
        }
        if (quick) {
            // Moving: the fills alone, the marks come back at rest.
            return;
        }
        // Marks, as in the SVG drawing: the health ring around the node, the
        // external mark (dashed) inside it, the network mark's diamond.
        const ringKey = (node) =>
            node.ringColor === "transparent" ? null : `${node.ringColor}|${node.size}`;
        for (const { node, members } of group(ringKey)) {
            ctx.strokeStyle = node.ringColor;
            ctx.lineWidth = radius(members[0]) * 0.45;
            circles(members, 1.2);
            ctx.stroke();
        }
        const markKey = (node) =>
            node.markColor === "transparent"
                ? null
                : `${node.markColor}|${node.markDashed}|${node.size}`;
        for (const { node, members } of group(markKey)) {
            const r = radius(members[0]);
            ctx.strokeStyle = node.markColor;
            ctx.lineWidth = r * 0.3;
            ctx.setLineDash(node.markDashed ? [r * 0.5, r * 0.4] : []);
            circles(members, 0.7);
            ctx.stroke();
        }
        // Drift: a dashed ring outside the health ring.
        for (const { members } of group((node) => (node.drifting ? node.size : null))) {
            const r = radius(members[0]);
            ctx.strokeStyle = DRIFT_COLOR;
            ctx.lineWidth = r * 0.25;
            ctx.setLineDash([r * 0.45, r * 0.35]);
            circles(members, 1.65);
            ctx.stroke();
        }
        ctx.setLineDash([]);
        const flagged = nodes.map((node, i) => (node.flagged ? i : -1)).filter((i) => i >= 0);
        if (flagged.length) {
            ctx.beginPath();
            for (const i of flagged) {
                const d = flagDiamond(xs[i], ys[i], radius(i));
                // At least 4 pixels, so that it shows on the smallest node.
                const half = Math.max(d.half, 4 / k);
                ctx.moveTo(d.x, d.y - half);
                ctx.lineTo(d.x + half, d.y);
                ctx.lineTo(d.x, d.y + half);
                ctx.lineTo(d.x - half, d.y);
                ctx.closePath();
            }
            ctx.fillStyle = FLAG_COLOR;
            ctx.fill();
            ctx.strokeStyle = "#ffffff";
            ctx.lineWidth = Math.max(radius(flagged[0]) * 0.12, 1 / k);
            ctx.stroke();
        }
        ctx.strokeStyle = HIGHLIGHT_COLOR;
        for (const i of this.highlighted()) {
            ctx.lineWidth = Math.max(radius(i) * 0.35, 2 / k);
            circles([i], 1.5);
            ctx.stroke();
        }
    }

    /** Indices of the selected and the focused nodes. */
    highlighted() {
        return [this.state.selected, ...this.builtGraph.focus]
            .map((key) => this.index.get(key))
            .filter((i) => i !== undefined);
    }

    /**
     * Labels where they fit: the selected and focused nodes first, then
     * by importance, each kept off the others (a grid of taken cells).
     */
    drawLabels(ctx) {
        const { x, y, k } = this.view;
        const { xs, ys, nodes, width, height } = this;
        const scale = this.radiusScale(k);
        const taken = new Set();
        const CELL = 8;
        ctx.font = FONT;
        ctx.lineWidth = 3;
        ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
        // Draw ``text`` at (sx, sy), aligned as ``align`` and ``baseline``
        // say, unless it would cover another label (``forced``: draw it
        // anyway); whether it was drawn.
        const place = (text, sx, sy, forced, align = "left", baseline = "middle") => {
            if (sx > width || sx < -200 || sy < 0 || sy > height) {
                return false;
            }
            const textWidth = ctx.measureText(text).width;
            const left = sx - (align === "center" ? textWidth / 2 : align === "right" ? textWidth : 0);
            const middle =
                sy + (baseline === "top" ? HALF_HEIGHT : baseline === "bottom" ? -HALF_HEIGHT : 0);
            const cells = [];
            for (let cx = Math.floor(left / CELL); cx <= Math.floor((left + textWidth) / CELL); cx++) {
                for (
                    let cy = Math.floor((middle - HALF_HEIGHT) / CELL);
                    cy <= Math.floor((middle + HALF_HEIGHT) / CELL);
                    cy++
                ) {
                    cells.push(`${cx}:${cy}`);
                }
            }
            if (!forced && cells.some((cell) => taken.has(cell))) {
                return false;
            }
            for (const cell of cells) {
                taken.add(cell);
            }
            ctx.textAlign = align;
            ctx.textBaseline = baseline;
            ctx.strokeText(text, sx, sy);
            ctx.fillText(text, sx, sy);
            return true;
        };
        ctx.fillStyle = HIGHLIGHT_COLOR;
        const forced = new Set(this.highlighted());
        let drawn = 0;
        const others = this.labelOrder.filter((i) => !forced.has(i));
        for (const i of [...forced, ...others]) {
            const isForced = forced.has(i);
            const r = nodes[i].size * scale;
            if (!isForced && r < 4) {
                continue;
            }
            if (place(nodes[i].label || "", xs[i] * k + x + r + 3, ys[i] * k + y, isForced)) {
                drawn++;
            }
            if (drawn > 300) {
                break;
            }
        }
        // Relations between people are named on their line, as in the SVG
        // drawing, where the line is long enough on screen to carry it; a
        // bent line's name beside its curve, away from its parallels'.
        ctx.fillStyle = RELATION_COLOR;
        // Read from the person looked at: the selected one, else the focus.
        const lookedAt = this.index.get(this.state.selected || [...this.builtGraph.focus][0]);
        const screen = (i) => ({ x: xs[i] * k + x, y: ys[i] * k + y });
        let named = 0;
        for (const e of this.relationEdges) {
            const [a, b] = [this.sources[e], this.targets[e]];
            const [s, t] = [screen(a), screen(b)];
            if (Math.hypot(s.x - t.x, s.y - t.y) < 60) {
                continue;
            }
            const bend = this.bends[e];
            // Pixels of the fitted view are k / fitK of the screen's.
            const middle = curveMiddle(s, t, bend, this.fitK / k);
            const at = bend
                ? labelAnchor(s, t, bend, middle, LABEL_GAP)
                : { ...middle, align: "left", baseline: "middle" };
            const [label, inverse] = this.edgeLabels[e];
            const text = b === lookedAt ? inverse : label;
            if (place(text, at.x, at.y, false, at.align, at.baseline) && ++named > 100) {
                break;
            }
        }
        ctx.textAlign = "left";
        ctx.textBaseline = "middle";
    }

    // ------------------------------------------------------------------
    // Pointer
    // ------------------------------------------------------------------

    /** The hand over a node, while no pointer is down. */
    onHover(ev) {
        if (!this.viewport.pointers.size && this.nodes) {
            this.canvasRef.el.style.cursor = this.nodeAt(ev.clientX, ev.clientY) ? "pointer" : "";
        }
    }

    onDoubleClick(ev) {
        this.onNode(this.nodeAt(ev.clientX, ev.clientY), "focusOn");
    }

    /** Ask the model to ``select`` (or ``focusOn``) the node ``key``, if any. */
    onNode(key, action) {
        const node = key && this.builtGraph.byId.get(key);
        if (node) {
            this.props.model[action](node);
        }
    }
}
