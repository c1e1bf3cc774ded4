// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import { describe, expect, test } from "@odoo/hoot";
import { TAP_SLOP } from "@hr_relationship/relationship_map/relationship_map_constants";
import {
    isTap,
    Viewport,
    zoomAround,
} from "@hr_relationship/relationship_map/relationship_map_viewport";

describe.current.tags("headless");

/** A viewport over a 400 x 300 box at (0, 0), recording what it reports. */
function viewport(options = {}) {
    const calls = { taps: [], drags: [], changes: 0 };
    const box = { left: 0, top: 0, width: 400, height: 300 };
    const result = new Viewport({
        ref: { el: { getBoundingClientRect: () => box } },
        clampZoom: (k) => Math.min(8, Math.max(0.05, k)),
        onChange: () => calls.changes++,
        onTap: (ev, target) => calls.taps.push(target),
        ...options,
    });
    return { viewport: result, calls };
}

function pointer(type, id, x, y, pointerType = "mouse") {
    return { type, pointerId: id, clientX: x, clientY: y, pointerType, isPrimary: id === 1, button: 0 };
}

describe("hr_relationship map gestures", () => {
    test("a tap: one threshold for both drawings, by pointer type", () => {
        expect(isTap(0, 0, "mouse")).toBe(true);
        expect(isTap(TAP_SLOP.mouse, 0, "mouse")).toBe(true);
        expect(isTap(TAP_SLOP.mouse + 1, 0, "mouse")).toBe(false);
        // A finger moves more while tapping; diagonal moves count their length.
        expect(isTap(6, 6, "touch")).toBe(true);
        expect(isTap(8, 8, "touch")).toBe(false);
        expect(isTap(5, 0, "pen")).toBe(true);
        // An unknown pointer is held to the mouse's threshold.
        expect(isTap(4, 0, "")).toBe(false);
    });

    test("a press that moves within the threshold taps, beyond it pans", () => {
        const { viewport: view, calls } = viewport();
        view.onPointerDown(pointer("pointerdown", 1, 100, 100, "touch"), "node");
        view.onPointerMove(pointer("pointermove", 1, 106, 104, "touch"));
        // Not moved yet: the view stays put while a finger taps.
        expect(view.view).toEqual({ x: 0, y: 0, k: 1 });
        view.onPointerUp(pointer("pointerup", 1, 106, 104, "touch"));
        expect(calls.taps).toEqual(["node"]);
        expect(view.ignoresClick("node")).toBe(false);

        view.onPointerDown(pointer("pointerdown", 1, 100, 100, "mouse"));
        view.onPointerMove(pointer("pointermove", 1, 106, 104, "mouse"));
        view.onPointerUp(pointer("pointerup", 1, 106, 104, "mouse"));
        expect(view.view).toEqual({ x: 6, y: 4, k: 1 });
        expect(calls.taps).toEqual(["node"]);
    });

    test("a drag of a node is not a click on it; pinch zooms around the fingers", () => {
        const { viewport: view, calls } = viewport({
            onDrag: (press, dx, dy) => calls.drags.push([press.target, dx, dy]),
        });
        view.onPointerDown(pointer("pointerdown", 1, 100, 100), "node");
        view.onPointerMove(pointer("pointermove", 1, 120, 100));
        view.onPointerUp(pointer("pointerup", 1, 120, 100));
        expect(calls.drags).toEqual([["node", 20, 0]]);
        expect(view.ignoresClick("node")).toBe(true);
        expect(view.ignoresClick("node")).toBe(false);

        view.onPointerDown(pointer("pointerdown", 1, 150, 150, "touch"));
        view.onPointerDown(pointer("pointerdown", 2, 200, 150, "touch"), "other");
        view.onPointerMove(pointer("pointermove", 2, 250, 150, "touch"));
        expect(view.view.k).toBe(2);
        // The point under the fingers' first middle (175) is under their new one (200).
        expect(view.view.x + 175 * view.view.k).toBe(200);
        view.onPointerUp(pointer("pointerup", 2, 250, 150, "touch"));
        view.onPointerUp(pointer("pointerup", 1, 150, 150, "touch"));
        expect(calls.taps).toEqual([]);
        // The second finger landed on a node: its click is not a tap.
        expect(view.ignoresClick("other")).toBe(true);
        expect(zoomAround({ x: 0, y: 0, k: 1 }, 100, 50, 2)).toEqual({ x: -100, y: -50, k: 2 });
    });
});
