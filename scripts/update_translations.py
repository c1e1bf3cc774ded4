"""Export the translation template of the core and of every bridge from the
code and merge it into each module's Dutch translation: new strings arrive in
i18n/nl.po untranslated (the modules' translation tests fail until they are
translated), strings gone from the code leave it. Run from the repository
root:

    python3 -m scripts.update_translations

It installs the modules without demo data in throw-away databases (the core
alone for the core's template), so that each template holds its module's
strings and not the demo's examples."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import harness


def merge(pot_path, po_path):
    import polib

    template = polib.pofile(str(pot_path))
    if not po_path.exists():
        template.metadata["Language"] = "nl"
        template.save(str(po_path))
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
    modules = harness.MODULES
    for module in modules:
        i18n_dir(module).mkdir(exist_ok=True)
    # The core's template comes from a database with the core alone: with
    # the bridges' apps installed, their fields on the core's models (such as
    # calendar's next-activity event) would be exported as the core's.
    export(odoo, [harness.MODULE], [harness.MODULE])
    export(odoo, modules, harness.BRIDGES)
    for module in modules:
        untranslated = merge(
            i18n_dir(module) / f"{module}.pot", i18n_dir(module) / "nl.po"
        )
        print(f"{module}: nl.po has {len(untranslated)} untranslated strings.")
        for msgid in untranslated:
            print(f"  {msgid!r}")


def export(odoo, installed, exported):
    """Install `installed` without demo data in a throw-away database and
    export the template of each module of `exported` into its i18n/."""
    db = f"{harness.MODULE}_i18n_{os.getpid()}"
    try:
        # Odoo exports from an existing database only: install, then export.
        # 19.0 loads no demo data unless asked (--with-demo).
        install = harness.odoo_cmd(
            odoo,
            db,
            "-i",
            ",".join(installed),
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
        )
        if rc := subprocess.call(install):
            harness.die(f"Installing {', '.join(installed)} failed (exit {rc}).")
        # `odoo i18n export` reads its connection and addons path from a
        # configuration file only (it takes -c and -d); without -o it writes
        # each module's template to MODULE/i18n/MODULE.pot.
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "odoo.conf"
            config.write_text(odoo_config(odoo), encoding="utf-8")
            command = [sys.executable, "-m", "odoo", "i18n", "export"]
            command += ["-c", str(config), "-d", db, *exported]
            if rc := subprocess.call(command):
                harness.die(f"Exporting the translation templates failed (exit {rc}).")
    finally:
        harness.drop_db(db)


def odoo_config(odoo):
    """harness.odoo_options() as an Odoo configuration file."""
    lines = ["[options]", "log_level = warn"]
    for option in harness.odoo_options(odoo):
        name, _sep, value = option.removeprefix("--").partition("=")
        lines.append(f"{name.replace('-', '_')} = {value}")
    return "\n".join(lines) + "\n"


def i18n_dir(module):
    return harness.REPO / module / "i18n"


if __name__ == "__main__":
    sys.exit(main())
