# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the generators of the relationship dashboards share: a workbook of
Odoo pivots and lists, sheets of two blocks of four columns, scorecards,
tables and charts, and the JSON text a module ships.

The output is deterministic (ids derived from names, sorted keys), so a
change to a generator shows as a readable diff of its JSON file. A generator
imports this module and builds a ``Workbook``; it holds no state of its own,
so several generators can run in one process (the tests run them all).
"""

import json
import uuid

VERSION = "18.5.10"
NAMESPACE = uuid.UUID("5f3b8c1e-2d4a-4c6b-9e0f-1a2b3c4d5e6f")

# Relative dates, evaluated by the web client when the dashboard loads (the
# way Odoo's own dashboards write them).
TODAY = 'context_today().strftime("%Y-%m-%d")'


def ago(**delta):
    args = ", ".join(f"{unit}={value}" for unit, value in delta.items())
    return f'(context_today() - relativedelta({args})).strftime("%Y-%m-%d")'


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


# Two blocks of four columns with a narrow gap between them; a sheet may
# share a block's width out differently (a wider label, narrower figures).
COLS = (250, 110, 110, 110, 40, 250, 110, 110, 110)
LEFT, RIGHT = 0, 5
LETTERS = "ABCDEFGHIJ"
# A section: a title row, a header row, ten lines, a blank row; a chart
# beside the table as high as its lines.
SECTION_ROWS = 13
CHART_HEIGHT = 40 + 10 * 28

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
    def __init__(self, cols=COLS):
        self.cols = list(cols)
        self.rows = {}
        self.cells = {}
        self.styles = {}
        self.formats = {}
        self.borders = {}
        self.tables = []
        self.figures = []
        self.menus = {}

    def y(self, row):
        return sum(self.rows.get(r, 23) for r in range(row))

    def cell(self, col, row, content, style=None, fmt=None):
        ref = f"{LETTERS[col]}{row + 1}"
        self.cells[ref] = content
        if style:
            self.styles[ref] = style
        if fmt:
            self.formats[ref] = fmt

    def section(self, start):
        """The row heights of a section starting at ``start``."""
        self.rows[start] = 40
        # Room for a header on two lines.
        self.rows[start + 1] = 40
        for line in range(start + 2, start + 12):
            self.rows[line] = 28
        self.rows[start + 12] = 24

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
                "offset": {"x": sum(self.cols[:col]), "y": self.y(row)},
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

    def scorecards(self, cards, per_row=5):
        """The scorecards of the top row: ``cards`` are (label, menu xmlid,
        background), the n-th showing cell C(n+2) of the Data sheet (see
        ``kpi_sheet``)."""
        card_width, gap, card_height = 230, 12, 100
        lines = -(-len(cards) // per_row)
        self.rows[0] = lines * card_height + (lines - 1) * 10 + 20
        for index, (label, menu, color) in enumerate(cards):
            chart_id = fig_id(f"card {label}")
            self.figures.append(
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
                        "x": (index % per_row) * (card_width + gap),
                        "y": 10 + (index // per_row) * (card_height + 10),
                    },
                    "col": 0,
                    "row": 0,
                }
            )
            self.menus[chart_id] = menu

    def json(self, sheet_id, name, rows, visible):
        return {
            "id": sheet_id,
            "name": name,
            "colNumber": len(self.cols),
            "rowNumber": max(rows, 1),
            "rows": {str(r): {"size": size} for r, size in sorted(self.rows.items())},
            "cols": {str(c): {"size": size} for c, size in enumerate(self.cols)},
            "merges": [],
            "cells": self.cells,
            "styles": self.styles,
            "formats": self.formats,
            "borders": self.borders,
            "conditionalFormats": [],
            "dataValidationRules": [],
            "figures": self.figures,
            "tables": self.tables,
            "areGridLinesVisible": False,
            "isVisible": visible,
            "headerGroups": {"ROW": [], "COL": []},
            "comments": {},
        }


def kpi_sheet(kpis):
    """The hidden Data sheet of the scorecards: ``kpis`` are (label,
    formula, format); column C shows each figure rounded, or a dash when
    there is none yet (no campaign, no referral) rather than a misleading
    0."""
    data = Sheet()
    data.cell(0, 0, '=_t("KPI")', 2)
    data.cell(1, 0, '=_t("Value")', 2)
    data.cell(2, 0, '=_t("Shown")', 2)
    for index, (label, formula, fmt) in enumerate(kpis, start=1):
        data.cell(0, index, f'=_t("{label}")')
        data.cell(1, index, formula, fmt=fmt)
        shown = f'=IF(ISNUMBER(B{index + 1}),ROUND(B{index + 1},1),"-")'
        data.cell(2, index, shown, fmt=fmt)
    return data


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


def graph(
    sheet,
    col,
    row,
    title,
    model,
    dom,
    groupby,
    measure,
    mode,
    menu,
    height,
    stacked=False,
):
    sheet.title(
        col, row, title, view_link(title, model, dom, "graph", groupby, [measure], mode)
    )
    sheet.chart(
        title,
        col,
        row + 1,
        sum(sheet.cols[col : col + 4]),
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
            "stacked": stacked,
            "cumulative": False,
            "fieldMatching": {},
        },
        menu,
    )


class Workbook:
    """The Odoo pivots and lists of one dashboard, numbered in the order
    they are made."""

    def __init__(self):
        self.pivots = {}
        self.lists = {}

    def pivot(self, name, model, dom, measures, rows=(), sort=None):
        pivot_id = str(len(self.pivots) + 1)
        self.pivots[pivot_id] = {
            "type": "ODOO",
            "name": name,
            "model": model,
            "domain": dom,
            "context": {},
            "measures": [{"id": m, "fieldName": m} for m in measures],
            "rows": [{"fieldName": r} for r in rows],
            "columns": [],
            "fieldMatching": {},
            "formulaId": pivot_id,
            "id": pivot_id,
        }
        if sort:
            self.pivots[pivot_id]["sortedColumn"] = {
                "measure": sort[0],
                "order": sort[1],
                "domain": [],
            }
        return pivot_id

    def odoo_list(self, name, model, dom, columns, order):
        list_id = str(len(self.lists) + 1)
        self.lists[list_id] = {
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

    def pivot_link(self, name, pivot_id, view_type="pivot"):
        definition = self.pivots[pivot_id]
        return view_link(
            name,
            definition["model"],
            definition["domain"],
            view_type,
            [row["fieldName"] for row in definition["rows"]],
            [m["fieldName"] for m in definition["measures"]],
        )

    def pivot_table(self, sheet, col, row, title, pivot_id, headers, fmts, count=10):
        sheet.title(col, row, title, self.pivot_link(title, pivot_id))
        definition = self.pivots[pivot_id]
        dimension = definition["rows"][0]["fieldName"]
        measures = [m["fieldName"] for m in definition["measures"]]
        lines = []
        for position in range(1, count + 1):
            line = [(f'=PIVOT.HEADER({pivot_id},"#{dimension}",{position})', None)]
            for measure, fmt in zip(measures, fmts, strict=True):
                line.append(
                    (
                        f'=PIVOT.VALUE({pivot_id},"{measure}",'
                        f'"#{dimension}",{position})',
                        fmt,
                    )
                )
            lines.append(line)
        sheet.table(col, row + 1, headers, lines)

    def list_table(self, sheet, col, row, title, list_id, headers, fmts, count=10):
        definition = self.lists[list_id]
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

    def json(self, sheets):
        """The spreadsheet: ``sheets`` are the JSON of its sheets, the first
        the dashboard whose charts open menus."""
        return {
            "version": VERSION,
            "sheets": [sheet.json(*args) for sheet, *args in sheets],
            "styles": STYLES,
            "formats": FORMATS,
            "borders": BORDERS,
            "revisionId": "START_REVISION",
            "uniqueFigureIds": True,
            "settings": {},
            "pivots": self.pivots,
            "pivotNextId": len(self.pivots) + 1,
            "customTableStyles": {},
            "globalFilters": [],
            "lists": self.lists,
            "listNextId": len(self.lists) + 1,
            "chartOdooMenusReferences": sheets[0][0].menus,
        }


def render(data):
    """The JSON text a module ships."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
