"""Throughput of the encoding, untranslated-text and calque rules (MT401-MT403, MT601), alone and together.

    python bench/encoding.py [--mb 2] [--repeat 3]

Uses the documents of bench/rules_throughput.py (fixture articles and case-file texts, deterministic).
Language identification of MT403 runs only if the optional `lang` extra (lingua) is installed; its
one-off model load shows in the warm-up column. Not part of the test suite (timings vary by machine).
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules_throughput import build_documents, run  # noqa: E402

RULES = ("MT401", "MT402", "MT403", "MT601")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of the text in MB (default 2)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = build_documents(args.mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"{len(docs)} documents, {size:.2f} MB, built from fixtures/; {args.repeat} repeats")
    print(f"{'scenario':34} {'MB/s':>7} {'min':>7} {'max':>7} {'findings':>9} {'warm-up s':>9}")
    scenarios = [(code, (code,)) for code in RULES] + [("MT401-MT403 + MT601 together", RULES)]
    for label, select in scenarios:
        speeds, found, warmup = run(select, docs, args.repeat)
        print(f"{label:34} {statistics.median(speeds):7.2f} {min(speeds):7.2f} {max(speeds):7.2f} "
              f"{found:9d} {warmup:9.3f}")


if __name__ == "__main__":
    main()
