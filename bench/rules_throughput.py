"""Throughput of the casing and sentence rules (MT301-MT303, MT404-MT406), alone and with the default set.

    python bench/rules_throughput.py [--mb 5] [--repeat 3]

The text is built deterministically from fixtures/: the fixture articles and the texts of the case files
(valid and invalid, so every rule finds something), concatenated article by article until the target
size, then split into documents of about 5 KB (a typical article). Each scenario runs in this process
after one warm-up document, so data loading (wordfreq lists) is reported separately from throughput.
Prints one row per scenario: median MB/s over the repeats, min and max, and findings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from mtlint.engine.config import Config  # noqa: E402
from mtlint.engine.ruleset import build_rules  # noqa: E402
from mtlint.engine.runner import run_rules  # noqa: E402
from mtlint.text.document import Document  # noqa: E402

RULES = ("MT301", "MT302", "MT303", "MT404", "MT405", "MT406")


def fixture_texts() -> list[str]:
    """Fixture articles plus every case-file text, in a fixed order."""
    fixtures = ROOT / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((fixtures / "documents").glob("*.txt"))]
    for path in sorted((fixtures / "cases").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts += [
            case["text"]
            for kind in ("valid", "invalid")
            for case in data.get(kind, [])
            if case.get("format", data.get("format", "text")) == "text"
        ]
    return texts


def build_documents(megabytes: float, doc_size: int = 5000) -> list[str]:
    """Documents of about `doc_size` characters totalling `megabytes` MB of UTF-8."""
    texts = fixture_texts()
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    current: list[str] = []
    size = total = i = 0
    while total < target:
        t = texts[i % len(texts)]
        i += 1
        current.append(t)
        size += len(t.encode("utf-8"))
        if size >= doc_size:
            doc = "\n\n".join(current)
            docs.append(doc)
            total += len(doc.encode("utf-8"))
            current, size = [], 0
    return docs


def run(select: tuple[str, ...] | None, docs: list[str], repeat: int) -> tuple[list[float], int, float]:
    """MB/s of each repeat, the number of findings, and the warm-up (first document) time in seconds."""
    rules = build_rules(Config(select=select)).rules
    t0 = time.perf_counter()
    run_rules(Document(docs[0], "warmup.txt"), rules)
    warmup = time.perf_counter() - t0
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    speeds, found = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(len(run_rules(Document(d, f"doc{i}.txt"), rules).findings) for i, d in enumerate(docs))
        speeds.append(megabytes / (time.perf_counter() - start))
    return speeds, found, warmup


def report(scenarios: list[tuple[str, tuple[str, ...] | None]], default_mb: float, doc: str) -> None:
    """Parse --mb/--repeat, build the documents and print one row per scenario (shared by bench scripts)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--mb", type=float, default=default_mb, help=f"size of the text in MB (default {default_mb:g})")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = build_documents(args.mb)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"{len(docs)} documents, {size:.2f} MB, built from fixtures/; {args.repeat} repeats")
    print(f"{'scenario':34} {'MB/s':>7} {'min':>7} {'max':>7} {'findings':>9} {'warm-up s':>9}")
    for label, select in scenarios:
        speeds, found, warmup = run(select, docs, args.repeat)
        print(
            f"{label:34} {statistics.median(speeds):7.2f} {min(speeds):7.2f} {max(speeds):7.2f} "
            f"{found:9d} {warmup:9.3f}"
        )


def main() -> None:
    scenarios: list[tuple[str, tuple[str, ...] | None]] = [(code, (code,)) for code in RULES]
    scenarios += [("MT301-MT406 together", RULES), ("default rule set", None)]
    report(scenarios, 5.0, __doc__ or "")


if __name__ == "__main__":
    main()
