# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A user in a real headless Chromium: log in, open the Relationships app from
the main menu and see the internal clients. Chromium is driven over the
DevTools protocol with websocket-client."""

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

from odoo_client import OdooServerCase

try:
    import websocket
except ImportError:  # reported as a failure by the test itself
    websocket = None

APP_XMLID = "hr_relationship.menu_relationship_root"
STEP_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Just enough of the DevTools protocol: evaluate JavaScript in one page."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="hr_relationship_chromium_")
        port = free_port()
        self.proc = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,900",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws = None
        self.next_id = 0
        self.exceptions = []
        page = self._wait_page(port)
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=STEP_TIMEOUT, suppress_origin=True
        )
        self.send("Runtime.enable")
        self.send("Page.enable")

    def _wait_page(self, port):
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list", timeout=5
                ) as response:
                    pages = [t for t in json.load(response) if t["type"] == "page"]
                if pages:
                    return pages[0]
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError("Chromium did not open its DevTools endpoint")
            time.sleep(0.3)

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Runtime.exceptionThrown":
                details = message["params"]["exceptionDetails"]
                self.exceptions.append(
                    details.get("exception", {}).get("description") or details["text"]
                )
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method} failed: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} raised {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=STEP_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # Navigation destroys the page's context; that is not a failure.
            try:
                value = self.evaluate(expression)
            except AssertionError:
                value = None
            if value:
                return value
            time.sleep(0.25)
        location = self.evaluate("location.href")
        raise AssertionError(
            f"Timed out after {timeout}s waiting for {what} at {location}"
        )

    def close(self):
        if self.ws:
            self.ws.close()
        self.proc.kill()
        self.proc.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def query(selector):
    """JavaScript for the first element matching `selector`, or undefined."""
    return f"document.querySelector({json.dumps(selector)})"


class TestBrowser(OdooServerCase):
    def setUp(self):
        super().setUp()
        executable = shutil.which("chromium")
        if not executable:
            self.fail("Debian's chromium is not installed: apt-get install chromium")
        if websocket is None:
            self.fail("websocket-client is missing: pip install websocket-client")
        self.browser = Browser(executable)
        self.addCleanup(self.browser.close)

    def test_open_relationships_app(self):
        browser = self.browser
        browser.send("Page.navigate", url=f"{self.url}/web/login?db={self.db}")
        browser.wait_for(f"!!{query('form.oe_login_form')}", "the login form")
        browser.evaluate(
            f"{query('input[name=login]')}.value = {json.dumps(self.login)};"
            f"{query('input[name=password]')}.value = {json.dumps(self.password)};"
            f"{query('form.oe_login_form')}.submit();"
        )
        # The community web client lists the apps in the navbar's home menu.
        apps_button = query(".o_navbar_apps_menu button")
        browser.wait_for(f"!!{apps_button}", "the web client")
        browser.evaluate(f"{apps_button}.click()")
        app = query(f".o_app[data-menu-xmlid='{APP_XMLID}']")
        label = browser.wait_for(
            f"{app}?.textContent.trim()", "the Relationships app in the home menu"
        )
        self.assertEqual(label, "Relationships")
        browser.evaluate(f"{app}.click()")
        browser.wait_for(
            f"{query('.o_menu_brand')}?.textContent.trim() === 'Relationships'"
            # The app opens on its overview, a client action.
            f" && !!{query('.o_action_manager .o_hr_overview')}",
            "the Relationships app to open",
        )
        self._open_internal_clients()
        uid = self.xmlrpc("common").authenticate(self.db, self.login, self.password, {})
        clients = self.xmlrpc("object").execute_kw(
            self.db,
            uid,
            self.password,
            "hr.internal.client",
            "search_read",
            [[]],
            {"fields": ["name"], "limit": 3},
        )
        for name in [client["name"] for client in clients]:
            browser.wait_for(
                f"{query('.o_content')}?.innerText.includes({json.dumps(name)})",
                f"internal client {name!r} in the view",
            )
        self.assertEqual(browser.exceptions, [], "JavaScript errors in the web client")

    def _open_internal_clients(self):
        """Open Internal Clients from the app's menu unless the app starts there."""
        browser = self.browser
        views = ".o_action_manager .o_kanban_view, .o_action_manager .o_list_view"
        in_view = (
            f"{query('.o_breadcrumb')}?.textContent.includes('Internal Clients')"
            f" && !!{query(views)}"
        )
        if browser.evaluate(in_view):
            return
        # The entry is either a top-level section or inside a section dropdown.
        entries = (
            ".o_menu_sections [data-menu-xmlid], .o-dropdown--menu [data-menu-xmlid]"
        )
        click_entry = f"""(() => {{
            const entry = [...document.querySelectorAll({json.dumps(entries)})]
                .find(el => el.textContent.trim() === 'Internal Clients');
            entry?.click();
            return !!entry;
        }})()"""
        toggles = "document.querySelectorAll('.o_menu_sections .dropdown-toggle')"
        if not browser.evaluate(click_entry):
            for index in range(browser.evaluate(f"{toggles}.length")):
                browser.evaluate(f"{toggles}[{index}].click()")
                time.sleep(0.3)
                if browser.evaluate(click_entry):
                    break
            else:
                self.fail("No 'Internal Clients' entry in the Relationships menu")
        browser.wait_for(in_view, "the Internal Clients list or kanban view")
