"""Cost of untranslated-script's Latin-script path: first-use load time, and time per article.

    python bench/latin_untranslated.py DIR [--repeat 7]

DIR holds plain-text articles (*.txt; e.g. the development corpus). Each article's Document is built and
its blocks computed before timing, so the figure is the path's own cost. Each article is run `--repeat`
times and its cost is the fastest run (a shared machine makes slower runs measure other processes); the
first pass, with cold word caches, is reported apart. The load time is measured in a fresh interpreter.
Not part of the test suite (timings vary by machine).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from mtlint.rules.encoding import latin_runs
from mtlint.text.document import Document

_LOAD = """
import time
t0 = time.perf_counter()
import mtlint.rules
t1 = time.perf_counter()
from mtlint.rules.encoding import latin_data, latin_runs
latin_data.foreign_entry("que"); latin_data.english_gap("the"); latin_data.char_margin("casa")
latin_data.lookalikes(); latin_data.word_lists()
t2 = time.perf_counter()
print(f"rules package import {1000 * (t1 - t0):.0f} ms (every run pays it), tables {1000 * (t2 - t1):.1f} ms")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--min-score", type=float, default=4.5)
    args = ap.parse_args()
    loads = [subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True).stdout for _ in range(3)]
    print("first use (3 fresh interpreters):", "; ".join(s.strip() for s in loads))
    docs = []
    for path in sorted(args.folder.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), str(path))
        _ = doc.blocks, doc.prose
        docs.append(doc)
    latin_runs.find(Document("warm up the tables\n"), args.min_score)
    first = []
    for doc in docs:
        t = time.perf_counter()
        latin_runs.find(doc, args.min_score)
        first.append(time.perf_counter() - t)
    best = []
    for doc in docs:
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            latin_runs.find(doc, args.min_score)
            runs.append(time.perf_counter() - t)
        best.append(min(runs))
    words = sum(len(doc.text.split()) for doc in docs)
    print(
        f"{len(docs)} articles, {words / len(docs):.0f} words on average; first pass "
        f"{1000 * statistics.mean(first):.3f} ms/article; best of {args.repeat}: "
        f"mean {1000 * statistics.mean(best):.3f} ms, median "
        f"{1000 * statistics.median(best):.3f} ms, max {1000 * max(best):.3f} ms; "
        f"{1e6 * sum(best) / words:.2f} µs/word"
    )


if __name__ == "__main__":
    main()
