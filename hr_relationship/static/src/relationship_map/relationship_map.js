/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onWillStart, useRef, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { HEALTH_COLORS, NODE_TYPES, TYPE_LABELS } from "./relationship_map_constants";
import { RelationshipMapCanvas } from "./relationship_map_canvas";
import { activeFilterCount, RelationshipMapModel } from "./relationship_map_model";
import { RelationshipMapPanel } from "./relationship_map_panel";
import { RelationshipMapSvg } from "./relationship_map_svg";
import { RelationshipMapToolbar } from "./relationship_map_toolbar";

/**
 * The relationship map (client action): the toolbar, the drawing of the
 * model's answer (in SVG, or on a canvas when it is large), the legend and
 * the side panel of the selected node.
 */
export class RelationshipMap extends Component {
    static template = "hr_relationship.RelationshipMap";
    static props = { ...standardActionServiceProps };
    static components = { RelationshipMapPanel, RelationshipMapToolbar };

    setup() {
        this.action = useService("action");
        this.ui = useState(useService("ui"));
        this.bodyRef = useRef("body");
        this.nodeTypes = NODE_TYPES;
        this.model = new RelationshipMapModel(
            this.env,
            { context: this.props.action.context || {} },
            { orm: useService("orm") }
        );
        this.state = useState(this.model.state);
        this.view = useState({ filtersOpen: false, legendOpen: false });
        // What the drawing offers the map (its fit), once drawn.
        this.drawing = null;
        // Handlers made once: the drawing is drawn again only when its
        // answer or selection changes, not at each keystroke in the search.
        this.handlers = {
            coveredHeight: (box) => this.sheetHeight(box),
            onReady: (drawing) => (this.drawing = drawing),
        };
        onWillStart(() => this.model.load());
    }

    get renderer() {
        return this.state.graph.canvas ? RelationshipMapCanvas : RelationshipMapSvg;
    }

    get rendererProps() {
        return { model: this.model, phone: this.ui.isSmall, ...this.handlers };
    }

    get selectedNode() {
        return this.state.graph.byId.get(this.state.selected);
    }

    get activeFilterCount() {
        return activeFilterCount(this.state);
    }

    get healthLegend() {
        return this.state.meta.health_states.map(([value, label], i) => ({
            value,
            label,
            color: HEALTH_COLORS[Math.min(i, HEALTH_COLORS.length - 1)],
        }));
    }

    typeLabel(node) {
        return TYPE_LABELS[node.type] || node.type;
    }

    relationLabel(node) {
        const found = this.state.meta.relation_types.find(([value]) => value === node.relation_type);
        return found ? found[1] : "";
    }

    /** The whole map in view (above the phone's sheet). */
    fitAll() {
        this.drawing?.fit();
    }

    /** Height of the map that the phone's bottom sheet (the panel) covers. */
    sheetHeight(box) {
        if (!this.ui.isSmall || !this.state.selected) {
            return 0;
        }
        const sheet = this.bodyRef.el?.querySelector(".o_hr_map_panel");
        // Not drawn yet: the sheet takes at most half of the map.
        const top = sheet ? sheet.getBoundingClientRect().top : box.top + box.height / 2;
        return Math.max(0, box.bottom - top);
    }

    // ------------------------------------------------------------------
    // Toolbar and panel
    // ------------------------------------------------------------------

    onSearchKeydown(ev) {
        if (ev.key === "Enter") {
            this.onSearch();
        }
    }

    onSearch() {
        this.model.search();
    }

    toggleFilters() {
        this.view.filtersOpen = !this.view.filtersOpen;
    }

    toggleLegend() {
        this.view.legendOpen = !this.view.legendOpen;
    }

    closePanel() {
        this.model.unselect();
    }

    onToggleType(key) {
        this.model.toggleType(key);
    }

    onFilterChange(name, ev) {
        this.model.setFilter(name, ev.target.value);
    }

    onDepthChange(ev) {
        this.model.setDepth(parseInt(ev.target.value));
    }

    focusOn(node) {
        this.model.focusOn(node);
    }

    clearFocus() {
        this.model.clearFocus();
    }

    openRecord(node) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: node.res_model,
            res_id: node.res_id,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("actions").add("hr_relationship_map", RelationshipMap);
