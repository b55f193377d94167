"""Benchmark: duplicate-paragraph (and the other layout-debris rules) on a 20,000-paragraph document.

The rule indexes word shingles so that only candidate pairs are compared in full; this shows the
cost stays near-linear. Run:  python bench/duplicates.py [--paragraphs 20000] [--all-debris]
Not part of the test suite (timings vary by machine).
"""

from __future__ import annotations

import argparse
import random
import time

from mtlint.engine.config import Config
from mtlint.engine.ruleset import build_rules
from mtlint.engine.runner import run_rules
from mtlint.text.document import Document

WORDS = (
    "the council harbour minister said on monday that new rail line would open before winter storms "
    "prices rose fell market bank government election count observers ballots road bridge school "
    "farmers floods river port ships workers union wages deal strike talks week year month report "
    "officials police court judge ruling appeal budget tax deficit growth exports energy oil gas"
).split()


def make_document(paragraphs: int, seed: int = 7) -> tuple[str, int]:
    """Random prose paragraphs, with one in every 500 repeated later (exactly or with one word changed)."""
    rng = random.Random(seed)
    paras: list[str] = []
    planted = 0
    for i in range(paragraphs):
        if i > 1000 and i % 500 == 0:
            copy = paras[rng.randrange(i - 1000, i)].split()
            if i % 1000 == 0:
                copy[rng.randrange(len(copy))] = rng.choice(WORDS)
            paras.append(" ".join(copy))
            planted += 1
            continue
        n = rng.randint(12, 45)
        words = [rng.choice(WORDS) for _ in range(n)]
        paras.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(paras) + "\n", planted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=20_000)
    ap.add_argument("--all-debris", action="store_true", help="run MT101-MT103, not only duplicate-paragraph")
    args = ap.parse_args()
    text, planted = make_document(args.paragraphs)
    select = ("MT1",) if args.all_debris else ("duplicate-paragraph",)
    rules = build_rules(Config(select=select)).rules
    t0 = time.perf_counter()
    doc = Document(text, "bench.txt")
    blocks = len(doc.blocks)
    t1 = time.perf_counter()
    findings = run_rules(doc, rules).findings
    t2 = time.perf_counter()
    dup = sum(f.code == "MT103" for f in findings)
    print(f"{blocks} paragraphs ({len(text) / 1e6:.1f} MB), {planted} planted copies, {dup} duplicates found")
    print(f"document model {t1 - t0:.2f}s, rules ({', '.join(select)}) {t2 - t1:.2f}s")


if __name__ == "__main__":
    main()
