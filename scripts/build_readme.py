"""Assemble the README.rst of the core and of every bridge from the Markdown
fragments in its readme/, the way OCA addons present them. Needs pandoc
(Debian's `pandoc` package). Run from the repository root:

    python3 -m scripts.build_readme
"""

import ast
import re
import shutil
import subprocess
import sys

from scripts import harness

HEADER = """\
{rule}
{title}
{rule}

..
   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
   !! This file is assembled from the fragments in   !!
   !! readme/: change those, then this file.         !!
   !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

.. |badge1| image:: https://img.shields.io/badge/maturity-Alpha-red.png
    :target: https://odoo-community.org/page/development-status
    :alt: Alpha
.. |badge2| image:: https://img.shields.io/badge/licence-LGPL--3-blue.png
    :target: http://www.gnu.org/licenses/lgpl-3.0-standalone.html
    :alt: License: LGPL-3

|badge1| |badge2|

"""
# Only the core has screenshots (static/description/, tools/readme_screenshots.py).
PICTURES = """
.. image:: static/description/overview.png
   :alt: The overview

.. image:: static/description/relationship_map.png
   :alt: The relationship map

**Table of contents**

.. contents::
   :local:
"""
TRACKER = """Bug Tracker
===========

Bugs are tracked in the project's issue tracker. In case of trouble, please
check there if your issue has already been reported.
"""


def to_rst(markdown):
    result = subprocess.run(
        # A fragment's "##" heading is a subsection of the README's section
        # ("~", as the changelog's versions and the credits), not a section.
        [
            "pandoc",
            "--from=gfm",
            "--to=rst",
            "--columns=79",
            "--shift-heading-level-by=1",
        ],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() + "\n"


def section(title, body, underline="="):
    return f"{title}\n{underline * len(title)}\n\n{body}\n"


def changelog(markdown):
    """Each "## version" of HISTORY.md as a subsection with an anchor."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)[1:]
    out = []
    for version, body in zip(parts[::2], parts[1::2], strict=True):
        version = version.strip()
        anchor = re.sub(r"\D", "", version)
        out.append(f".. _{anchor}:\n\n{section(version, to_rst(body), '~')}")
    return "\n".join(out)


def build(addon):
    fragment = {
        path.stem: path.read_text(encoding="utf-8")
        for path in (addon / "readme").glob("*.md")
    }
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
    title = manifest["name"]
    text = HEADER.format(title=title, rule="=" * len(title))
    text += to_rst(fragment["DESCRIPTION"])
    text += (
        PICTURES
        if addon.name == harness.MODULE
        else "\n**Table of contents**\n\n.. contents::\n   :local:\n"
    )
    for name, heading in (("CONFIGURE", "Configuration"), ("USAGE", "Usage")):
        if name in fragment:
            text += "\n" + section(heading, to_rst(fragment[name]))
    if "HISTORY" in fragment:
        text += "\n" + section("Changelog", changelog(fragment["HISTORY"]))
    text += "\n" + TRACKER + "\n"
    text += section(
        "Credits",
        section("Authors", "- hr_relationship authors\n", "~")
        + "\n"
        + section("Contributors", to_rst(fragment["CONTRIBUTORS"]), "~"),
    )
    (addon / "README.rst").write_text(text.rstrip() + "\n", encoding="utf-8")


def main():
    if not shutil.which("pandoc"):
        sys.exit("pandoc is missing: apt-get install pandoc")
    for module in harness.MODULES:
        addon = harness.REPO / module
        if (addon / "readme").is_dir():
            build(addon)


if __name__ == "__main__":
    main()
