/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { markRaw, reactive } from "@odoo/owl";
import { KeepLast } from "@web/core/utils/concurrency";
import { Model } from "@web/model/model";
import { CANVAS_MIN_NODES, NODE_TYPES } from "./relationship_map_constants";

const EMPTY_GRAPH = { nodes: [], edges: [], byId: new Map(), focus: new Set(), canvas: false };

/**
 * What the map shows, without drawing it (as Odoo's graph view splits its
 * model from its renderer): the filters, the answer of the server (nodes,
 * lines, counts), the selected node and its facts. ``state`` is reactive
 * (components read it through their own useState); ``state.graph`` is
 * replaced by each answer and is not itself reactive (the drawings write
 * positions on its nodes).
 *
 * Props of both drawings (RelationshipMapSvg, RelationshipMapCanvas): they
 * read the model and ask it to select or focus a node.
 */
export const RENDERER_PROPS = {
    model: Object,
    // On a phone the sheet of the selected node covers the lower half.
    phone: Boolean,
    // (box of the drawing) => pixels at its bottom the phone's sheet covers.
    coveredHeight: Function,
    // Receives what the map may ask of the drawing: { fit }.
    onReady: { type: Function, optional: true },
};

/**
 * How many filters of the model's ``state`` differ from showing everything
 * (a function of the state, so that a component reading it through its own
 * useState is rendered again when they change).
 */
export function activeFilterCount(state) {
    return (
        NODE_TYPES.filter((type) => !state.types[type.key]).length +
        [state.relationType, state.internalClientId, state.healthState, state.personRelationType].filter(
            Boolean
        ).length +
        (state.depth !== 2 ? 1 : 0)
    );
}

export class RelationshipMapModel extends Model {
    /**
     * @param {Object} params
     * @param {Object} params.context the client action's context: its
     *      ``map_limit`` (nodes, 500), ``map_renderer`` ("svg", "canvas",
     *      by default by size) and the record to focus on (active_model,
     *      active_id)
     */
    setup({ context = {} }) {
        this.limit = context.map_limit || 500;
        this.rendererChoice = context.map_renderer || "auto";
        // Overlapping loads: only the last answer is shown.
        this.keepLast = new KeepLast();
        this.choicesLoaded = false;
        this.state = reactive({
            loading: true,
            graph: markRaw(EMPTY_GRAPH),
            search: "",
            depth: 2,
            types: Object.fromEntries(NODE_TYPES.map((type) => [type.key, true])),
            relationType: "",
            internalClientId: "",
            healthState: "",
            personRelationType: "",
            networkFlag: "",
            focus:
                context.active_model && context.active_id
                    ? { model: context.active_model, id: context.active_id }
                    : null,
            meta: {
                relation_types: [],
                health_states: [],
                internal_clients: [],
                person_relation_types: [],
                network_flags: [],
            },
            total: 0,
            totalCapped: false,
            truncated: 0,
            selected: null,
            details: null,
        });
    }

    get filters() {
        const state = this.state;
        return {
            types: NODE_TYPES.filter((type) => state.types[type.key]).map((type) => type.key),
            relation_types: state.relationType ? [state.relationType] : [],
            internal_client_ids: state.internalClientId ? [parseInt(state.internalClientId)] : [],
            health_states: state.healthState ? [state.healthState] : [],
            person_relation_type_ids: state.personRelationType
                ? [parseInt(state.personRelationType)]
                : [],
            network_flags: state.networkFlag ? [state.networkFlag] : [],
            search: state.focus ? "" : state.search.trim(),
        };
    }

    /** Whether an answer of ``count`` nodes is drawn on the canvas. */
    useCanvas(count) {
        if (this.rendererChoice === "svg") {
            return false;
        }
        return this.rendererChoice === "canvas" || count > CANVAS_MIN_NODES;
    }

    async load() {
        const state = this.state;
        state.loading = true;
        const filters = this.filters;
        // What the filters offer comes with the first answer only.
        const choices = !this.choicesLoaded;
        const result = await this.keepLast.add(
            this.orm.call("hr.relationship.map", "get_graph", [], {
                focus: state.focus,
                depth: state.depth,
                filters,
                limit: this.limit,
                choices,
            })
        );
        const nodes = result.nodes;
        const byId = new Map(nodes.map((node) => [node.id, node]));
        const canvas = this.useCanvas(nodes.length);
        if (choices) {
            this.choicesLoaded = true;
            state.meta = {
                relation_types: result.relation_types,
                health_states: result.health_states,
                internal_clients: result.internal_clients,
                person_relation_types: result.person_relation_types,
                network_flags: result.network_flags,
            };
        }
        Object.assign(state, {
            graph: markRaw({ nodes, edges: result.edges, byId, focus: new Set(result.focus), canvas }),
            total: result.total,
            totalCapped: Boolean(result.total_capped),
            truncated: result.truncated,
            loading: false,
        });
        if (state.selected && !byId.has(state.selected)) {
            state.selected = null;
            state.details = null;
        }
        // On the canvas a match is one dot among thousands: a search that
        // finds one record opens its side panel at once.
        const match = canvas && filters.search && result.focus.length === 1;
        if (match && byId.has(result.focus[0])) {
            this.select(byId.get(result.focus[0]));
        }
    }

    async select(node) {
        this.state.selected = node.id;
        this.state.details = null;
        this.state.details = await this.orm.call("hr.relationship.map", "get_node_details", [
            node.res_model,
            node.res_id,
        ]);
    }

    unselect() {
        this.state.selected = null;
    }

    focusOn(node) {
        this.state.focus = node.id;
        return this.load();
    }

    clearFocus() {
        this.state.focus = null;
        this.state.search = "";
        return this.load();
    }

    search() {
        this.state.focus = null;
        return this.load();
    }

    toggleType(key) {
        this.state.types[key] = !this.state.types[key];
        return this.load();
    }

    /** Set one of the filters (relationType, internalClientId, ...). */
    setFilter(name, value) {
        this.state[name] = value;
        return this.load();
    }

    setDepth(depth) {
        this.state.depth = depth;
        return this.load();
    }
}
