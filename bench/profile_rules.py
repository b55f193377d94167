"""Time each default rule on its own: `python bench/profile_rules.py [--articles N] [--long]`.

Builds the benchmark corpus (bench/corpus.py), parses every document once, then runs each rule over
all of them and prints CPU milliseconds per document (process time, so other load on the machine
does not count) and the share of the total, slowest first. Use it to
find the rule that makes the default set slow (then profile that rule with cProfile or pyinstrument).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

from mtlint.engine.config import Config  # noqa: E402
from mtlint.engine.ruleset import build_rules  # noqa: E402
from mtlint.io.source import read_document  # noqa: E402
from mtlint.run.evidence import CorpusStats  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--long", action="store_true", help="time the 20,000-paragraph document instead")
    args = ap.parse_args()
    out = HERE / "out"
    if args.long:
        path = out / "long-20000.txt"
        corpus.build_long(path)
        paths = [path]
    else:
        folder = out / "corpus-1000"
        corpus.build_files(folder, 1000)
        paths = sorted(folder.glob("*.txt"))[: args.articles]
    t0 = time.process_time()
    ruleset = build_rules(Config())
    print(f"build_rules: {time.process_time() - t0:.2f}s", file=sys.stderr)
    docs = [read_document(str(p)) for p in paths]
    stats = CorpusStats.of_documents(docs)
    from dataclasses import replace

    docs = [replace(d, corpus=stats) for d in docs]
    t0 = time.process_time()
    for d in docs:  # the shared structure, timed apart from the rules
        d.blocks, d.sentences  # noqa: B018
    structure = time.process_time() - t0
    times = []
    for rule in ruleset.rules:
        t0 = time.process_time()
        for d in docs:
            try:
                list(rule.check(d))
            except Exception as exc:
                print(f"{rule.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                break
        times.append((time.process_time() - t0, rule))
    total = sum(t for t, _ in times) + structure
    print("| rule | ms per document | share |\n|---|---:|---:|")
    print(f"| (document structure: blocks, sentences) | {structure / len(docs) * 1000:.2f} | {structure / total:.0%} |")
    for t, rule in sorted(times, key=lambda x: -x[0]):
        print(f"| {rule.code} {rule.name} | {t / len(docs) * 1000:.2f} | {t / total:.0%} |")
    print(f"\n{len(docs)} documents, {total:.2f}s in all ({total / len(docs) * 1000:.1f} ms per document)")


if __name__ == "__main__":
    main()
