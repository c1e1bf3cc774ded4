# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def check_x2many_field_access(model, domain):
    """Refuse a search on a group-restricted one2many or many2many field of
    ``model`` to users outside its groups.

    Odoo checks field groups when a domain reads a column, but turns x2many
    leaves into subqueries without that check, so searching on them would
    tell anyone which records are linked to a relationship."""
    if model.env.su or not domain:
        return
    names = {
        leaf[0].split(".", 1)[0]
        for leaf in domain
        if isinstance(leaf, (list, tuple)) and leaf and isinstance(leaf[0], str)
    }
    restricted = [
        name
        for name in names
        if (field := model._fields.get(name))
        and field.type in ("one2many", "many2many")
        and field.groups
    ]
    if restricted:
        model.check_field_access_rights("read", restricted)
