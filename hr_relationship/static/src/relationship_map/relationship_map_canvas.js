/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {
    Component,
    onMounted,
    onPatched,
    onWillStart,
    onWillUnmount,
    onWillUpdateProps,
    useExternalListener,
    useRef,
} from "@odoo/owl";
import { loadJS } from "@web/core/assets";
import {
    densityScale,
    edgeAlpha,
    edgeBatches,
    fitView,
    FLAG_COLOR,
    flagDiamond,
    HitGrid,
    labelOrder,
    layoutOptions,
    radiusFactor,
    toGraphData,
} from "./relationship_map_graph";

const LIB = "/hr_relationship/static/lib";
// While the view moves or the layout settles, lines are left out above this
// many (they come back once it rests): the nodes alone keep it smooth.
const LINES_WHILE_MOVING = 15000;
// The full picture comes back this long after the last move.
const REST_MS = 180;
// A pointer that moves less than this is a click, not a drag.
const CLICK_SLOP = 4;
const FONT = "11px sans-serif";
const HIGHLIGHT_COLOR = "#1f2933";
// The colour of relations between people, as their lines and the legend.
const RELATION_COLOR = "#c0392b";

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
    static props = {
        nodes: Array,
        edges: Array,
        healthStates: Array,
        focus: Object,
        selected: { type: [String, { value: null }], optional: true },
        loading: Boolean,
        onSelect: Function,
        onFocus: Function,
        // Receives what the map may ask of the canvas: { fit }.
        onReady: { type: Function, optional: true },
        // On a phone the sheet of the selected node covers the lower half.
        phone: { type: Boolean, optional: true },
    };

    setup() {
        this.containerRef = useRef("container");
        this.canvasRef = useRef("canvas");
        this.layout = null;
        this.frame = null;
        this.restTimer = null;
        this.view = { x: 0, y: 0, k: 1 };
        this.fitK = 1;
        this.pointer = null;
        // Pointers down on the canvas, by id: one pans, two pinch.
        this.touches = new Map();
        this.pinch = null;
        onWillStart(loadGraphLibraries);
        onMounted(() => {
            this.resizeObserver = new ResizeObserver(() => this.resize());
            this.resizeObserver.observe(this.containerRef.el);
            this.build();
        });
        onWillUpdateProps((next) => {
            this.graphChanged = next.nodes !== this.props.nodes || next.edges !== this.props.edges;
            this.selectionChanged = next.selected !== this.props.selected;
        });
        onPatched(() => {
            if (this.graphChanged) {
                this.graphChanged = false;
                this.build();
            } else {
                if (this.selectionChanged) {
                    this.showSelected();
                }
                this.paint(false);
            }
        });
        onWillUnmount(() => this.destroy());
        useExternalListener(window, "pointermove", this.onPointerMove);
        useExternalListener(window, "pointerup", this.onPointerUp);
        useExternalListener(window, "pointercancel", this.onPointerUp);
    }

    // ------------------------------------------------------------------
    // Graph and layout
    // ------------------------------------------------------------------

    build() {
        this.stopLayout();
        const el = this.containerRef.el;
        delete el.dataset.drawn;
        const data = toGraphData(this.props.nodes, this.props.edges, {
            healthStates: this.props.healthStates,
        });
        this.nodes = data.nodes.map((node) => ({ key: node.key, ...node.attributes }));
        this.index = new Map(this.nodes.map((node, i) => [node.key, i]));
        this.xs = Float64Array.from(this.nodes, (node) => node.x);
        this.ys = Float64Array.from(this.nodes, (node) => node.y);
        this.sources = Int32Array.from(data.edges, (edge) => this.index.get(edge.source));
        this.targets = Int32Array.from(data.edges, (edge) => this.index.get(edge.target));
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
        this.props.onReady?.({ fit: (covered) => this.fit(true, covered) });
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
        if (this.props.phone && this.props.selected) {
            this.centerOn(this.props.selected, 0.25);
            // Where it went, for tests (the canvas has no element per node).
            const i = this.index.get(this.props.selected);
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
                if (!this.pointer?.dragging && !this.layout) {
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
        const { xs, ys, sources, targets } = this;
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
                ctx.moveTo(xs[sources[e]], ys[sources[e]]);
                ctx.lineTo(xs[targets[e]], ys[targets[e]]);
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
        return [this.props.selected, ...this.props.focus]
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
        const HALF_HEIGHT = 7;
        ctx.font = FONT;
        ctx.textBaseline = "middle";
        ctx.lineWidth = 3;
        ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
        // Draw ``text`` from (sx, sy) unless it would cover another label
        // (``forced``: draw it anyway); whether it was drawn.
        const place = (text, sx, sy, forced) => {
            if (sx > width || sx < -200 || sy < 0 || sy > height) {
                return false;
            }
            const textWidth = ctx.measureText(text).width;
            const cells = [];
            for (let cx = Math.floor(sx / CELL); cx <= Math.floor((sx + textWidth) / CELL); cx++) {
                for (
                    let cy = Math.floor((sy - HALF_HEIGHT) / CELL);
                    cy <= Math.floor((sy + HALF_HEIGHT) / CELL);
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
        // drawing, where the line is long enough on screen to carry it.
        ctx.fillStyle = RELATION_COLOR;
        // Read from the person looked at: the selected one, else the focus.
        const lookedAt = this.index.get(this.props.selected || [...this.props.focus][0]);
        let named = 0;
        for (const e of this.relationEdges) {
            const [a, b] = [this.sources[e], this.targets[e]];
            const length = Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) * k;
            if (length < 60) {
                continue;
            }
            const sx = ((xs[a] + xs[b]) / 2) * k + x;
            const sy = ((ys[a] + ys[b]) / 2) * k + y;
            const [label, inverse] = this.edgeLabels[e];
            if (place(b === lookedAt ? inverse : label, sx, sy, false) && ++named > 100) {
                break;
            }
        }
    }

    // ------------------------------------------------------------------
    // Pointer
    // ------------------------------------------------------------------

    onPointerDown(ev) {
        if (ev.button !== 0) {
            return;
        }
        // The user takes over: the picture stays as it is.
        this.stopLayout();
        this.userMoved = true;
        this.touches.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        if (this.touches.size === 2) {
            // Two fingers: pinch to zoom around the point between them.
            const [a, b] = [...this.touches.values()];
            this.pointer = null;
            this.pinch = {
                distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
                k: this.view.k,
                around: this.toGraph((a.x + b.x) / 2, (a.y + b.y) / 2),
            };
            return;
        }
        this.pointer = {
            id: ev.pointerId,
            startX: ev.clientX,
            startY: ev.clientY,
            viewX: this.view.x,
            viewY: this.view.y,
            dragging: false,
        };
    }

    onPointerMove = (ev) => {
        if (this.touches.has(ev.pointerId)) {
            this.touches.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        }
        if (this.pinch && this.touches.size === 2) {
            const [a, b] = [...this.touches.values()];
            const distance = Math.hypot(a.x - b.x, a.y - b.y) || 1;
            const k = this.clampZoom((this.pinch.k * distance) / this.pinch.distance);
            const box = this.canvasRef.el.getBoundingClientRect();
            const mx = (a.x + b.x) / 2 - box.left;
            const my = (a.y + b.y) / 2 - box.top;
            this.view = { k, x: mx - this.pinch.around.x * k, y: my - this.pinch.around.y * k };
            this.schedule(true);
            return;
        }
        const pointer = this.pointer;
        if (!pointer || pointer.id !== ev.pointerId) {
            if (this.canvasRef.el && ev.target === this.canvasRef.el && this.nodes) {
                this.canvasRef.el.style.cursor = this.nodeAt(ev.clientX, ev.clientY)
                    ? "pointer"
                    : "";
            }
            return;
        }
        const dx = ev.clientX - pointer.startX;
        const dy = ev.clientY - pointer.startY;
        if (!pointer.dragging && Math.hypot(dx, dy) < CLICK_SLOP) {
            return;
        }
        pointer.dragging = true;
        this.view = { ...this.view, x: pointer.viewX + dx, y: pointer.viewY + dy };
        this.schedule(true);
    };

    onPointerUp = (ev) => {
        this.touches.delete(ev.pointerId);
        if (this.pinch) {
            if (!this.touches.size) {
                this.pinch = null;
                this.schedule(true);
            }
            return;
        }
        const pointer = this.pointer;
        if (!pointer || pointer.id !== ev.pointerId) {
            return;
        }
        this.pointer = null;
        if (pointer.dragging) {
            this.schedule(true);
            return;
        }
        if (ev.type === "pointerup") {
            const key = this.nodeAt(ev.clientX, ev.clientY);
            if (key) {
                this.onNode(key, this.props.onSelect);
            }
        }
    };

    clampZoom(k) {
        return Math.min(this.fitK * 40, Math.max(this.fitK / 4, k));
    }

    onDoubleClick(ev) {
        const key = this.nodeAt(ev.clientX, ev.clientY);
        if (key) {
            this.onNode(key, this.props.onFocus);
        }
    }

    onWheel(ev) {
        ev.preventDefault();
        this.stopLayout();
        const box = this.canvasRef.el.getBoundingClientRect();
        const px = ev.clientX - box.left;
        const py = ev.clientY - box.top;
        this.userMoved = true;
        const factor = Math.exp(-ev.deltaY * 0.002);
        const k = this.clampZoom(this.view.k * factor);
        const ratio = k / this.view.k;
        this.view = { k, x: px - (px - this.view.x) * ratio, y: py - (py - this.view.y) * ratio };
        this.schedule(true);
    }

    onNode(key, callback) {
        const node = this.props.nodes.find((item) => item.id === key);
        if (node) {
            callback(node);
        }
    }
}
