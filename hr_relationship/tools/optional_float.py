# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields


class OptionalFloat(fields.Float):
    """A figure that may be unknown: no answer behind it, withheld for
    anonymity, or read by a user who may not see it.

    Odoo's Float reads an empty value as 0.0, which is a figure (an NPS of 0,
    a satisfaction of 0): a user would take a figure they may not see for a
    real zero. This one stays False (NULL in its column), which the web
    client shows blank and an export leaves empty. A real 0.0 stays 0.0.
    """

    def convert_to_column(self, value, record, values=None, validate=True):
        if value is False or value is None:
            return None
        return super().convert_to_column(value, record, values, validate)

    def convert_to_cache(self, value, record, validate=True):
        if value is False or value is None:
            return None
        return super().convert_to_cache(value, record, validate)

    def convert_to_record(self, value, record):
        return False if value is None else value

    def convert_to_export(self, value, record):
        return "" if value is False else super().convert_to_export(value, record)
