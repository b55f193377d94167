"""Benchmark: the cost of the line-role model per article (line shapes, features and scoring).

Articles of 40 non-blank lines are cut from the fixture documents (or from a folder of .txt pages given
with --pages), every line a block, and each is read from scratch (a fresh Document, so nothing is
memoised). CPU time, best of seven rounds (the machine may be shared). Not part of the test suite.

    python bench/line_roles.py [--pages DIR] [--lines 40] [--rounds 7]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mtlint.rules.layout.role_features import role_features
from mtlint.rules.layout.roles import builtin_model, line_roles
from mtlint.text.document import Document
from mtlint.text.lines import line_shapes

ROOT = Path(__file__).resolve().parent.parent


def articles(pages: Path | None, size: int) -> list[str]:
    """Texts of `size` non-blank lines each, cut in order from the pages' lines."""
    paths = sorted(pages.glob("*.txt")) if pages else sorted((ROOT / "fixtures").rglob("*.txt"))
    lines = [x for p in paths if p.name != "names.txt" for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    return ["\n".join(lines[i : i + size]) for i in range(0, len(lines) - size + 1, size)]


def best(fn, texts: list[str], rounds: int) -> float:  # type: ignore[no-untyped-def]
    """Best CPU seconds per text over `rounds` passes."""
    times = []
    for _ in range(rounds):
        docs = [Document(t, "bench.txt") for t in texts]
        for d in docs:
            _ = d.blocks  # splitting into blocks is the document model's cost, not the role model's
        start = time.process_time()
        for d in docs:
            fn(d)
        times.append((time.process_time() - start) / len(texts))
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=Path, help="a folder of .txt pages (default: the fixture documents)")
    ap.add_argument("--lines", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    texts = articles(args.pages, args.lines)
    builtin_model()  # load the weights once, outside the timing
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles of {args.lines} lines ({words:.0f} words on average)")
    for label, fn in (
        ("line shapes", line_shapes),
        ("shapes + features", role_features),
        ("shapes + features + roles", line_roles),
    ):
        print(f"  {label:26} {best(fn, texts, args.rounds) * 1000:.2f} ms per article")


if __name__ == "__main__":
    main()
