# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Write the Referrals and Hires dashboard's spreadsheet, the JSON file the
module ships, from the definitions below:

    python3 hr_relationship_recruitment_dashboard/tools/build_dashboard.py

The sheets, tables and charts are made by the Relationships dashboard's
builder (hr_relationship_spreadsheet_dashboard/tools/dashboard_builder.py);
the module's tests check that the shipped file is what this script writes.

Every figure reads stored fields as the user who opens the dashboard: the
referral analysis (one line per referred application, nothing that names the
applicant) and the stakeholders' referral counts, both of which every
relationship role may read, so the dashboard needs no Recruitment rights.
Boomerang hires are not on it: whether an applicant is an alumnus is worked
out when asked, not stored.
"""

import sys
from pathlib import Path

if __package__:
    from odoo.addons.hr_relationship_spreadsheet_dashboard.tools import (
        dashboard_builder as builder,
    )
else:  # run as a script, from a checkout with both modules side by side
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from hr_relationship_spreadsheet_dashboard.tools import (
        dashboard_builder as builder,
    )

OUTPUT = Path(__file__).resolve().parent.parent / "data/files/referrals_dashboard.json"
REPORT = "hr.relationship.referral.report"
LAST_YEAR = f'("referral_date", ">=", {builder.ago(months=12)})'
HIRED_LAST_YEAR = f'("hire_date", ">=", {builder.ago(months=12)})'
REFERRERS = '("applicant_referral_count", ">", 0)'
# Clicking a scorecard or a chart opens the Ambassador Ranking, which the
# recruitment bridge ranks by hires and referrals.
RANKING = "hr_relationship.menu_hr_stakeholder_ambassadors"


def build():
    book = builder.Workbook()
    k_referrals = book.pivot(
        "KPI - Referrals",
        REPORT,
        builder.domain(LAST_YEAR),
        ["__count", "hire_count"],
    )
    k_hires = book.pivot(
        "KPI - Hires from Referrals",
        REPORT,
        builder.domain(HIRED_LAST_YEAR),
        ["__count"],
    )
    k_ongoing = book.pivot(
        "KPI - Ongoing Referrals",
        REPORT,
        builder.domain('("outcome", "=", "ongoing")'),
        ["__count"],
    )
    k_referrers = book.pivot(
        "KPI - Referrers",
        "hr.stakeholder",
        builder.domain(REFERRERS),
        ["__count"],
    )
    referrals = f'PIVOT.VALUE({k_referrals},"__count")'
    kpis = (
        ("Referrals (12 Months)", f"={referrals}", "2"),
        ("Hires (12 Months)", f'=PIVOT.VALUE({k_hires},"__count")', "2"),
        # Of the referrals of the last twelve months, the share hired so far;
        # no referral, no rate.
        (
            "Referral-to-Hire (%)",
            f'=IF({referrals}>0,100*PIVOT.VALUE({k_referrals},"hire_count")'
            f'/{referrals},"")',
            "1",
        ),
        ("Ongoing Referrals", f'=PIVOT.VALUE({k_ongoing},"__count")', "2"),
        ("Referrers (All Time)", f'=PIVOT.VALUE({k_referrers},"__count")', "2"),
    )
    data = builder.kpi_sheet(kpis)
    # Wider than the Relationships dashboard's: the left block's labels are
    # longer (departments with their parents, relations such as "Alumnus
    # (Ex-employee)"), and the figures' headers longer in Dutch.
    dashboard = builder.Sheet(cols=[270, 160, 120, 120, 40, 250, 120, 120, 100])
    dashboard.scorecards(
        [
            ("Referrals (12 Months)", RANKING, "#EFF6FF"),
            ("Hires (12 Months)", RANKING, "#ECFDF5"),
            ("Referral-to-Hire (%)", RANKING, "#ECFDF5"),
            ("Ongoing Referrals", RANKING, "#FFF7ED"),
            ("Referrers (All Time)", RANKING, "#EFF6FF"),
        ]
    )

    # Sections of a table and a chart or list beside it.
    row = 1

    # 1. Who refers, and how many of their referrals were hired.
    dashboard.section(row)
    l_referrers = book.odoo_list(
        "Top Referrers",
        "hr.stakeholder",
        builder.domain(REFERRERS),
        ["name", "relation_type", "applicant_referral_count", "hired_referral_count"],
        [("hired_referral_count", False), ("applicant_referral_count", False)],
    )
    book.list_table(
        dashboard,
        builder.LEFT,
        row,
        "Top Referrers (All Time)",
        l_referrers,
        ["Referred by", "Relation", "Referrals", "Hires"],
        [None, None, "2", "2"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "Referrals per Month, by Outcome",
        REPORT,
        builder.domain(LAST_YEAR),
        ["referral_date:month", "outcome"],
        "__count",
        "bar",
        RANKING,
        builder.CHART_HEIGHT,
        stacked=True,
    )
    row += builder.SECTION_ROWS

    # 2. Where the referrals go, and the hires they made per month.
    dashboard.section(row)
    p_department = book.pivot(
        "Referrals by Department",
        REPORT,
        builder.domain(LAST_YEAR),
        ["referral_count", "hire_count"],
        ["department_id"],
        ("referral_count", "desc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Referrals by Department (12 Months)",
        p_department,
        ["Department", "Referrals", "Hires"],
        ["2", "2"],
    )
    builder.graph(
        dashboard,
        builder.RIGHT,
        row,
        "Hires from Referrals per Month",
        REPORT,
        builder.domain(HIRED_LAST_YEAR),
        ["hire_date:month"],
        "__count",
        "bar",
        RANKING,
        builder.CHART_HEIGHT,
    )
    row += builder.SECTION_ROWS

    # 3. The internal clients whose stakeholders refer.
    dashboard.section(row)
    p_client = book.pivot(
        "Referrals by Internal Client",
        "hr.stakeholder",
        builder.domain(REFERRERS),
        ["applicant_referral_count", "hired_referral_count"],
        ["internal_client_ids"],
        ("applicant_referral_count", "desc"),
    )
    book.pivot_table(
        dashboard,
        builder.LEFT,
        row,
        "Referrals by Internal Client (All Time)",
        p_client,
        ["Internal Client", "Referrals", "Hires"],
        ["2", "2"],
    )
    p_job = book.pivot(
        "Referrals by Job Position",
        REPORT,
        builder.domain(LAST_YEAR),
        ["referral_count", "hire_count"],
        ["job_id"],
        ("referral_count", "desc"),
    )
    book.pivot_table(
        dashboard,
        builder.RIGHT,
        row,
        "Referrals by Job Position (12 Months)",
        p_job,
        ["Job Position", "Referrals", "Hires"],
        ["2", "2"],
    )
    row += builder.SECTION_ROWS

    return book.json(
        [
            (dashboard, "referrals", "Dashboard", row + 1, True),
            (data, "data", "Data", len(kpis) + 1, False),
        ]
    )


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(builder.render(build()), encoding="utf-8")
    sys.stdout.write(f"Wrote {OUTPUT}\n")
