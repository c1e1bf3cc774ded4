"""Assemble hr_relationship/README.rst from the Markdown fragments in
hr_relationship/readme/, the way OCA addons present them. Needs pandoc
(Debian's `pandoc` package). Run from the repository root:

    python3 scripts/build_readme.py
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ADDON = Path(__file__).resolve().parent.parent / "hr_relationship"
HEADER = """\
==========================
HR Relationship Management
==========================

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
        ["pandoc", "--from=gfm", "--to=rst", "--columns=79"],
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


def main():
    if not shutil.which("pandoc"):
        sys.exit("pandoc is missing: apt-get install pandoc")
    fragment = {
        path.stem: path.read_text(encoding="utf-8")
        for path in (ADDON / "readme").glob("*.md")
    }
    text = (
        HEADER
        + to_rst(fragment["DESCRIPTION"])
        + PICTURES
        + "\n"
        + section("Configuration", to_rst(fragment["CONFIGURE"]))
        + "\n"
        + section("Usage", to_rst(fragment["USAGE"]))
        + "\n"
        + section("Changelog", changelog(fragment["HISTORY"]))
        + "\n"
        + TRACKER
        + "\n"
        + section(
            "Credits",
            section("Authors", "- hr_relationship authors\n", "~")
            + "\n"
            + section("Contributors", to_rst(fragment["CONTRIBUTORS"]), "~"),
        )
    )
    (ADDON / "README.rst").write_text(text.rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
