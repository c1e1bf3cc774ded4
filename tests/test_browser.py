# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A user in a real headless Chromium: log in, open the Relationships app from
the main menu and see the internal clients. Chromium is Debian's, driven by
Playwright for Python through the harness's launcher (scripts/harness.py)."""

import json
from contextlib import ExitStack

from scripts import harness
from tests.odoo_client import OdooServerCase

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # harness.chromium() then fails the test with one sentence
    PlaywrightTimeout = TimeoutError

APP_XMLID = "hr_relationship.menu_relationship_root"
STEP_TIMEOUT = 60


class TestBrowser(OdooServerCase):
    def setUp(self):
        super().setUp()
        stack = ExitStack()
        self.addCleanup(stack.close)
        try:
            browser = stack.enter_context(harness.chromium())
        except RuntimeError as exc:
            self.fail(str(exc))
        self.page = browser.new_page(viewport={"width": 1366, "height": 900})
        self.page.set_default_timeout(STEP_TIMEOUT * 1000)
        self.exceptions = []
        self.page.on("pageerror", lambda error: self.exceptions.append(str(error)))

    def wait_for(self, expression, what, arg=None):
        """Wait until the JavaScript `expression` (a function of `arg` when one
        is given) is truthy; fail saying what did not appear."""
        if arg is not None:
            expression = f"(arg) => ({expression})"
        try:
            return self.page.wait_for_function(expression, arg=arg).json_value()
        except PlaywrightTimeout:
            self.fail(
                f"Timed out after {STEP_TIMEOUT}s waiting for {what} at {self.page.url}"
            )

    def step(self, locator, what):
        """`locator` once it is attached; fail saying what did not appear."""
        try:
            locator.first.wait_for()
        except PlaywrightTimeout:
            self.fail(
                f"Timed out after {STEP_TIMEOUT}s waiting for {what} at {self.page.url}"
            )
        return locator.first

    def test_open_relationships_app(self):
        page = self.page
        page.goto(f"{self.url}/web/login?db={self.db}")
        form = self.step(page.locator("form.oe_login_form"), "the login form")
        form.locator("input[name=login]").fill(self.login)
        form.locator("input[name=password]").fill(self.password)
        form.locator("button[type=submit]").click()
        # The community web client lists the apps in the navbar's home menu.
        self.step(page.locator(".o_navbar_apps_menu button"), "the web client").click()
        app = self.step(
            page.locator(f".o_app[data-menu-xmlid='{APP_XMLID}']"),
            "the Relationships app in the home menu",
        )
        self.assertEqual(app.text_content().strip(), "Relationships")
        app.click()
        self.wait_for(
            "document.querySelector('.o_menu_brand')?.textContent.trim()"
            " === 'Relationships'"
            # The app opens on its overview, a client action.
            " && !!document.querySelector('.o_action_manager .o_hr_overview')",
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
            self.wait_for(
                "document.querySelector('.o_content')?.innerText.includes(arg)",
                f"internal client {name!r} in the view",
                arg=name,
            )
        self.assertEqual(self.exceptions, [], "JavaScript errors in the web client")

    def _open_internal_clients(self):
        """Open Internal Clients from the app's menu unless the app starts there."""
        page = self.page
        views = ".o_action_manager .o_kanban_view, .o_action_manager .o_list_view"
        in_view = (
            "document.querySelector('.o_breadcrumb')?.textContent"
            ".includes('Internal Clients')"
            f" && !!document.querySelector({json.dumps(views)})"
        )
        if page.evaluate(in_view):
            return
        # The entry is either a top-level section or inside a section dropdown.
        entries = (
            ".o_menu_sections [data-menu-xmlid], .o-dropdown--menu [data-menu-xmlid]"
        )
        click_entry = f"""() => {{
            const entry = [...document.querySelectorAll({json.dumps(entries)})]
                .find(el => el.textContent.trim() === 'Internal Clients');
            entry?.click();
            return !!entry;
        }}"""
        if not page.evaluate(click_entry):
            toggles = page.locator(".o_menu_sections .dropdown-toggle")
            for index in range(toggles.count()):
                toggles.nth(index).click()
                page.wait_for_timeout(300)
                if page.evaluate(click_entry):
                    break
            else:
                self.fail("No 'Internal Clients' entry in the Relationships menu")
        self.wait_for(in_view, "the Internal Clients list or kanban view")
