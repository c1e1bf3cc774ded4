# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The relationship map in headless Chromium, measured with Playwright.

Used by ``bench_map_scale.py --render``; on its own:

    python3 bench/bench_map_render.py DBNAME [--http-port 8219]

Starts an Odoo server on DBNAME, logs in as admin and opens the map with the
default cap and with 20,000 nodes. The times are taken in the page, from
outside the map: from the moment the map asks the server for its graph
(the first thing the action does) to the moment the map shows it (the
canvas marked drawn, or the SVG loaded), then the frames of one second of
panning and zooming. Chromium is the system's (``CHROMIUM`` or
/usr/bin/chromium); Playwright never downloads one.
"""

import argparse
import os
import subprocess
import sys
import time
import urllib.request

from benchlib import db_args, environment

# Records, in the page, when the map asks for its graph and when it shows it.
INIT_SCRIPT = """
window.__mapBench = {};
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
    if (String(url).includes("hr.relationship.map/get_graph")) {
        const bench = window.__mapBench;
        bench.rpcStart = bench.rpcStart || performance.now();
        this.addEventListener("loadend", () => {
            bench.rpcEnd = bench.rpcEnd || performance.now();
        });
    }
    return open.apply(this, arguments);
};
new MutationObserver(() => {
    const bench = window.__mapBench;
    const el = document.querySelector(".o_hr_map_canvas[data-loading='0']");
    if (!el || bench.shown || !bench.rpcEnd) {
        return;
    }
    if (el.dataset.renderer === "svg" || el.dataset.drawn) {
        bench.shown = performance.now();
        bench.renderer = el.dataset.renderer;
    }
}).observe(document, { subtree: true, childList: true, attributes: true });
"""

# One second of dragging and zooming; the longest frame and the frame rate.
PAN_ZOOM = """
async () => {
    const el = document.querySelector(".o_hr_map_canvas");
    const box = el.getBoundingClientRect();
    const frames = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => {
        frames.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const target = el.querySelector("canvas:last-child") || el;
    const fire = (type, props) =>
        target.dispatchEvent(
            new MouseEvent(type, { bubbles: true, cancelable: true, ...props })
        );
    const start = performance.now();
    let step = 0;
    fire("mousedown", { clientX: x, clientY: y, button: 0 });
    while (performance.now() - start < 1000) {
        step++;
        fire("mousemove", { clientX: x + step * 3, clientY: y + step });
        target.dispatchEvent(new WheelEvent("wheel", {
            bubbles: true, cancelable: true, clientX: x, clientY: y,
            deltaY: step % 20 < 10 ? -40 : 40,
        }));
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    fire("mouseup", { clientX: x + step * 3, clientY: y + step, button: 0 });
    running = false;
    frames.shift();
    frames.sort((a, b) => a - b);
    return {
        frames: frames.length,
        fps: frames.length / ((performance.now() - start) / 1000),
        median: frames[Math.floor(frames.length / 2)],
        worst: frames[frames.length - 1],
    };
}
"""


def map_action(db, limit, renderer="auto"):
    """A client action of the map with a node cap (bench data only)."""
    with environment(db) as env:
        name = f"Relationship Map (bench, {limit} nodes, {renderer})"
        action = env["ir.actions.client"].search([("name", "=", name)], limit=1)
        if not action:
            action = action.create(
                {
                    "name": name,
                    "tag": "hr_relationship_map",
                    "context": repr({"map_limit": limit, "map_renderer": renderer}),
                }
            )
        return action.id


def wait_http(url, timeout):
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.5)


def open_map(page, url):
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_function(
        "() => window.__mapBench && window.__mapBench.shown", timeout=120000
    )
    figures = page.evaluate("() => window.__mapBench")
    figures["nodes"] = page.evaluate(
        "() => { const el = document.querySelector('.o_hr_map_canvas');"
        " return Number(el.dataset.nodeCount) ||"
        " el.querySelectorAll('.o_hr_map_node').length; }"
    )
    return figures


def render_figures(db, port, cases=((500, "auto"), (20000, "auto"), (500, "svg"))):
    """Lines of figures, one per case ``(node cap, renderer)``."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    actions = [
        (limit, renderer, map_action(db, limit, renderer)) for limit, renderer in cases
    ]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "odoo",
            "-d",
            db,
            *db_args(),
            f"--http-port={port}",
            f"--db-filter=^{db}$",
            "--log-level=warn",
            "--workers=0",
            "--max-cron-threads=0",
        ]
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/web/login", 180)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=["--no-sandbox"],
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.add_init_script(INIT_SCRIPT)
            page.goto(f"{base}/web/login")
            page.fill("input[name=login]", "admin")
            page.fill("input[name=password]", "admin")
            page.click("button[type=submit]")
            page.wait_for_selector(".o_main_navbar", timeout=120000)
            webgl = page.evaluate(
                "() => !!document.createElement('canvas').getContext('webgl2')"
            )
            yield f"render: headless Chromium has WebGL2: {webgl}"
            for limit, _renderer, action in actions:
                url = f"{base}/odoo/action-{action}"
                open_map(page, url)  # warm-up: assets, libraries, caches
                figures = open_map(page, url)
                motion = page.evaluate(PAN_ZOOM)
                shown = figures["shown"] - figures["rpcStart"]
                server_ms = figures["rpcEnd"] - figures["rpcStart"]
                yield (
                    f"render, cap {limit} ({figures['renderer']}): {figures['nodes']} "
                    f"nodes shown {shown:.0f} ms after the map asked for them "
                    f"(server {server_ms:.0f} ms, drawing {shown - server_ms:.0f} ms); "
                    f"pan and zoom {motion['fps']:.0f} frames/s, median frame "
                    f"{motion['median']:.0f} ms, worst {motion['worst']:.0f} ms"
                )
            browser.close()
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("db")
    parser.add_argument("--http-port", type=int, default=8219)
    options = parser.parse_args()
    from benchlib import configure  # noqa: PLC0415

    configure()
    for line in render_figures(options.db, options.http_port):
        print(line, flush=True)


if __name__ == "__main__":
    main()
