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
    useRef,
} from "@odoo/owl";
import { loadJS } from "@web/core/assets";
import { layoutOptions, toGraphData } from "./relationship_map_graph";

const LIB = "/hr_relationship/static/lib";

/** The vendored libraries (static/lib, see update.sh), loaded on first use. */
export function loadGraphLibraries() {
    return Promise.all([
        loadJS(`${LIB}/graphology/graphology.umd.min.js`),
        loadJS(`${LIB}/sigma/sigma.min.js`),
        loadJS(`${LIB}/graphology-layout-forceatlas2/forceatlas2.min.js`),
    ]);
}

/**
 * A fragment layer of sigma's node program (drawn over the fill) with the
 * marks the SVG drawing has: the health ring along the node's edge
 * (``ringColor``), and just inside it the network mark or, dashed, the
 * external mark (``markColor``, ``markDashed``); see ``nodeMarks``. Widths
 * are fractions of the radius, so the marks scale with the node. Nodes
 * without marks have transparent colours: the layer leaves them alone.
 */
export function marksLayer() {
    const { FLOAT, UNSIGNED_BYTE } = WebGL2RenderingContext;
    const color = (name) => ({ name, size: 4, type: UNSIGNED_BYTE, normalized: true, source: name });
    return {
        name: "hr_marks",
        uniforms: [],
        attributes: [
            color("ringColor"),
            color("markColor"),
            { name: "markDashed", size: 1, type: FLOAT, source: "markDashed" },
        ],
        glsl: `
vec4 layer_hr_marks(vec4 v_ringColor, vec4 v_markColor, float v_markDashed) {
  float depth = -context.sdf;
  float ring = context.shapeHalfSize * 0.3;
  float mark = context.shapeHalfSize * 0.25;
  if (depth < ring && v_ringColor.a > 0.0) {
    return v_ringColor;
  }
  float start = v_ringColor.a > 0.0 ? ring : 0.0;
  if (depth >= start && depth < start + mark && v_markColor.a > 0.0) {
    // Dashed: twelve dashes around the circle.
    float angle = atan(context.uv.y, context.uv.x) * 1.909859;
    float on = v_markDashed > 0.5 ? step(0.5, fract(angle)) : 1.0;
    return v_markColor * on;
  }
  return vec4(0.0);
}
`,
    };
}

/** The canvas's node primitives: the fill, then the marks. */
export function nodePrimitives() {
    return {
        variables: {
            ringColor: { type: "color", default: "transparent" },
            markColor: { type: "color", default: "transparent" },
            markDashed: { type: "number", default: 0 },
        },
        layers: [window.Sigma.rendering.layerFill(), marksLayer()],
    };
}

/**
 * The map drawn with WebGL (sigma.js on a graphology graph, laid out by
 * ForceAtlas2, in a web worker for large graphs): tens of thousands of
 * nodes with smooth pan and zoom. Used for large answers; small ones keep
 * the SVG drawing.
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
        // Receives what the toolbar may ask of the canvas: { fit }.
        onReady: { type: Function, optional: true },
    };

    setup() {
        this.containerRef = useRef("container");
        this.renderer = null;
        this.layout = null;
        onWillStart(loadGraphLibraries);
        onMounted(() => this.draw());
        onWillUpdateProps((next) => {
            this.graphChanged = next.nodes !== this.props.nodes || next.edges !== this.props.edges;
        });
        onPatched(() => {
            if (this.graphChanged) {
                this.graphChanged = false;
                this.draw();
            } else {
                this.renderer?.refresh();
            }
        });
        onWillUnmount(() => this.destroy());
    }

    draw() {
        this.destroy();
        const el = this.containerRef.el;
        delete el.dataset.drawn;
        const { Graph } = window.graphology;
        const data = toGraphData(this.props.nodes, this.props.edges, {
            healthStates: this.props.healthStates,
        });
        const graph = new Graph(data.options);
        graph.import(data);
        const options = layoutOptions(graph.order, graph.size);
        const fa2 = window.graphologyLayoutForceAtlas2;
        if (options.iterations) {
            fa2.forceAtlas2.assign(graph, {
                iterations: options.iterations,
                settings: options.settings,
            });
        }
        this.graph = graph;
        this.renderer = new window.Sigma(graph, el, {
            labelRenderedSizeThreshold: 8,
            hideEdgesOnMove: graph.size > 20000,
            zIndex: true,
            primitives: { nodes: nodePrimitives() },
            nodeReducer: (key, attributes) => this.nodeStyle(key, attributes),
        });
        // The first frame is drawn by now: a marker for tests and the
        // benchmark (which time it from outside), not a timing.
        el.dataset.drawn = "1";
        this.renderer.on("clickNode", ({ node }) => this.onNode(node, this.props.onSelect));
        this.renderer.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
            preventSigmaDefault?.();
            this.onNode(node, this.props.onFocus);
        });
        this.props.onReady?.({ fit: () => this.fit() });
        if (options.useWorker) {
            // The canvas is usable at once; the layout settles in the worker.
            this.layout = new fa2.FA2Layout(graph, { settings: options.settings });
            this.layout.start();
            this.layoutTimer = setTimeout(() => this.stopLayout(), options.workerBudgetMs);
        }
    }

    nodeStyle(key, attributes) {
        if (key === this.props.selected || this.props.focus.has(key)) {
            return { ...attributes, highlighted: true, zIndex: 1, forceLabel: true };
        }
        return attributes;
    }

    onNode(key, callback) {
        const node = this.props.nodes.find((item) => item.id === key);
        if (node) {
            callback(node);
        }
    }

    /** Whole graph in view. */
    fit() {
        const camera = this.renderer?.getCamera();
        camera?.setState({ ...window.Sigma.DEFAULT_CAMERA_STATE });
    }

    stopLayout() {
        clearTimeout(this.layoutTimer);
        if (this.layout) {
            this.layout.kill();
            this.layout = null;
        }
    }

    destroy() {
        this.stopLayout();
        if (this.renderer) {
            this.renderer.kill();
            this.renderer = null;
        }
    }
}
