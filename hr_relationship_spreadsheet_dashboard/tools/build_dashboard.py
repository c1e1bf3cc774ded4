# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Write the Relationships dashboard's spreadsheet, the JSON file the module
ships, from the definitions below:

    python3 hr_relationship_spreadsheet_dashboard/tools/build_dashboard.py

The sheets, tables and charts are made by dashboard_builder.py, which the
other relationship dashboards' generators import as well. The output is
deterministic, so a change here shows as a readable diff of the JSON, and
the module's tests check that the shipped file is what this script writes.

Every figure reads stored fields through the ORM as the user who opens the
dashboard, so record rules apply as in the app. Survey results withheld for
anonymity hold no figures: every satisfaction pivot and chart leaves them out
rather than average their empty values in.
"""

import sys
from pathlib import Path

if __package__:
    from . import dashboard_builder as builder
else:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import dashboard_builder as builder

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "files"
    / "relationships_dashboard.json"
)

NOT_WITHHELD = '("withheld", "=", False)'
OPEN_CONCERN = '("state", "in", ["new", "in_progress"])'
# Improvement actions: tasks planned from a campaign (the core's menu), open.
OPEN_ACTION = (
    '("hr_campaign_id", "!=", False), ("state", "not in", ["1_done", "1_canceled"])'
)
AGE_BUCKETS = (
    ("Less than 30 days", [f'("create_date", ">=", {builder.ago(days=30)})']),
    (
        "30 to 90 days",
        [
            f'("create_date", "<", {builder.ago(days=30)})',
            f'("create_date", ">=", {builder.ago(days=90)})',
        ],
    ),
    ("More than 90 days", [f'("create_date", "<", {builder.ago(days=90)})']),
)


def kpi_pivots(book):
    """The pivots of the scorecards, without group-by: one figure each."""
    K_CLIENTS = book.pivot(
        "KPI - Internal Clients",
        "hr.internal.client",
        [],
        ["__count", "health_score", "coverage"],
    )
    K_AT_RISK = book.pivot(
        "KPI - At Risk",
        "hr.internal.client",
        builder.domain('("health_state", "=", "at_risk")'),
        ["__count"],
    )
    K_SINGLE = book.pivot(
        "KPI - Single-Threaded",
        "hr.internal.client",
        builder.domain('("single_threaded", "=", True)'),
        ["__count"],
    )
    K_SATISFACTION = book.pivot(
        "KPI - Satisfaction",
        "hr.satisfaction.result",
        builder.domain(
            '("scope", "=", "campaign")',
            NOT_WITHHELD,
            f'("date", ">=", {builder.ago(months=12)})',
        ),
        ["csat", "nps"],
    )
    K_OVERDUE = book.pivot(
        "KPI - Overdue Contacts",
        "hr.stakeholder",
        builder.domain(f'("next_contact_date", "<", {builder.TODAY})'),
        ["__count"],
    )
    K_CONCERNS = book.pivot(
        "KPI - Open Concerns",
        "hr.relationship.concern",
        builder.domain(OPEN_CONCERN),
        ["__count"],
    )
    K_ACTIONS = book.pivot(
        "KPI - Open Improvement Actions",
        "project.task",
        builder.domain(OPEN_ACTION),
        ["__count"],
    )
    return (
        K_CLIENTS,
        K_AT_RISK,
        K_SINGLE,
        K_SATISFACTION,
        K_OVERDUE,
        K_CONCERNS,
        K_ACTIONS,
    )


def build():
    book = builder.Workbook()
    (
        K_CLIENTS,
        K_AT_RISK,
        K_SINGLE,
        K_SATISFACTION,
        K_OVERDUE,
        K_CONCERNS,
        K_ACTIONS,
    ) = kpi_pivots(book)
    dashboard = builder.Sheet()

    # Data sheet: the figures of the scorecards.
    kpis = (
        ("Internal Clients", f'=PIVOT.VALUE({K_CLIENTS},"__count")', "2"),
        ("Average Health", f'=PIVOT.VALUE({K_CLIENTS},"health_score")', "1"),
        ("At Risk", f'=PIVOT.VALUE({K_AT_RISK},"__count")', "2"),
        ("Single-Threaded", f'=PIVOT.VALUE({K_SINGLE},"__count")', "2"),
        ("Coverage (%)", f'=PIVOT.VALUE({K_CLIENTS},"coverage")', "1"),
        ("12-Month CSAT", f'=PIVOT.VALUE({K_SATISFACTION},"csat")', "1"),
        ("12-Month NPS", f'=PIVOT.VALUE({K_SATISFACTION},"nps")', "1"),
        ("Overdue Contacts", f'=PIVOT.VALUE({K_OVERDUE},"__count")', "2"),
        ("Open Concerns", f'=PIVOT.VALUE({K_CONCERNS},"__count")', "2"),
        ("Open Actions", f'=PIVOT.VALUE({K_ACTIONS},"__count")', "2"),
    )
    data = builder.kpi_sheet(kpis)

    menus = {
        "clients": "hr_relationship.menu_hr_internal_client",
        "results": "hr_relationship.menu_hr_satisfaction_result",
        "single": "hr_relationship.menu_hr_internal_client_single_threaded",
        "overdue": "hr_relationship.menu_hr_stakeholder_overdue",
        "concerns": "hr_relationship.menu_hr_relationship_concern",
        "actions": "hr_relationship.menu_hr_improvement_action",
    }
    cards = (
        ("Internal Clients", "clients", "#EFF6FF"),
        ("Average Health", "clients", "#EFF6FF"),
        ("At Risk", "clients", "#FEF2F2"),
        ("Single-Threaded", "single", "#FFF7ED"),
        ("Coverage (%)", "clients", "#EFF6FF"),
        ("12-Month CSAT", "results", "#ECFDF5"),
        ("12-Month NPS", "results", "#ECFDF5"),
        ("Overdue Contacts", "overdue", "#FFF7ED"),
        ("Open Concerns", "concerns", "#FFF7ED"),
        ("Open Actions", "actions", "#FFF7ED"),
    )
    dashboard.scorecards([(label, menus[menu], color) for label, menu, color in cards])

    # Sections of a table and a chart or list beside it.
    row = 1

    def sat(scope):
        return builder.domain(f'("scope", "=", "{scope}")', NOT_WITHHELD)

    # 1. Health by internal client, and its trend.
    dashboard.section(row)
    p_health = book.pivot(
        "Health by Internal Client",
        "hr.internal.client",
        [],
        ["health_score", "latest_csat", "latest_nps"],
        ["name"],
        ("health_score", "asc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Health by Internal Client",
        p_health,
        ["Internal Client", "Health", "Latest CSAT", "Latest NPS"],
        ["1", "1", "1"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "Health Trend",
        "hr.relationship.health.snapshot",
        builder.domain(
            '("internal_client_id", "!=", False)',
            f'("month", ">=", {builder.ago(months=12)})',
        ),
        ["month:month", "internal_client_id"],
        "health_score",
        "line",
        menus["clients"],
        builder.CHART_HEIGHT,
    )
    row += builder.SECTION_ROWS

    # 2. Satisfaction per campaign, CSAT per client over time.
    dashboard.section(row)
    p_campaign = book.pivot(
        "Satisfaction per Campaign",
        "hr.satisfaction.result",
        sat("campaign"),
        ["csat", "nps", "responded_count"],
        ["campaign_id"],
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Satisfaction per Campaign",
        p_campaign,
        ["Campaign", "CSAT", "NPS", "Responded"],
        ["1", "1", "2"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "CSAT per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["date:month", "internal_client_id"],
        "csat",
        "bar",
        menus["results"],
        builder.CHART_HEIGHT,
    )
    row += builder.SECTION_ROWS

    # 3. Satisfaction per client, NPS per client over time.
    dashboard.section(row)
    p_client_sat = book.pivot(
        "Satisfaction per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["csat", "nps", "responded_count"],
        ["internal_client_id"],
        ("csat", "asc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Satisfaction per Internal Client",
        p_client_sat,
        ["Internal Client", "CSAT", "NPS", "Responded"],
        ["1", "1", "2"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "NPS per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["date:month", "internal_client_id"],
        "nps",
        "bar",
        menus["results"],
        builder.CHART_HEIGHT,
    )
    row += builder.SECTION_ROWS

    # 4. Coverage, and the clients only one HR colleague is in contact with.
    dashboard.section(row)
    p_coverage = book.pivot(
        "Coverage by Internal Client",
        "hr.internal.client",
        [],
        ["coverage", "hr_contact_count", "coverage_gap_count"],
        ["name"],
        ("coverage", "asc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Coverage by Internal Client",
        p_coverage,
        ["Internal Client", "Coverage (%)", "HR Contacts", "Coverage Gaps"],
        ["1", "2", "2"],
    )
    l_single = book.odoo_list(
        "Single-Threaded Clients",
        "hr.internal.client",
        builder.domain('("single_threaded", "=", True)'),
        ["name", "hr_sole_contact_id", "health_score", "high_influence_count"],
        [("health_score", True)],
    )
    book.list_table(
        dashboard,
        builder.RIGHT,
        row,
        "Single-Threaded Clients",
        l_single,
        ["Internal Client", "Only HR Contact", "Health", "High Influence"],
        [None, None, "1", "2"],
    )
    row += builder.SECTION_ROWS

    # 5. Overdue contacts: whose, and since when.
    dashboard.section(row)
    overdue = builder.domain(f'("next_contact_date", "<", {builder.TODAY})')
    p_overdue = book.pivot(
        "Overdue Contacts by Owner",
        "hr.stakeholder",
        overdue,
        ["__count"],
        ["owner_id"],
        ("__count", "desc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Overdue Contacts by Owner",
        p_overdue,
        ["Owner", "Overdue"],
        ["2"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "Overdue Contacts by Month Due",
        "hr.stakeholder",
        overdue,
        ["next_contact_date:month"],
        "__count",
        "bar",
        menus["overdue"],
        builder.CHART_HEIGHT,
    )
    row += builder.SECTION_ROWS

    # 6. Open concerns and improvement actions by age; the oldest concerns.
    dashboard.section(row)
    lines = []
    for label, leaves in AGE_BUCKETS:
        concerns = book.pivot(
            f"Open Concerns - {label}",
            "hr.relationship.concern",
            builder.domain(OPEN_CONCERN, *leaves),
            ["__count"],
        )
        actions = book.pivot(
            f"Open Improvement Actions - {label}",
            "project.task",
            builder.domain(OPEN_ACTION, *leaves),
            ["__count"],
        )
        lines.append(
            [
                (f'=_t("{label}")', None),
                (f'=PIVOT.VALUE({concerns},"__count")', "2"),
                (f'=PIVOT.VALUE({actions},"__count")', "2"),
            ]
        )
    dashboard.title(
        builder.LEFT,
        row,
        "Open Concerns and Actions by Age",
        builder.view_link(
            "Open Concerns",
            "hr.relationship.concern",
            builder.domain(OPEN_CONCERN),
            "pivot",
            ["create_date:month"],
            ["__count"],
        ),
    )
    dashboard.table(builder.LEFT, row + 1, ["Opened", "Concerns", "Actions"], lines)
    l_concerns = book.odoo_list(
        "Oldest Open Concerns",
        "hr.relationship.concern",
        builder.domain(OPEN_CONCERN),
        ["name", "internal_client_id", "user_id", "deadline"],
        [("create_date", True)],
    )
    book.list_table(
        dashboard,
        builder.RIGHT,
        row,
        "Oldest Open Concerns",
        l_concerns,
        ["Concern", "Internal Client", "Owner", "Deadline"],
        [None, None, None, None],
    )
    row += builder.SECTION_ROWS

    return book.json(
        [
            (dashboard, "relationships", "Dashboard", row + 1, True),
            (data, "data", "Data", len(kpis) + 1, False),
        ]
    )


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(builder.render(build()), encoding="utf-8")
    sys.stdout.write(f"Wrote {OUTPUT}\n")
