# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Write the Relationships dashboard's spreadsheet, the JSON file the module
ships, from the definitions below:

    python3 hr_relationship_spreadsheet_dashboard/tools/build_dashboard.py

The output is deterministic (ids derived from names, sorted keys), so a
change here shows as a readable diff of the JSON, and the module's tests
check that the shipped file is what this script writes.

Every figure reads stored fields through the ORM as the user who opens the
dashboard, so record rules apply as in the app. Survey results withheld for
anonymity hold no figures: every satisfaction pivot and chart leaves them out
rather than average their empty values in.
"""

import json
import uuid
from pathlib import Path

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "files"
    / "relationships_dashboard.json"
)
VERSION = "18.5.10"
NAMESPACE = uuid.UUID("5f3b8c1e-2d4a-4c6b-9e0f-1a2b3c4d5e6f")

# Relative dates, evaluated by the web client when the dashboard loads (the
# way Odoo's own dashboards write them).
TODAY = 'context_today().strftime("%Y-%m-%d")'


def ago(**delta):
    args = ", ".join(f"{unit}={value}" for unit, value in delta.items())
    return f'(context_today() - relativedelta({args})).strftime("%Y-%m-%d")'


NOT_WITHHELD = '("withheld", "=", False)'
OPEN_CONCERN = '("state", "in", ["new", "in_progress"])'
# Improvement actions: tasks planned from a campaign (the core's menu), open.
OPEN_ACTION = (
    '("hr_campaign_id", "!=", False), ("state", "not in", ["1_done", "1_canceled"])'
)
AGE_BUCKETS = (
    ("Less than 30 days", [f'("create_date", ">=", {ago(days=30)})']),
    (
        "30 to 90 days",
        [
            f'("create_date", "<", {ago(days=30)})',
            f'("create_date", ">=", {ago(days=90)})',
        ],
    ),
    ("More than 90 days", [f'("create_date", "<", {ago(days=90)})']),
)


def domain(*leaves):
    """A domain as the text the web client evaluates, or a plain list when
    no leaf needs today's date."""
    text = "[" + ", ".join(leaves) + "]"
    if "context_today" in text:
        return text
    return json.loads(
        text.replace("(", "[")
        .replace(")", "]")
        .replace("False", "false")
        .replace("True", "true")
    )


def fig_id(name):
    return str(uuid.uuid5(NAMESPACE, name))


# --- Pivots -----------------------------------------------------------------

PIVOTS = {}


def pivot(name, model, dom, measures, rows=(), sort=None):
    pivot_id = str(len(PIVOTS) + 1)
    PIVOTS[pivot_id] = {
        "type": "ODOO",
        "name": name,
        "model": model,
        "domain": dom,
        "context": {},
        "measures": [{"id": m, "fieldName": m} for m in measures],
        "rows": [{"fieldName": r} for r in rows],
        "columns": [],
        "sortedColumn": (
            {"measure": sort[0], "order": sort[1], "domain": []} if sort else None
        ),
        "fieldMatching": {},
        "formulaId": pivot_id,
        "id": pivot_id,
    }
    if not sort:
        del PIVOTS[pivot_id]["sortedColumn"]
    return pivot_id


LISTS = {}


def odoo_list(name, model, dom, columns, order):
    list_id = str(len(LISTS) + 1)
    LISTS[list_id] = {
        "id": list_id,
        "name": name,
        "model": model,
        "domain": dom,
        "context": {},
        "columns": list(columns),
        "orderBy": [{"name": field, "asc": asc} for field, asc in order],
        "fieldMatching": {},
    }
    return list_id


def kpi_pivots():
    """The pivots of the scorecards, without group-by: one figure each."""
    K_CLIENTS = pivot(
        "KPI - Internal Clients",
        "hr.internal.client",
        [],
        ["__count", "health_score", "coverage"],
    )
    K_AT_RISK = pivot(
        "KPI - At Risk",
        "hr.internal.client",
        domain('("health_state", "=", "at_risk")'),
        ["__count"],
    )
    K_SINGLE = pivot(
        "KPI - Single-Threaded",
        "hr.internal.client",
        domain('("single_threaded", "=", True)'),
        ["__count"],
    )
    K_SATISFACTION = pivot(
        "KPI - Satisfaction",
        "hr.satisfaction.result",
        domain(
            '("scope", "=", "campaign")',
            NOT_WITHHELD,
            f'("date", ">=", {ago(months=12)})',
        ),
        ["csat", "nps"],
    )
    K_OVERDUE = pivot(
        "KPI - Overdue Contacts",
        "hr.stakeholder",
        domain(f'("next_contact_date", "<", {TODAY})'),
        ["__count"],
    )
    K_CONCERNS = pivot(
        "KPI - Open Concerns",
        "hr.relationship.concern",
        domain(OPEN_CONCERN),
        ["__count"],
    )
    K_ACTIONS = pivot(
        "KPI - Open Improvement Actions",
        "project.task",
        domain(OPEN_ACTION),
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


# --- Sheets -----------------------------------------------------------------

# Two blocks of four columns with a narrow gap between them.
COLS = [250, 110, 110, 110, 40, 250, 110, 110, 110]
LEFT, RIGHT = 0, 5
COL_X = [sum(COLS[:i]) for i in range(len(COLS))]
BLOCK_WIDTH = sum(COLS[:4])
LETTERS = "ABCDEFGHIJ"
TOP_ROWS = 10

STYLES = {
    "1": {"textColor": "#01666b", "bold": True, "fontSize": 16},
    "2": {
        "textColor": "#434343",
        "bold": True,
        "fontSize": 11,
        "verticalAlign": "middle",
        "wrapping": "wrap",
    },
    "3": {"textColor": "#01666B", "verticalAlign": "middle"},
    "4": {"textColor": "#434343", "verticalAlign": "middle"},
    "5": {
        "textColor": "#434343",
        "bold": True,
        "fontSize": 11,
        "align": "center",
        "verticalAlign": "middle",
        "wrapping": "wrap",
    },
    "6": {"textColor": "#434343", "verticalAlign": "middle", "align": "center"},
}
FORMATS = {"1": "0.0", "2": "0"}
BORDERS = {
    "1": {"bottom": {"style": "thin", "color": "#B7B7B7"}},
    "2": {"top": {"style": "thin", "color": "#B7B7B7"}},
}
TABLE_CONFIG = {
    "hasFilters": False,
    "totalRow": False,
    "firstColumn": False,
    "lastColumn": False,
    "numberOfHeaders": 1,
    "bandedRows": True,
    "bandedColumns": False,
    "automaticAutofill": True,
    "styleId": "None",
}
VIEWS = [[False, "list"], [False, "pivot"], [False, "graph"], [False, "form"]]


class Sheet:
    def __init__(self):
        self.rows = {}
        self.cells = {}
        self.styles = {}
        self.formats = {}
        self.borders = {}
        self.tables = []
        self.figures = []
        self.menus = {}
        self.row = 0

    def y(self, row):
        return sum(self.rows.get(r, 23) for r in range(row))

    def cell(self, col, row, content, style=None, fmt=None):
        ref = f"{LETTERS[col]}{row + 1}"
        self.cells[ref] = content
        if style:
            self.styles[ref] = style
        if fmt:
            self.formats[ref] = fmt

    def chart(self, name, col, row, width, height, data, menu=None):
        chart_id = fig_id(name)
        data = {**data, "chartId": chart_id}
        self.figures.append(
            {
                "id": chart_id,
                "width": width,
                "height": height,
                "tag": "chart",
                "data": data,
                "offset": {"x": COL_X[col], "y": self.y(row)},
                "col": 0,
                "row": 0,
            }
        )
        if menu:
            self.menus[chart_id] = menu

    def title(self, col, row, text, link):
        self.cell(
            col,
            row,
            f"[{text}](odoo://view/{json.dumps(link, separators=(',', ':'))})",
            1,
        )
        first, last = LETTERS[col], LETTERS[col + 3]
        self.borders[f"{first}{row + 1}:{last}{row + 1}"] = "1"

    def table(self, col, row, headers, lines):
        """A header row and banded lines; ``lines`` are lists of (formula,
        format) with the first column the label. Figures (the columns with a
        number format) are centred, texts left-aligned."""
        first, last = LETTERS[col], LETTERS[col + len(headers) - 1]
        figures = {offset for offset, (_formula, fmt) in enumerate(lines[0]) if fmt}
        for offset, header in enumerate(headers):
            style = 5 if offset in figures else 2
            self.cell(col + offset, row, f'=_t("{header}")', style)
        for index, line in enumerate(lines, start=1):
            for offset, (formula, fmt) in enumerate(line):
                style = 3 if offset == 0 else 6 if offset in figures else 4
                self.cell(col + offset, row + index, formula, style, fmt)
        end = row + len(lines)
        self.tables.append(
            {
                "range": f"{first}{row + 1}:{last}{end + 1}",
                "type": "static",
                "config": TABLE_CONFIG,
            }
        )


def view_link(name, model, dom, view_type, groupby=(), measures=(), mode="bar"):
    context = {"group_by": list(groupby)}
    if view_type == "pivot":
        context.update(
            pivot_measures=list(measures),
            pivot_row_groupby=list(groupby),
            pivot_column_groupby=[],
        )
    elif view_type == "graph":
        context.update(
            graph_measure=measures[0],
            graph_mode=mode,
            graph_groupbys=list(groupby),
        )
    return {
        "viewType": view_type,
        "action": {
            "domain": dom,
            "context": context,
            "modelName": model,
            "views": VIEWS,
        },
        "threshold": 0,
        "name": name,
    }


def pivot_link(name, pivot_id, view_type="pivot"):
    definition = PIVOTS[pivot_id]
    return view_link(
        name,
        definition["model"],
        definition["domain"],
        view_type,
        [row["fieldName"] for row in definition["rows"]],
        [m["fieldName"] for m in definition["measures"]],
    )


def pivot_table(sheet, col, row, title, pivot_id, headers, fmts, count=10):
    sheet.title(col, row, title, pivot_link(title, pivot_id))
    definition = PIVOTS[pivot_id]
    dimension = definition["rows"][0]["fieldName"]
    measures = [m["fieldName"] for m in definition["measures"]]
    lines = []
    for position in range(1, count + 1):
        line = [(f'=PIVOT.HEADER({pivot_id},"#{dimension}",{position})', None)]
        for measure, fmt in zip(measures, fmts, strict=True):
            line.append(
                (
                    f'=PIVOT.VALUE({pivot_id},"{measure}","#{dimension}",{position})',
                    fmt,
                )
            )
        lines.append(line)
    sheet.table(col, row + 1, headers, lines)


def list_table(sheet, col, row, title, list_id, headers, fmts, count=10):
    definition = LISTS[list_id]
    sheet.title(
        col,
        row,
        title,
        view_link(title, definition["model"], definition["domain"], "list"),
    )
    lines = [
        [
            (f'=ODOO.LIST({list_id},{position},"{field}")', fmt)
            for field, fmt in zip(definition["columns"], fmts, strict=True)
        ]
        for position in range(1, count + 1)
    ]
    sheet.table(col, row + 1, headers, lines)


def graph(sheet, col, row, title, model, dom, groupby, measure, mode, menu, height):
    sheet.title(
        col, row, title, view_link(title, model, dom, "graph", groupby, [measure], mode)
    )
    sheet.chart(
        title,
        col,
        row + 1,
        BLOCK_WIDTH,
        height,
        {
            "title": {"text": ""},
            "background": "#FFFFFF",
            "legendPosition": "top" if len(groupby) > 1 else "none",
            "metaData": {
                "groupBy": list(groupby),
                "measure": measure,
                "order": None,
                "resModel": model,
                "mode": mode,
            },
            "searchParams": {
                "comparison": None,
                # Months without a figure stay empty rather than count as 0.
                "context": {"fill_temporal": False},
                "domain": dom,
                "groupBy": list(groupby),
                "orderBy": [],
            },
            "type": f"odoo_{mode}",
            "dataSets": [],
            "verticalAxisPosition": "left",
            "stacked": False,
            "cumulative": False,
            "fieldMatching": {},
        },
        menu,
    )


def build():
    PIVOTS.clear()
    LISTS.clear()
    (
        K_CLIENTS,
        K_AT_RISK,
        K_SINGLE,
        K_SATISFACTION,
        K_OVERDUE,
        K_CONCERNS,
        K_ACTIONS,
    ) = kpi_pivots()
    dashboard, data = Sheet(), Sheet()

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
    data.cell(0, 0, '=_t("KPI")', 2)
    data.cell(1, 0, '=_t("Value")', 2)
    data.cell(2, 0, '=_t("Shown")', 2)
    for index, (label, formula, fmt) in enumerate(kpis, start=1):
        data.cell(0, index, f'=_t("{label}")')
        data.cell(1, index, formula, fmt=fmt)
        # A figure nobody has yet (no campaign, no coverage) shows a dash
        # rather than a misleading 0.
        shown = f'=IF(ISNUMBER(B{index + 1}),ROUND(B{index + 1},1),"-")'
        data.cell(2, index, shown, fmt=fmt)

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
    card_width, gap, card_height = 230, 12, 100
    dashboard.rows[0] = 2 * card_height + 30
    for index, (label, menu, color) in enumerate(cards):
        chart_id = fig_id(f"card {label}")
        dashboard.figures.append(
            {
                "id": chart_id,
                "width": card_width,
                "height": card_height,
                "tag": "chart",
                "data": {
                    "type": "scorecard",
                    "title": {"text": label, "bold": True, "color": "#434343"},
                    "background": color,
                    "keyValue": f"Data!C{index + 2}",
                    "baselineMode": "difference",
                    "baselineColorUp": "#00A04A",
                    "baselineColorDown": "#DC6965",
                    "humanize": False,
                    "chartId": chart_id,
                },
                "offset": {
                    "x": (index % 5) * (card_width + gap),
                    "y": 10 + (index // 5) * (card_height + 10),
                },
                "col": 0,
                "row": 0,
            }
        )
        dashboard.menus[chart_id] = menus[menu]

    # Sections: a title row, a header row, ten lines, a blank row.
    row = 1
    section_rows = 13
    chart_height = 40 + 10 * 28

    def section_sizes(start):
        dashboard.rows[start] = 40
        # Room for a header on two lines.
        dashboard.rows[start + 1] = 40
        for line in range(start + 2, start + 12):
            dashboard.rows[line] = 28
        dashboard.rows[start + 12] = 24

    def sat(scope):
        return domain(f'("scope", "=", "{scope}")', NOT_WITHHELD)

    # 1. Health by internal client, and its trend.
    section_sizes(row)
    p_health = pivot(
        "Health by Internal Client",
        "hr.internal.client",
        [],
        ["health_score", "latest_csat", "latest_nps"],
        ["name"],
        ("health_score", "asc"),
    )
    pivot_table(
        dashboard,
        LEFT,
        row,
        "Health by Internal Client",
        p_health,
        ["Internal Client", "Health", "Latest CSAT", "Latest NPS"],
        ["1", "1", "1"],
    )
    graph(
        dashboard,
        RIGHT,
        row,
        "Health Trend",
        "hr.relationship.health.snapshot",
        domain(
            '("internal_client_id", "!=", False)', f'("month", ">=", {ago(months=12)})'
        ),
        ["month:month", "internal_client_id"],
        "health_score",
        "line",
        menus["clients"],
        chart_height,
    )
    row += section_rows

    # 2. Satisfaction per campaign, CSAT per client over time.
    section_sizes(row)
    p_campaign = pivot(
        "Satisfaction per Campaign",
        "hr.satisfaction.result",
        sat("campaign"),
        ["csat", "nps", "responded_count"],
        ["campaign_id"],
    )
    pivot_table(
        dashboard,
        LEFT,
        row,
        "Satisfaction per Campaign",
        p_campaign,
        ["Campaign", "CSAT", "NPS", "Responded"],
        ["1", "1", "2"],
    )
    graph(
        dashboard,
        RIGHT,
        row,
        "CSAT per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["date:month", "internal_client_id"],
        "csat",
        "bar",
        menus["results"],
        chart_height,
    )
    row += section_rows

    # 3. Satisfaction per client, NPS per client over time.
    section_sizes(row)
    p_client_sat = pivot(
        "Satisfaction per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["csat", "nps", "responded_count"],
        ["internal_client_id"],
        ("csat", "asc"),
    )
    pivot_table(
        dashboard,
        LEFT,
        row,
        "Satisfaction per Internal Client",
        p_client_sat,
        ["Internal Client", "CSAT", "NPS", "Responded"],
        ["1", "1", "2"],
    )
    graph(
        dashboard,
        RIGHT,
        row,
        "NPS per Internal Client",
        "hr.satisfaction.result",
        sat("internal_client"),
        ["date:month", "internal_client_id"],
        "nps",
        "bar",
        menus["results"],
        chart_height,
    )
    row += section_rows

    # 4. Coverage, and the clients only one HR colleague is in contact with.
    section_sizes(row)
    p_coverage = pivot(
        "Coverage by Internal Client",
        "hr.internal.client",
        [],
        ["coverage", "hr_contact_count", "coverage_gap_count"],
        ["name"],
        ("coverage", "asc"),
    )
    pivot_table(
        dashboard,
        LEFT,
        row,
        "Coverage by Internal Client",
        p_coverage,
        ["Internal Client", "Coverage (%)", "HR Contacts", "Coverage Gaps"],
        ["1", "2", "2"],
    )
    l_single = odoo_list(
        "Single-Threaded Clients",
        "hr.internal.client",
        domain('("single_threaded", "=", True)'),
        ["name", "hr_sole_contact_id", "health_score", "high_influence_count"],
        [("health_score", True)],
    )
    list_table(
        dashboard,
        RIGHT,
        row,
        "Single-Threaded Clients",
        l_single,
        ["Internal Client", "Only HR Contact", "Health", "High Influence"],
        [None, None, "1", "2"],
    )
    row += section_rows

    # 5. Overdue contacts: whose, and since when.
    section_sizes(row)
    overdue = domain(f'("next_contact_date", "<", {TODAY})')
    p_overdue = pivot(
        "Overdue Contacts by Owner",
        "hr.stakeholder",
        overdue,
        ["__count"],
        ["owner_id"],
        ("__count", "desc"),
    )
    pivot_table(
        dashboard,
        LEFT,
        row,
        "Overdue Contacts by Owner",
        p_overdue,
        ["Owner", "Overdue"],
        ["2"],
    )
    graph(
        dashboard,
        RIGHT,
        row,
        "Overdue Contacts by Month Due",
        "hr.stakeholder",
        overdue,
        ["next_contact_date:month"],
        "__count",
        "bar",
        menus["overdue"],
        chart_height,
    )
    row += section_rows

    # 6. Open concerns and improvement actions by age; the oldest concerns.
    section_sizes(row)
    lines = []
    for label, leaves in AGE_BUCKETS:
        concerns = pivot(
            f"Open Concerns - {label}",
            "hr.relationship.concern",
            domain(OPEN_CONCERN, *leaves),
            ["__count"],
        )
        actions = pivot(
            f"Open Improvement Actions - {label}",
            "project.task",
            domain(OPEN_ACTION, *leaves),
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
        LEFT,
        row,
        "Open Concerns and Actions by Age",
        view_link(
            "Open Concerns",
            "hr.relationship.concern",
            domain(OPEN_CONCERN),
            "pivot",
            ["create_date:month"],
            ["__count"],
        ),
    )
    dashboard.table(LEFT, row + 1, ["Opened", "Concerns", "Actions"], lines)
    l_concerns = odoo_list(
        "Oldest Open Concerns",
        "hr.relationship.concern",
        domain(OPEN_CONCERN),
        ["name", "internal_client_id", "user_id", "deadline"],
        [("create_date", True)],
    )
    list_table(
        dashboard,
        RIGHT,
        row,
        "Oldest Open Concerns",
        l_concerns,
        ["Concern", "Internal Client", "Owner", "Deadline"],
        [None, None, None, None],
    )
    row += section_rows

    def sheet_json(sheet, sheet_id, name, rows, visible):
        return {
            "id": sheet_id,
            "name": name,
            "colNumber": len(COLS),
            "rowNumber": max(rows, 1),
            "rows": {str(r): {"size": size} for r, size in sorted(sheet.rows.items())},
            "cols": {str(c): {"size": size} for c, size in enumerate(COLS)},
            "merges": [],
            "cells": sheet.cells,
            "styles": sheet.styles,
            "formats": sheet.formats,
            "borders": sheet.borders,
            "conditionalFormats": [],
            "dataValidationRules": [],
            "figures": sheet.figures,
            "tables": sheet.tables,
            "areGridLinesVisible": False,
            "isVisible": visible,
            "headerGroups": {"ROW": [], "COL": []},
            "comments": {},
        }

    return {
        "version": VERSION,
        "sheets": [
            sheet_json(dashboard, "relationships", "Dashboard", row + 1, True),
            sheet_json(data, "data", "Data", len(kpis) + 1, False),
        ],
        "styles": STYLES,
        "formats": FORMATS,
        "borders": BORDERS,
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": PIVOTS,
        "pivotNextId": len(PIVOTS) + 1,
        "customTableStyles": {},
        "globalFilters": [],
        "lists": LISTS,
        "listNextId": len(LISTS) + 1,
        "chartOdooMenusReferences": dashboard.menus,
    }


def render():
    """The JSON text the module ships."""
    return json.dumps(build(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"Wrote {OUTPUT}")
