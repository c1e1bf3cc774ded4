#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: recruitment steps recorded as interactions, set-based.

Run by hand, not by CI:

    python3 -m bench.bench_recruitment_steps [--db NAME] [--sizes 10,100,1000]

It installs or updates hr_relationship_recruitment in database NAME, then for each size
makes that many applications, each kept as a candidate stakeholder (linked to
the application: Odoo 19.0 has no separate candidate), and times and counts
the SQL queries of moving all applications to the next stage in one write
(which records one interaction per application), and of reading the Alumni
filter of Recruitment. Everything it makes is rolled back.
"""

import argparse

from bench.benchlib import environment, measure, prepare


def setup(env, size, tag):
    company = env.company
    job = env["hr.job"].create({"name": f"{tag} job"})
    stages = env["hr.recruitment.stage"].create(
        [
            {"name": f"{tag} new", "sequence": 1, "job_ids": [(4, job.id)]},
            {"name": f"{tag} next", "sequence": 2, "job_ids": [(4, job.id)]},
        ]
    )
    partners = env["res.partner"].create(
        [{"name": f"{tag} {n}", "email": f"{tag}.{n}@example.com"} for n in range(size)]
    )
    applicants = env["hr.applicant"].create(
        [
            {
                "partner_name": p.name,
                "partner_id": p.id,
                "company_id": company.id,
                "job_id": job.id,
                "stage_id": stages[0].id,
            }
            for p in partners
        ]
    )
    stakeholders = env["hr.stakeholder"].create(
        [
            {"partner_id": p.id, "relation_type": "candidate", "company_id": company.id}
            for p in partners
        ]
    )
    for stakeholder, applicant in zip(stakeholders, applicants, strict=True):
        stakeholder.applicant_id = applicant
    return applicants, stages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="hrr_bench_recruitment")
    parser.add_argument("--sizes", default="10,100,1000")
    args = parser.parse_args()
    prepare(args.db, module="hr_relationship_recruitment")
    for size in [int(s) for s in args.sizes.split(",")]:
        with environment(args.db) as env:
            applicants, (first_stage, next_stage) = setup(env, size, f"bench{size}")
            result = measure(
                env,
                f"stage change of {size} applications",
                lambda a=applicants, s=next_stage: (
                    a.write({"stage_id": s.id}) and f"{len(a)} steps"
                ),
            )
            print(f"  per application: {result.ms / size:.2f} ms")
            # The addon's own part: recording the steps, without
            # Recruitment's write around it.
            before = {a.id: (first_stage, a.refuse_reason_id) for a in applicants}
            measure(
                env,
                f"  of which recording {size} steps",
                lambda a=applicants, b=before: (
                    f"{len(a._hr_record_recruitment_steps(b))} steps"
                ),
            )
            measure(
                env,
                "Alumni filter on applicants",
                lambda e=env: (
                    f"{e['hr.applicant'].search_count([('hr_is_alumnus', '=', True)])}"
                    " alumni"
                ),
            )
            env.cr.rollback()


if __name__ == "__main__":
    main()
