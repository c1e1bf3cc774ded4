#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the quality and speed of the local text analysis.

Run by hand, not by CI, from the repository root:

    python3 -m bench.bench_text_analysis [--texts 10000]

It reads bench/data/text_analysis_devset.tsv (lang, label, due, text: a
labelled development set of HR sentences in Dutch and English) and runs
hr_relationship/tools/text_analysis.py on it without Odoo or a database,
against the fixed reference date below. ``due`` is empty when the sentence
holds no commitment, ``nodate`` for one without a due date and ``+Nd`` for
one due N days after the reference date. It prints:

* the macro-F1 of the labels positive, neutral and negative (and each F1);
* commitment precision and recall, a commitment counting as found only with
  its due date right;
* the time to analyse ``--texts`` texts (the set over and over, with the
  lexicons loaded and the word cache cleared inside the measure);

each with its target and its ratio to it.
"""

import argparse
import csv
import importlib.util
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "bench" / "data" / "text_analysis_devset.tsv"
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


def devset():
    with DEVSET.open(encoding="utf-8", newline="") as table:
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--show-errors", action="store_true")
    options = parser.parse_args()
    analysis = engine()
    rows = devset()

    pairs, found, expected, right = [], 0, 0, 0
    for row in rows:
        result = analysis.analyse(row["text"], None, REFERENCE)
        pairs.append((row["label"], result["label"]))
        gold = expected_due(row["due"])
        got = result["commitments"][0]["due_date"] if result["commitments"] else None
        found += got is not None
        expected += gold is not None
        hit = gold is not None and got is not None and gold == got
        right += hit
        wrong_label = row["label"] != result["label"]
        wrong_lang = row["lang"] != result["language"]
        if options.show_errors and (wrong_label or wrong_lang or gold != got):
            print(
                f"  {row['lang']}/{result['language']} {row['label']}/"
                f"{result['label']} due {gold}/{got}: {row['text']}"
            )
    f1, by_label = macro_f1(pairs)
    languages = sum(
        1
        for row in rows
        if analysis.analyse(row["text"], None, REFERENCE)["language"] == row["lang"]
    )
    precision = right / found if found else 0.0
    recall = right / expected if expected else 0.0
    print(
        f"development set: {len(rows)} texts, {expected} commitments, "
        f"reference date {REFERENCE}"
    )
    print(f"language detected right: {languages}/{len(rows)}")
    print(
        f"sentiment macro-F1: {f1:.3f} "
        f"({', '.join(f'{k} {v:.3f}' for k, v in by_label.items())}), "
        f"target {TARGET_F1}: {ratio(f1, TARGET_F1)}"
    )
    print(
        f"commitment precision: {precision:.3f} ({right}/{found}), "
        f"target {TARGET_COMMITMENTS}: {ratio(precision, TARGET_COMMITMENTS)}"
    )
    print(
        f"commitment recall: {recall:.3f} ({right}/{expected}), "
        f"target {TARGET_COMMITMENTS}: {ratio(recall, TARGET_COMMITMENTS)}"
    )

    texts = [rows[n % len(rows)]["text"] for n in range(options.texts)]
    start = time.perf_counter()
    analysis.lexicon.cache_clear()
    analysis._phrases.cache_clear()
    analysis.word_polarity.cache_clear()
    for text in texts:
        analysis.analyse(text, None, REFERENCE)
    seconds = time.perf_counter() - start
    print(
        f"{len(texts)} texts analysed in {seconds:.2f} s "
        f"({len(texts) / seconds:.0f} a second), limit {LIMIT_SECONDS:.0f} s: "
        f"{ratio(seconds, LIMIT_SECONDS, higher_is_better=False)}"
    )


if __name__ == "__main__":
    main()
