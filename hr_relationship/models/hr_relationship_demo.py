# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from contextlib import suppress

from markupsafe import Markup

from odoo import api, models
from odoo.tools import file_path
from odoo.tools.translate import PoFileReader

from .database_lang import database_lang

MODULE = "hr_relationship"
# The addon's records whose chatter opens with Odoo's "... created" line.
LOGGED_MODELS = (
    "hr.internal.client",
    "hr.stakeholder",
    "hr.project.stakeholder",
    "hr.relationship.interaction",
    "hr.relationship.concern",
    "hr.satisfaction.survey",
    "survey.user_input",
)

# How mail.thread wraps that line, without and with a creation subtype.
CREATION_BODIES = (
    Markup("<p>%s</p>"),
    Markup('<div summary="o_mail_notification"><p>%s</p></div>'),
)


class HrRelationshipDemo(models.AbstractModel):
    """The demo data in the database's language.

    Translatable fields of the demo records (campaign and project names) are
    translated by Odoo itself from ``i18n_extra/<lang>.po``. The other texts
    of the demo are what users would type (needs, subjects, notes), so they
    have one value, which the demo writes in the database's language from the
    same file. The chatter lines written while the demo loads, when Odoo
    knows no user language, are written again in that language."""

    _name = "hr.relationship.demo"
    _description = "HR Relationship Demo Data"

    @api.model
    def _lang(self):
        """The database's language, when it is not English."""
        lang = database_lang(self.env)
        if lang != "en_US" and self.env["res.lang"]._lang_get(lang):
            return lang
        return None

    @api.model
    def _load_terms(self):
        """Odoo loads the addon's terms (model names, mail templates) only
        after its demo data, which writes chatter lines and mails with them:
        load them first."""
        if lang := self._lang():
            self.env["ir.module.module"]._load_module_terms([MODULE], [lang])

    @api.model
    def _localise(self):
        lang = self._lang()
        if not lang:
            return
        # Again: the model names loaded with the terms do not last through
        # the install (the chatter lines below name the models).
        self._load_terms()
        env = self.with_context(lang=lang).env
        self._localise_texts(env, lang)
        self._localise_creation_messages(env)

    @api.model
    def _demo_translations(self, lang):
        """{(model, field): {xmlid: (english, translation)}} of the
        non-translatable fields in the addon's extra catalogue."""
        texts = defaultdict(dict)
        for name in dict.fromkeys([lang.split("_")[0], lang]):
            with suppress(FileNotFoundError):
                path = file_path(f"{MODULE}/i18n_extra/{name}.po")
                for row in PoFileReader(path):
                    if row.get("type") != "model" or not row["value"]:
                        continue
                    model, field = row["name"].split(",")
                    definition = self.env[model]._fields.get(field)
                    # Stored, or written through (the stakeholder's profile).
                    writable = definition and (definition.store or definition.inverse)
                    if writable and not definition.translate:
                        xmlid = f"{row['module']}.{row['imd_name']}"
                        texts[model, field][xmlid] = (row["src"], row["value"])
        return texts

    @api.model
    def _localise_texts(self, env, lang):
        Data = env["ir.model.data"].sudo()
        for (model, field), by_xmlid in self._demo_translations(lang).items():
            names = {xmlid.split(".", 1)[1]: xmlid for xmlid in by_xmlid}
            rows = Data.search_read(
                [("module", "=", MODULE), ("model", "=", model)]
                + [("name", "in", list(names))],
                ["name", "res_id"],
            )
            records = env[model].sudo().browse([row["res_id"] for row in rows])
            xmlid_of = {row["res_id"]: names[row["name"]] for row in rows}
            # One write per text: the interactions share a few summaries.
            by_text = defaultdict(list)
            for record in records:
                english, translation = by_xmlid[xmlid_of[record.id]]
                # A text someone changed since the install stays theirs.
                if str(record[field] or "").strip() == english.strip():
                    by_text[translation].append(record.id)
            for translation, ids in by_text.items():
                records.browse(ids).with_context(mail_notrack=True).write(
                    {field: translation}
                )

    @api.model
    def _localise_creation_messages(self, env):
        Message = env["mail.message"].sudo()
        for model in LOGGED_MODELS:
            record = env[model].new()
            english = record.with_context(lang="en_US")._creation_message()
            translated = record._creation_message()
            if english == translated:
                continue
            for wrap in CREATION_BODIES:
                Message.search(
                    [("model", "=", model), ("body", "=", wrap % english)]
                ).write({"body": wrap % translated})
