"""Export hr_relationship's translation template from the code and merge it
into the Dutch translation: new strings arrive in i18n/nl.po untranslated (the
addon's translation test fails until they are translated), strings gone from
the code leave it. Run from the repository root:

    python3 scripts/update_translations.py

It installs the addon without demo data in a throw-away database, so that the
template holds the product's strings and not the demo's examples."""

import os
import subprocess
import sys

import harness

I18N = harness.REPO / harness.MODULE / "i18n"


def merge(pot_path, po_path):
    import polib

    template = polib.pofile(str(pot_path))
    translation = polib.pofile(str(po_path))
    translation.merge(template)
    # polib keeps vanished strings as obsolete entries; the code no longer has them.
    for entry in translation.obsolete_entries():
        translation.remove(entry)
    translation.save(str(po_path))
    return [entry.msgid for entry in translation.untranslated_entries()]


def main():
    odoo = harness.check_odoo()
    harness.ensure_postgres()
    db = f"{harness.MODULE}_i18n_{os.getpid()}"
    pot_path = I18N / f"{harness.MODULE}.pot"
    try:
        # Odoo exports from an existing database only: install, then export.
        for step in (
            ["-i", harness.MODULE, "--without-demo=all", "--stop-after-init"],
            [f"--i18n-export={pot_path}", f"--modules={harness.MODULE}"],
        ):
            command = harness.odoo_cmd(odoo, db, *step, "--no-http", "--log-level=warn")
            if rc := subprocess.call(command):
                harness.die(f"Exporting the translation template failed (exit {rc}).")
    finally:
        harness.drop_db(db)
    untranslated = merge(pot_path, I18N / "nl.po")
    print(f"Wrote {pot_path.name}; nl.po has {len(untranslated)} untranslated strings.")
    for msgid in untranslated:
        print(f"  {msgid!r}")


if __name__ == "__main__":
    sys.exit(main())
