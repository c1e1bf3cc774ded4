/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component } from "@odoo/owl";

/**
 * Search, filters, depth and counts above the map. It edits the model's
 * state through the map's handlers, which load the answer again.
 */
export class RelationshipMapToolbar extends Component {
    static template = "hr_relationship.RelationshipMapToolbar";
    static props = {
        // The model's state (relationship_map_model.js): filters and counts.
        state: Object,
        filtersOpen: Boolean,
        nodeTypes: Array,
        isSmall: Boolean,
        shown: Number,
        activeFilterCount: Number,
        onSearch: Function,
        onSearchKeydown: Function,
        toggleFilters: Function,
        onToggleType: Function,
        onFilterChange: Function,
        onDepthChange: Function,
        clearFocus: Function,
    };
}
