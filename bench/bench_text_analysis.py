#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the quality and speed of the local text analysis.

Run by hand, not by CI, from the repository root:

    python3 -m bench.bench_text_analysis [--texts 10000] [--show-errors]

It reads two labelled sets of HR sentences in Dutch and English, in the same
format (lang, label, due, text), and runs hr_relationship/tools/text_analysis.py
on them without Odoo or a database, against the fixed reference date below.
``due`` is empty when the sentence holds no commitment, ``nodate`` for one
without a due date and ``+Nd`` for one due N days after the reference date.

* bench/data/text_analysis_devset.tsv, the development set: the sentences the
  lexicon and the commitment patterns were built and tuned on. Its figures
  say what the engine does on what it has seen, so they are optimistic.
* bench/data/text_analysis_heldout.tsv, the held-out set: sentences written
  and labelled afterwards by someone else, in other words (interaction notes
  and survey answers, negation, intensifiers, compounds, promises with and
  without due dates, dates in sentences that promise nothing), before the
  engine was run on them. Held-out means that nobody changes the engine or
  its lexicon to fit these sentences: its figures are the honest estimate
  of the quality on text the engine has not seen. A fix that the held-out
  set shows to be needed is made from new development sentences; once the
  held-out set has been used to tune, it is development data and a new
  held-out set has to be written.

It prints, for each set side by side:

* the macro-F1 of the labels positive, neutral and negative (and each F1);
* the language detected right;
* commitment precision and recall, a commitment counting as found only with
  its due date right;

each with its target, and the time to analyse ``--texts`` texts (both sets
over and over, with the lexicons loaded and the word cache cleared inside
the measure) against its limit.
"""

import argparse
import csv
import importlib.util
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "development": REPO / "bench" / "data" / "text_analysis_devset.tsv",
    "held-out": REPO / "bench" / "data" / "text_analysis_heldout.tsv",
}
ENGINE = REPO / "hr_relationship" / "tools" / "text_analysis.py"
# A Wednesday in December: "uiterlijk 15 januari" falls in the next year.
REFERENCE = date(2026, 12, 9)
LABELS = ("positive", "neutral", "negative")
TARGET_F1 = 0.80
TARGET_COMMITMENTS = 0.85
LIMIT_SECONDS = 10.0


def engine():
    """The engine as a plain module: importing the addon would need Odoo."""
    spec = importlib.util.spec_from_file_location("text_analysis", ENGINE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_set(path):
    with path.open(encoding="utf-8", newline="") as table:
        return list(csv.DictReader(table, delimiter="\t", quoting=csv.QUOTE_NONE))


def expected_due(spec):
    """None (no commitment), False (no due date) or the ISO due date."""
    if not spec:
        return None
    if spec == "nodate":
        return False
    return (REFERENCE + timedelta(days=int(spec.strip("+d")))).isoformat()


def macro_f1(pairs):
    scores = {}
    for label in LABELS:
        tp = sum(1 for gold, got in pairs if gold == label and got == label)
        fp = sum(1 for gold, got in pairs if gold != label and got == label)
        fn = sum(1 for gold, got in pairs if gold == label and got != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[label] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    return sum(scores.values()) / len(scores), scores


def ratio(value, target, higher_is_better=True):
    share = value / target if higher_is_better else target / value
    verdict = "ok" if share >= 1 else "BELOW TARGET"
    return f"{share:.2f}x the target ({verdict})"


def evaluate(analysis, rows, show_errors=False):
    """The quality figures of ``rows``, and the errors printed on request."""
    pairs, found, expected, right, languages = [], 0, 0, 0, 0
    for row in rows:
        result = analysis.analyse(row["text"], None, REFERENCE)
        pairs.append((row["label"], result["label"]))
        languages += result["language"] == row["lang"]
        gold = expected_due(row["due"])
        got = result["commitments"][0]["due_date"] if result["commitments"] else None
        found += got is not None
        expected += gold is not None
        right += gold is not None and got is not None and gold == got
        wrong_label = row["label"] != result["label"]
        wrong_lang = row["lang"] != result["language"]
        if show_errors and (wrong_label or wrong_lang or gold != got):
            print(
                f"  {row['lang']}/{result['language']} {row['label']}/"
                f"{result['label']} due {gold}/{got}: {row['text']}"
            )
    f1, by_label = macro_f1(pairs)
    return {
        "texts": len(rows),
        "commitments": expected,
        "languages": languages,
        "f1": f1,
        "by_label": by_label,
        "precision": right / found if found else 0.0,
        "recall": right / expected if expected else 0.0,
        "right": right,
        "found": found,
    }


def print_side_by_side(results):
    """One line a figure, one column a set."""
    names = list(results)
    width = 24

    def line(title, cell, target=None):
        cells = "".join(f"{cell(results[name]):>{width}}" for name in names)
        print(f"{title:<26}{cells}{f'   target {target}' if target else ''}")

    print(f"{'':<26}" + "".join(f"{name:>{width}}" for name in names))
    line("texts", lambda r: str(r["texts"]))
    line("commitments", lambda r: str(r["commitments"]))
    line(
        "language detected right",
        lambda r: f"{r['languages']}/{r['texts']} ({r['languages'] / r['texts']:.3f})",
    )
    line("sentiment macro-F1", lambda r: f"{r['f1']:.3f}", TARGET_F1)
    for label in LABELS:
        line(f"  F1 {label}", lambda r, label=label: f"{r['by_label'][label]:.3f}")
    line(
        "commitment precision",
        lambda r: f"{r['precision']:.3f} ({r['right']}/{r['found']})",
        TARGET_COMMITMENTS,
    )
    line(
        "commitment recall",
        lambda r: f"{r['recall']:.3f} ({r['right']}/{r['commitments']})",
        TARGET_COMMITMENTS,
    )
    for name in names:
        result = results[name]
        print(
            f"{name}: macro-F1 {ratio(result['f1'], TARGET_F1)}; "
            f"precision {ratio(result['precision'], TARGET_COMMITMENTS)}; "
            f"recall {ratio(result['recall'], TARGET_COMMITMENTS)}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--show-errors", action="store_true")
    options = parser.parse_args()
    analysis = engine()
    sets = {name: read_set(path) for name, path in SETS.items()}

    results = {}
    for name, rows in sets.items():
        if options.show_errors:
            print(f"errors on the {name} set (language, label and due: gold/got):")
        results[name] = evaluate(analysis, rows, options.show_errors)
    print(f"reference date {REFERENCE}")
    print_side_by_side(results)

    every_row = [row for rows in sets.values() for row in rows]
    texts = [every_row[n % len(every_row)]["text"] for n in range(options.texts)]
    start = time.perf_counter()
    analysis.lexicon.cache_clear()
    analysis._phrases.cache_clear()
    analysis.word_polarity.cache_clear()
    for text in texts:
        analysis.analyse(text, None, REFERENCE)
    seconds = time.perf_counter() - start
    print(
        f"speed: {len(texts)} texts of both sets analysed in {seconds:.2f} s "
        f"({len(texts) / seconds:.0f} a second), limit {LIMIT_SECONDS:.0f} s: "
        f"{ratio(seconds, LIMIT_SECONDS, higher_is_better=False)}"
    )


if __name__ == "__main__":
    main()
