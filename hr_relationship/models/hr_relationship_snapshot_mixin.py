# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL


def monthly_unique(target, message):
    """The constraint giving ``target`` one snapshot a month."""
    return models.Constraint(f"UNIQUE({target}, month)", message)


class HrRelationshipSnapshotMixin(models.AbstractModel):
    """One row a month of figures of one record (a stakeholder, a project, a
    portfolio...), so that graphs show a course: a plain history row, kept
    up to date by a daily job that upserts this month's rows in one
    statement (_snapshot_upsert_sql)."""

    _name = "hr.relationship.snapshot.mixin"
    _description = "HR Relationship Monthly Snapshot"
    _order = "month desc, id"
    # The fields of the record a row measures; the first one set names the
    # row "<record> <month>". None: the row keeps Odoo's default name. A
    # model of one target declares its monthly rule (monthly_unique); one of
    # several targets (a row measures one of several kinds of record) has a
    # partial unique index per target instead, which the upsert names.
    _snapshot_targets = ()

    month = fields.Date(
        required=True, readonly=True, help="First day of the month measured."
    )
    company_id = fields.Many2one("res.company", required=True, index=True)

    @api.depends(lambda self: (*self._snapshot_targets, "month"))
    def _compute_display_name(self):
        if not self._snapshot_targets:
            return super()._compute_display_name()
        for snapshot in self:
            targets = [snapshot[fname] for fname in self._snapshot_targets]
            target = next(filter(None, targets), targets[-1])
            month = snapshot.month.strftime("%Y-%m") if snapshot.month else ""
            snapshot.display_name = f"{target.display_name} {month}".strip()

    @api.model
    def _snapshot_month(self, day=None):
        """The first day of the month of ``day`` (default: today), which a
        snapshot is filed under."""
        return (day or fields.Date.context_today(self)).replace(day=1)

    @api.model
    def _snapshot_upsert_sql(self, key, month, columns, rows, updated, now=None):
        """The statement that files ``rows`` under ``month``: a query giving
        ``key`` (the field of the record measured) and then ``columns``, one
        row per record. A record that already has its row that month gets
        ``updated`` and the writer of the row instead. ``now`` (default: the
        transaction's time) stamps the rows. The conflict is the monthly
        rule on ``key``: its unique constraint, or its partial unique index
        on a model of several targets."""
        key_sql = SQL.identifier(key)
        partial = (
            SQL("WHERE %s IS NOT NULL", key_sql)
            if len(self._snapshot_targets) > 1
            else SQL()
        )
        return SQL(
            """
            INSERT INTO %(table)s (%(key)s, %(columns)s, month,
                                   create_uid, create_date, write_uid, write_date)
            SELECT snapshot.*, %(month)s, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM (%(rows)s) snapshot
            ON CONFLICT (%(key)s, month) %(partial)s
            DO UPDATE SET %(updated)s,
                          write_uid = EXCLUDED.write_uid,
                          write_date = EXCLUDED.write_date
            """,
            table=SQL.identifier(self._table),
            key=key_sql,
            columns=SQL(", ").join(map(SQL.identifier, columns)),
            month=month,
            uid=self.env.uid,
            now=SQL("NOW() AT TIME ZONE 'UTC'") if now is None else now,
            rows=rows,
            partial=partial,
            updated=SQL(", ").join(
                SQL("%s = EXCLUDED.%s", SQL.identifier(column), SQL.identifier(column))
                for column in updated
            ),
        )
