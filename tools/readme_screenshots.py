# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Take the README's screenshots again from a running demo server.

    make demo            # in another shell: the demo database on :8069
    python3 -m tools.readme_screenshots [--url http://localhost:8069] [--lang nl_NL]
    python3 -m tools.readme_screenshots [--url ...] [END-OF-FILE-PATH ...]

Logs in as the demo administrator, opens the overview and the relationship
map on a desktop (1600x1000) and on a phone (390x844), and the power-interest
grid on a desktop for the app store page; signed in as the demo's head of
Sales, who leads an internal client without a relationship role, their
*My HR Partnership* page; and writes the PNG files the
README and that page show into hr_relationship/static/description/, and the
Relationships and Referrals and Hires dashboards of the Dashboards app into
their bridges' static/description/ (the latter needs Recruitment installed).
Given the ends of file paths, it takes only those shots. Look at them before
committing them. Uses the harness's headless Chromium, so it starts no
browser of its own and reaches nothing but the given server.
"""

import argparse
import os
import time

from scripts import harness

DESCRIPTION = os.path.join(harness.REPO, "hr_relationship", "static", "description")
DESKTOP = {"viewport": {"width": 1600, "height": 1000}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
# The map has drawn its people (the SVG renderer of a small book).
MAP_DRAWN = ".o_hr_map_canvas[data-loading='0'] .o_hr_map_node"
# The demo's head of Sales, who leads an internal client and holds no
# relationship role (hr_relationship/demo/hr_relationship_demo.xml).
CLIENT_LEAD = "jeffrey"
# The id of a dashboard, by its module and xmlid name, asked of the server as
# the user.
DASHBOARD_ID = """async ([module, name]) => {
    const response = await fetch("/web/dataset/call_kw", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({jsonrpc: "2.0", method: "call", params: {
            model: "ir.model.data", method: "search_read", args: [[
                ["module", "=", module],
                ["name", "=", name],
            ], ["res_id"]], kwargs: {},
        }}),
    });
    return (await response.json()).result[0].res_id;
}"""
# (file name, page, what shows that the page has drawn, what to do then,
# who is signed in: None for --login)
SHOTS = (
    (
        "overview.png",
        DESKTOP,
        "/odoo/action-hr_relationship.hr_relationship_overview_action",
        ".o_hr_overview_card",
        None,
        None,
    ),
    (
        "overview_phone.png",
        PHONE,
        "/odoo/action-hr_relationship.hr_relationship_overview_action",
        ".o_hr_overview_card",
        None,
        None,
    ),
    (
        "relationship_map.png",
        DESKTOP,
        "/odoo/action-hr_relationship.action_relationship_map",
        MAP_DRAWN,
        None,
        None,
    ),
    (
        "relationship_map_phone.png",
        PHONE,
        "/odoo/action-hr_relationship.action_relationship_map",
        MAP_DRAWN,
        "node",
        None,
    ),
    (
        # The app store page (index.html), not the README.
        "power_interest_grid.png",
        DESKTOP,
        "/odoo/action-hr_relationship.hr_stakeholder_action_grid",
        ".o_kanban_record",
        None,
        None,
    ),
    (
        # The internal client's own page, as its lead opens it.
        "client_page.png",
        DESKTOP,
        "/odoo/action-hr_relationship.hr_internal_client_partnership_action",
        ".o_kanban_record",
        "open",
        CLIENT_LEAD,
    ),
    (
        # An absolute path: the bridge's README shows it, whatever --out says.
        os.path.join(
            harness.REPO,
            "hr_relationship_spreadsheet_dashboard",
            "static",
            "description",
            "dashboard.png",
        ),
        DESKTOP,
        "/odoo/dashboards",
        ".o-spreadsheet",
        "dashboard:hr_relationship_spreadsheet_dashboard."
        "spreadsheet_dashboard_relationships",
        None,
    ),
    (
        # The Referrals and Hires dashboard, on a database with Recruitment.
        os.path.join(
            harness.REPO,
            "hr_relationship_recruitment_dashboard",
            "static",
            "description",
            "dashboard.png",
        ),
        DESKTOP,
        "/odoo/dashboards",
        ".o-spreadsheet",
        "dashboard:hr_relationship_recruitment_dashboard."
        "spreadsheet_dashboard_referrals",
        None,
    ),
)


def login(page, url, user):
    page.goto(f"{url}/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar", timeout=120_000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--out", default=DESCRIPTION)
    parser.add_argument(
        "only",
        nargs="*",
        help="take only the shots whose file path ends with one of these",
    )
    args = parser.parse_args()
    with harness.chromium() as browser:
        for name, device, path, drawn, then, user in SHOTS:
            if args.only and not name.endswith(tuple(args.only)):
                continue
            context = browser.new_context(**device)
            page = context.new_page()
            login(page, args.url, user or args.login)
            page.goto(f"{args.url}{path}")
            page.wait_for_selector(drawn, timeout=60_000)
            if then == "node":
                # The phone picture shows a person's key facts in the sheet.
                page.locator(".o_hr_map_node").first.dispatch_event("click")
            elif then == "open":
                page.locator(drawn).first.click()
                page.wait_for_selector(".o_form_view", timeout=60_000)
            elif then and then.startswith("dashboard:"):
                # The app opens its first dashboard: open ours by its id,
                # whatever its name in the user's language.
                xmlid = then.removeprefix("dashboard:").split(".")
                dashboard_id = page.evaluate(DASHBOARD_ID, xmlid)
                page.goto(f"{args.url}{path}?dashboard_id={dashboard_id}")
                page.wait_for_selector(drawn, timeout=60_000)
                # The figures load after the spreadsheet.
                time.sleep(5)
            time.sleep(2)
            target = os.path.join(args.out, name)
            page.screenshot(path=target)
            print(target)
            context.close()


if __name__ == "__main__":
    main()
