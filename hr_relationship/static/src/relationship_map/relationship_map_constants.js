/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * What both drawings of the map share: colours, sizes and thresholds.
 * (The stylesheet repeats a few colours: SCSS cannot read them from here.)
 */

import { _t } from "@web/core/l10n/translation";

export const DAY = 24 * 3600 * 1000;

// The kinds of node, their colour and their name in the legend and filters.
export const NODE_TYPES = [
    { key: "internal_client", label: _t("Internal Client"), color: "#e8833a" },
    { key: "stakeholder", label: _t("Stakeholder"), color: "#2f7dc4" },
    { key: "project", label: _t("Project"), color: "#3aa76d" },
    { key: "department", label: _t("Department"), color: "#8e5bb5" },
    { key: "employee", label: _t("Employee"), color: "#7c8a96" },
];
export const TYPE_COLORS = Object.fromEntries(NODE_TYPES.map((type) => [type.key, type.color]));
export const TYPE_LABELS = Object.fromEntries(NODE_TYPES.map((type) => [type.key, type.label]));
export const UNKNOWN_COLOR = "#999999";

// Health states go from good to bad; unknown values fall back to grey.
export const HEALTH_COLORS = ["#28a745", "#f0ad4e", "#dc3545", "#6c757d"];

// Lines: interactions, relations between people, the others.
export const INTERACTION_COLOR = "#e8833a";
export const RELATION_COLOR = "#c0392b";
export const LINE_COLOR = "#8a8f94";

// Marks of a node: the network mark (a node the network refresh marks) is a
// dark diamond on the node's upper right, a shape and colour of its own so
// that it never reads as the red "at risk" health ring; an external person
// has a dashed dark blue ring (visible on the stakeholders' blue).
export const FLAG_COLOR = "#343a40";
export const EXTERNAL_COLOR = "#0b3d66";
// A drifting relationship has a dashed amber ring outside its health ring.
export const DRIFT_COLOR = "#b86e00";
// The selected and focused nodes' ring on the canvas, and its labels.
export const HIGHLIGHT_COLOR = "#1f2933";

// Above this many nodes the map is drawn on the canvas: an SVG element per
// node and line no longer keeps up (500 nodes and 1,400 lines took 0.6 s to
// lay out and draw in SVG, 0.05 s on the canvas).
export const CANVAS_MIN_NODES = 300;

// The SVG drawing names every node up to this many nodes, all but the
// employees up to LABEL_MAX_NODES; relations between people are named on
// their line up to ALL_LABELS_MAX_NODES too.
export const ALL_LABELS_MAX_NODES = 150;
export const LABEL_MAX_NODES = 600;

// A pointer that moves at most this many pixels between press and release
// is a tap, not a drag (a finger moves a few pixels while tapping).
export const TAP_SLOP = { mouse: 3, pen: 6, touch: 10 };

// Several lines between the same two nodes bend away from each other: the
// curve's control point lies BEND_SHARE of the line's length aside per step
// of bend, at least BEND_MIN pixels (of the SVG at zoom 1, of the canvas in
// its fitted view).
export const BEND_SHARE = 0.3;
export const BEND_MIN = 30;
