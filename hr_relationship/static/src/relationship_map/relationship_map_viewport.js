/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

/**
 * The map's view and the gestures that move it, for both drawings: one
 * pointer pans (or drags what it pressed), two pinch, the wheel zooms
 * around the pointer, and a press that moves less than TAP_SLOP is a tap.
 */

import { useExternalListener } from "@odoo/owl";
import { TAP_SLOP } from "./relationship_map_constants";

/** Whether a pointer of this type that moved (dx, dy) pixels tapped. */
export function isTap(dx, dy, pointerType) {
    return Math.hypot(dx, dy) <= (TAP_SLOP[pointerType] ?? TAP_SLOP.mouse);
}

/** The view ``view`` zoomed to ``k`` around the point (px, py), which stays put. */
export function zoomAround(view, px, py, k) {
    return {
        k,
        x: px - ((px - view.x) * k) / view.k,
        y: py - ((py - view.y) * k) / view.k,
    };
}

/** A zoom step of 15% a wheel notch, whatever its size. */
export function stepWheelFactor(ev) {
    return ev.deltaY < 0 ? 1.15 : 1 / 1.15;
}

/** A zoom that follows the wheel's distance (smooth on a touchpad). */
export function smoothWheelFactor(ev) {
    return Math.exp(-ev.deltaY * 0.002);
}

export class Viewport {
    /**
     * @param {Object} options
     * @param {Object} options.ref the element pointer positions are read in
     * @param {Function} options.clampZoom (k) => the nearest allowed zoom
     * @param {Function} [options.wheelFactor] (wheel event) => zoom factor
     * @param {Function} options.onChange (moving) => the view changed
     * @param {Function} [options.onStart] () => a gesture starts
     * @param {Function} [options.onDrag] (press, dx, dy) => a press that
     *      started on a target moved (dx, dy in the view's units since the
     *      press); without it, such a press pans the view
     * @param {Function} [options.onTap] (pointerup event, target) => a tap
     */
    constructor(options) {
        this.options = { wheelFactor: smoothWheelFactor, ...options };
        this.view = { x: 0, y: 0, k: 1 };
        // Pointers down, by id: one pans, two pinch.
        this.pointers = new Map();
        this.press = null;
        this.pinch = null;
        // Targets whose coming click is not a tap (the end of a drag, the
        // second finger of a pinch).
        this.notTapped = new Set();
    }

    /** Whether a drag or a pinch is under way. */
    get moving() {
        return Boolean(this.pinch || this.press?.moved);
    }

    box() {
        return this.options.ref.el.getBoundingClientRect();
    }

    setView(view, moving = false) {
        this.view = view;
        this.options.onChange(moving);
    }

    /** A pointer pressed, on ``target`` (what it may drag) or the background. */
    onPointerDown(ev, target = null) {
        if (ev.button) {
            return;
        }
        if (ev.isPrimary) {
            // No other pointer is down, whatever a lost pointerup left behind.
            this.pointers.clear();
            this.notTapped.clear();
            this.pinch = null;
        }
        this.pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        this.options.onStart?.();
        if (this.pointers.size === 1) {
            this.startPress(ev.pointerId, ev.pointerType, target);
            return;
        }
        // A second finger, also on a node, belongs to the pinch.
        if (target) {
            this.notTapped.add(target);
        }
        if (this.press?.target) {
            this.notTapped.add(this.press.target);
        }
        this.press = null;
        this.startPinch();
    }

    startPress(id, pointerType, target, moved = false) {
        const { x, y } = this.pointers.get(id);
        this.press = { id, pointerType, target, startX: x, startY: y, view: this.view, moved };
    }

    startPinch() {
        const [first, second] = this.pointers.values();
        const box = this.box();
        const { x, y, k } = this.view;
        this.pinch = {
            distance: Math.hypot(second.x - first.x, second.y - first.y) || 1,
            k,
            // The point of the drawing under the fingers' middle stays under it.
            aroundX: ((first.x + second.x) / 2 - box.left - x) / k,
            aroundY: ((first.y + second.y) / 2 - box.top - y) / k,
        };
    }

    onPointerMove(ev) {
        if (!this.pointers.has(ev.pointerId)) {
            return;
        }
        this.pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
        if (this.pinch) {
            const [first, second] = this.pointers.values();
            const box = this.box();
            const distance = Math.hypot(second.x - first.x, second.y - first.y) || 1;
            const k = this.options.clampZoom((this.pinch.k * distance) / this.pinch.distance);
            this.setView(
                {
                    k,
                    x: (first.x + second.x) / 2 - box.left - this.pinch.aroundX * k,
                    y: (first.y + second.y) / 2 - box.top - this.pinch.aroundY * k,
                },
                true
            );
            return;
        }
        const press = this.press;
        if (!press || press.id !== ev.pointerId) {
            return;
        }
        const dx = ev.clientX - press.startX;
        const dy = ev.clientY - press.startY;
        if (!press.moved && isTap(dx, dy, press.pointerType)) {
            return;
        }
        press.moved = true;
        if (press.target && this.options.onDrag) {
            this.options.onDrag(press, dx / this.view.k, dy / this.view.k);
            return;
        }
        this.setView({ ...this.view, x: press.view.x + dx, y: press.view.y + dy }, true);
    }

    onPointerUp(ev) {
        if (!this.pointers.delete(ev.pointerId)) {
            return;
        }
        if (this.pinch) {
            if (this.pointers.size > 1) {
                this.startPinch();
            } else if (this.pointers.size === 1) {
                // Lifting one finger of a pinch goes on panning with the other.
                this.pinch = null;
                const [id] = this.pointers.keys();
                this.startPress(id, ev.pointerType, null, true);
            } else {
                this.pinch = null;
                this.options.onChange(true);
            }
            return;
        }
        const press = this.press;
        this.press = null;
        if (!press || press.id !== ev.pointerId) {
            return;
        }
        if (press.moved) {
            if (press.target) {
                this.notTapped.add(press.target);
            }
            this.options.onChange(true);
        } else if (ev.type === "pointerup") {
            this.options.onTap?.(ev, press.target);
        }
    }

    /** Whether the click on ``target`` ends a drag or a pinch (not a tap). */
    ignoresClick(target) {
        return this.notTapped.delete(target);
    }

    onWheel(ev) {
        ev.preventDefault();
        this.options.onStart?.();
        const box = this.box();
        const k = this.options.clampZoom(this.view.k * this.options.wheelFactor(ev));
        this.setView(zoomAround(this.view, ev.clientX - box.left, ev.clientY - box.top, k), true);
    }
}

/** A Viewport whose pointers are followed over the whole window. */
export function useViewport(options) {
    const viewport = new Viewport(options);
    const up = (ev) => viewport.onPointerUp(ev);
    useExternalListener(window, "pointermove", (ev) => viewport.onPointerMove(ev));
    useExternalListener(window, "pointerup", up);
    useExternalListener(window, "pointercancel", up);
    return viewport;
}
