# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The relationship map in headless Chromium, measured with Playwright.

Used by ``bench_map_scale.py --render`` and ``bench_relationship_map.py
--render`` (both through ``MapPage`` and ``odoo_server``); on its own:

    python3 -m bench.bench_map_render DBNAME [--http-port 8219]

Starts an Odoo server on DBNAME, logs in as admin and opens the map with the
default cap and with 20,000 nodes, once as a new page (the web client starts
with it) and once from a loaded web client, as a menu opens it (from the
action's start). The times are taken in the page, from
outside the map: from the moment the map asks the server for its graph
(the first thing the action does) to the moment the map shows it (its
``data-loading`` marker at 0 and, for the canvas, its ``data-drawn`` marker
set; the SVG drawing is complete when it stops loading) and the browser has
painted it (two animation frames later), then the frames of one second of
panning and zooming. Chromium is the system's,
launched by the harness (``harness.chromium()``); Playwright never downloads
one.
"""

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from bench.benchlib import chromium, db_args, environment

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
    if ((el.dataset.renderer === "svg" || el.dataset.drawn) && !bench.drawn) {
        bench.drawn = performance.now();
        bench.renderer = el.dataset.renderer;
        // Shown once painted: the frame after the one that paints it.
        requestAnimationFrame(() =>
            requestAnimationFrame(() => (bench.shown = performance.now()))
        );
    }
}).observe(document, { subtree: true, childList: true, attributes: true });
"""

# What the map shows once drawn: its renderer, nodes and lines.
SHOWN = """
() => {
    const el = document.querySelector('.o_hr_map_canvas');
    return {
        nodes: Number(el.dataset.nodeCount ||
            el.querySelectorAll('.o_hr_map_node').length),
        edges: Number(el.dataset.edgeCount ||
            el.querySelectorAll('.o_hr_map_edge').length),
    };
}
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


@contextmanager
def odoo_server(db, port):
    """An Odoo server on ``db`` and ``port``; yields its base URL once it
    answers, stops it on exit."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "odoo",
            "-d",
            db,
            *db_args(),
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--db-filter=^{db}$",
            os.environ.get("BENCH_SERVER_LOG", "--log-level=warn"),
            "--workers=0",
            "--max-cron-threads=0",
        ]
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/web/login", 180)
        yield base
    finally:
        server.terminate()
        server.wait()


class MapPage:
    """The map's page in the harness's Chromium, seen from outside the map
    through the markers it sets (``data-loading``, ``data-drawn``)."""

    def __init__(self, browser, base):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1600, "height": 1000})
        self.page.set_default_timeout(120_000)
        self.page.add_init_script(INIT_SCRIPT)

    def login(self, login="admin", password="admin"):
        self.page.goto(f"{self.base}/web/login")
        self.page.fill("input[name=login]", login)
        self.page.fill("input[name=password]", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_selector(".o_main_navbar")

    def open_map(self, action, timeout=120, in_client=False):
        """Open the map action ``action`` (an id); its figures in ms, from the
        map asking for its graph: ``server`` (the call, until its answer has
        arrived), ``shown`` (the map drawn) and ``drawing`` (the difference);
        ``page`` is ``shown`` from the navigation. By default the map's URL
        is loaded as a new page, so the web client starts at the same time;
        ``in_client`` first loads the web client, lets it settle, then
        starts the action as a menu does (``action``: ``shown`` from the
        action's start). TimeoutError when nothing is shown in ``timeout``
        s."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        self.page.goto("about:blank")
        if in_client:
            self.page.goto(f"{self.base}/odoo")
            self.page.wait_for_selector(".o_main_navbar")
            # The bus keeps a connection open: no network idle; a pause.
            self.page.wait_for_timeout(2000)
            self.page.evaluate(
                "(action) => { window.__mapBench = {action: performance.now()};"
                " odoo.__WOWL_DEBUG__.root.env.services.action.doAction(action); }",
                action,
            )
        else:
            self.page.goto(f"{self.base}/odoo/action-{action}")
        try:
            self.page.wait_for_function(
                "() => window.__mapBench && window.__mapBench.shown",
                timeout=timeout * 1000,
            )
        except PlaywrightTimeout as exc:
            raise TimeoutError(f"map action {action}") from exc
        bench = self.page.evaluate("() => window.__mapBench")
        # The answer's arrival from the network (Resource Timing): the XHR's
        # own events wait for the main thread, which by then may already be
        # laying the answer out (the map's code runs in its load handler).
        arrived = self.page.evaluate(
            "() => performance.getEntriesByType('resource')"
            ".filter((e) => e.name.includes('hr.relationship.map/get_graph'))"
            ".map((e) => e.responseEnd)[0]"
        )
        shown = bench["shown"] - bench["rpcStart"]
        server = (arrived or bench["rpcEnd"]) - bench["rpcStart"]
        return {
            "renderer": bench["renderer"],
            "server": server,
            "shown": shown,
            "drawing": shown - server,
            "page": bench["shown"],
            "action": bench["shown"] - bench.get("action", 0),
            **self.page.evaluate(SHOWN),
        }

    def pan_zoom(self):
        """Frames of one second of panning and zooming the open map."""
        return self.page.evaluate(PAN_ZOOM)


def render_figures(db, port, cases=((500, "auto"), (20000, "auto"), (500, "svg"))):
    """Lines of figures, one per case ``(node cap, renderer)``."""
    actions = [
        (limit, renderer, map_action(db, limit, renderer)) for limit, renderer in cases
    ]
    with odoo_server(db, port) as base, chromium() as browser:
        page = MapPage(browser, base)
        page.login()
        for limit, _renderer, action in actions:
            page.open_map(action)  # warm-up: assets, libraries, caches
            figures = page.open_map(action)
            motion = page.pan_zoom()
            yield (
                f"render, cap {limit} ({figures['renderer']}), page load: "
                f"{figures['nodes']} nodes / {figures['edges']} lines shown "
                f"{figures['shown']:.0f} ms after the map asked for them (server "
                f"{figures['server']:.0f} ms, drawing {figures['drawing']:.0f} ms); "
                f"pan and zoom {motion['fps']:.0f} frames/s, median frame "
                f"{motion['median']:.0f} ms, worst {motion['worst']:.0f} ms"
            )
            figures = page.open_map(action, in_client=True)
            yield (
                f"render, cap {limit} ({figures['renderer']}), from the menu: "
                f"shown {figures['action']:.0f} ms after the action started "
                f"(server {figures['server']:.0f} ms, drawing "
                f"{figures['drawing']:.0f} ms)"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("db")
    parser.add_argument("--http-port", type=int, default=8219)
    options = parser.parse_args()
    from bench.benchlib import configure  # noqa: PLC0415

    configure()
    for line in render_figures(options.db, options.http_port):
        print(line, flush=True)


if __name__ == "__main__":
    main()
