# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
from pathlib import Path

import polib

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools.translate import trans_export

MODULE = "hr_relationship"
# Python's %-style and %(name)s placeholders, QWeb/format-style {name}, and
# the HTML tags and attributes that a translation must keep as they are.
PLACEHOLDER = re.compile(
    r"%\([a-z_]+\)[sdfr]|%[sdf]|\{[a-z_0-9]*\}|</?[a-z]+|[a-z-]+=\"[^\"]*\""
)
# Words that read as translated rather than as an HR professional writes
# (patterns, matched at the start of a word) -> what nl.po says instead.
REJECTED_WORDS = {
    r"zorg(?:en)?\b": "signaal / signalen (a concern)",
    "kampioen": "pleitbezorger",
    "blokkeerder": "tegenstander",
    "macht-belang": "invloed-belangmatrix",
    "makelaar": "verbinder",
    "gecontacteerd": "gesproken",
    r"alumn(?:i|us)\b": "oud-medewerker(s)",
    "aan één lijn": "afhankelijk van één HR-contact",
    "sleutelpersoon": "kwetsbaar bij vertrek",
}
REJECTED = re.compile(r"(?<![\w-])(?:" + "|".join(REJECTED_WORDS) + ")", re.IGNORECASE)
# Attribute values that are text for the reader and so are translated.
TRANSLATED_ATTRIBUTES = ("aria-label", "title", "placeholder", "string")


def placeholders(text):
    found = []
    for token in PLACEHOLDER.findall(text):
        name = token.split("=", 1)[0]
        if "=" in token and name in TRANSLATED_ATTRIBUTES:
            token = name
        found.append(token)
    return sorted(found)


@tagged("post_install", "-at_install")
class TestDutchTranslation(TransactionCase):
    """The template is exported from the installed code in this very run, so a
    new string without a Dutch translation fails here rather than reaching a
    Dutch organisation in English. Each bridge runs the same checks on its
    own catalogue, with ``_module`` its name."""

    longMessage = False
    _module = MODULE
    # Odoo 19's test loader runs only the tests a class defines itself; the
    # bridges' subclasses define none, they inherit these.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root = Path(get_module_path(cls._module))
        i18n = cls.root / "i18n"
        module = cls.env["ir.module.module"].search([("name", "=", cls._module)])
        upstream = module.upstream_dependencies(exclude_states=("uninstallable",))
        cls._ours = {cls._module, *upstream.mapped("name")}
        buffer = io.BytesIO()
        trans_export(False, [cls._module], buffer, "po", cls.env)
        exported = polib.pofile(buffer.getvalue().decode())
        demo_ids = cls._demo_xml_ids()
        cls.template = {
            entry.msgid
            for entry in exported
            if entry.msgid
            and not cls._only_demo(entry, demo_ids)
            and not cls._only_others(entry)
        }
        # Both sides leave out the fields of modules this one does not depend
        # on (which of them are installed differs from database to database).
        cls.committed_template = {
            entry.msgid
            for entry in polib.pofile(str(i18n / f"{cls._module}.pot"))
            if not cls._only_others(entry)
        }
        cls.dutch = {entry.msgid: entry for entry in polib.pofile(str(i18n / "nl.po"))}

    @classmethod
    def _demo_xml_ids(cls):
        """External ids of the demo records, whose texts are examples rather
        than the product and are not part of the template."""
        manifest = cls.env["ir.module.module"].get_module_info(cls._module)
        ids = set()
        for demo_file in manifest.get("demo", []):
            text = (cls.root / demo_file).read_text(encoding="utf-8")
            ids.update(re.findall(r'<record[^>]*\bid="([\w.]+)"', text))
        return {
            xml_id if "." in xml_id else f"{cls._module}.{xml_id}" for xml_id in ids
        }

    @classmethod
    def _only_others(cls, entry):
        """Whether the entry only names fields that modules this one does not
        depend on add to its models (calendar's next-activity event on every
        model with activities, once calendar is installed): theirs to
        translate, and absent where they are not installed."""
        fields = []
        for source, _line in entry.occurrences:
            if not source.startswith("model:ir.model.fields,"):
                return False
            field = cls.env.ref(source.split(":", 2)[2], raise_if_not_found=False)
            if not field or field.model not in cls.env:
                return False
            fields.append(cls.env[field.model]._fields.get(field.name))
        return bool(fields) and all(
            field is not None and not cls._ours.intersection(field._modules or ())
            for field in fields
        )

    @staticmethod
    def _only_demo(entry, demo_ids):
        sources = [source for source, _line in entry.occurrences]
        records = [
            source.split(":", 2)[2]
            for source in sources
            if source.startswith("model:") and source.count(":") >= 2
        ]
        return (
            bool(sources)
            and len(records) == len(sources)
            and (set(records) <= demo_ids)
        )

    def test_committed_template_is_current(self):
        missing = sorted(self.template - self.committed_template)
        stale = sorted(self.committed_template - self.template)
        self.assertEqual(
            (missing, stale),
            ([], []),
            f"{self._module}/i18n/{self._module}.pot is out of date: run "
            "`python3 -m scripts.update_translations` "
            f"(missing: {missing[:10]}, no longer in the code: {stale[:10]}).",
        )

    def test_every_string_has_a_dutch_translation(self):
        untranslated = sorted(
            msgid
            for msgid in self.template
            if msgid not in self.dutch or not self.dutch[msgid].msgstr.strip()
        )
        self.assertEqual(
            untranslated,
            [],
            f"{len(untranslated)} strings have no Dutch translation in "
            f"{self._module}/i18n/nl.po, "
            f"for example: {untranslated[:10]}",
        )

    def test_translations_keep_their_placeholders(self):
        broken = [
            msgid
            for msgid, entry in self.dutch.items()
            if entry.msgstr and placeholders(msgid) != placeholders(entry.msgstr)
        ]
        self.assertEqual(broken, [], f"Placeholders differ in nl.po for: {broken[:10]}")

    def test_translations_use_hr_wording(self):
        """The Dutch an HR professional writes, in every catalogue the addon
        ships; field names inside the markup (hr_alumnus_...) are code."""
        found = []
        for path in sorted(self.root.glob("i18n*/nl.po")):
            for entry in polib.pofile(str(path)):
                text = re.sub(r"\b[a-z]+_[a-z_]+\b", "", entry.msgstr)
                found += [
                    (path.parent.name, match.group(), entry.msgstr[:60])
                    for match in REJECTED.finditer(text)
                ]
        self.assertEqual(
            found, [], f"Use {REJECTED_WORDS} in Dutch; found: {found[:10]}"
        )

    def test_placeholder_check_catches_a_lost_placeholder(self):
        self.assertNotEqual(
            placeholders("Campaign %(campaign)s has no participants."),
            placeholders("Campagne heeft geen deelnemers."),
        )
        self.assertEqual(
            placeholders('<i role="img" aria-label="Overdue"/>'),
            placeholders('<i role="img" aria-label="Achterstallig"/>'),
        )


@tagged("post_install", "-at_install")
class TestDutchTour(HttpCase):
    def test_dutch_user_sees_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["base", "web", MODULE], ["nl_NL"], overwrite=True
        )
        self.env.ref("base.user_admin").lang = "nl_NL"
        self.start_tour("/odoo", "hr_relationship_dutch_tour", login="admin")

    def test_dutch_phone_overview_counts_are_whole(self):
        """On a phone the Dutch card titles wrap, the counts stay whole."""
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["base", "web", MODULE], ["nl_NL"], overwrite=True
        )
        self.env.ref("base.user_admin").lang = "nl_NL"
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour(
            "/odoo/action-hr_relationship.hr_relationship_overview_action",
            "hr_relationship_overview_phone_tour",
            login="admin",
        )
