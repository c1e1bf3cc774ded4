/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";

/** The side panel (a bottom sheet on a phone): key facts of one node. */
export class RelationshipMapPanel extends Component {
    static template = "hr_relationship.RelationshipMapPanel";
    static props = {
        node: Object,
        details: { type: [Object, { value: null }], optional: true },
        typeLabel: String,
        relationLabel: String,
        onClose: Function,
        onOpen: Function,
        onFocus: Function,
    };

    /** A fact as the user reads it: dates in the user's format. */
    factValue(fact) {
        return fact.type === "date" && fact.value
            ? formatDate(deserializeDate(fact.value))
            : fact.value;
    }
}
