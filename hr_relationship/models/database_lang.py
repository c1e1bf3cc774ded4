# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def database_lang(env):
    """The language texts that the addon writes into records are written in:
    the acting user's, else (module install, scheduled jobs, where Odoo knows
    no user language) the database's, the default language of new contacts
    that Odoo sets when the database is created with a language."""
    return (
        env.lang
        or env["ir.default"].sudo()._get("res.partner", "lang")
        or env.company.partner_id.lang
        or "en_US"
    )
