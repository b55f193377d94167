"""Benchmark: the name rules, with a glossary of 100,000 names, on a document of 2,000 paragraphs.

The glossary is indexed by surname and by the sound keys of the surname, so each mention costs a few
dictionary probes whatever the glossary's size. Also prints the one-off cost of the name data (the
names table and the English-word table) and peak memory. Run:

    python bench/names.py [--glossary-size 100000] [--paragraphs 2000]

Not part of the test suite (timings vary by machine).
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from mtlint.engine.config import Config
from mtlint.engine.ruleset import build_rules
from mtlint.engine.runner import run_rules
from mtlint.text.document import Document
from mtlint.text.names import mentions

SYLLABLES = "ka ri mo sa al de na ha lu be to mi ra zu ke vo shi an el ta qu ir far da ba sen".split()
PROSE = (
    "The minister said on Monday that the new rail line would open before the winter storms, "
    "and officials from both countries met in the capital to discuss the budget."
)


def fake_name(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def make_glossary(size: int, rng: random.Random) -> tuple[Path, list[str]]:
    names = sorted({fake_name(rng) for _ in range(size * 2)})[:size]
    folder = Path(tempfile.mkdtemp(prefix="mtlint-bench-"))
    path = folder / "glossary.txt"
    taken = set(names)
    lines = []
    for i, n in enumerate(names):
        variant = n.replace("a", "e", 1)
        listed = i % 10 == 0 and variant not in taken  # one entry in ten lists a known wrong spelling
        taken.add(variant)
        lines.append(f"{n}: {variant}" if listed else n)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, names


def make_document(paragraphs: int, names: list[str], rng: random.Random) -> str:
    out = []
    for _ in range(paragraphs):
        given, surname = rng.choice(names).split()
        spelled = rng.choice([f"{given} {surname}", f"{given}a {surname}", f"{given} {surname}e", surname])
        out.append(f"Ambassador {spelled}, a former adviser, said the talks went well. {PROSE}")
    return "\n\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--glossary-size", type=int, default=100_000)
    ap.add_argument("--paragraphs", type=int, default=2000)
    args = ap.parse_args()
    rng = random.Random(11)
    path, names = make_glossary(args.glossary_size, rng)
    text = make_document(args.paragraphs, names, rng)

    t = time.perf_counter()
    from mtlint.rules.names import lexicon as lex

    lex.name_table()
    t_table = time.perf_counter() - t
    t = time.perf_counter()
    lex.english_words()
    t_words = time.perf_counter() - t
    print(f"names table: {len(lex.name_table())} names loaded in {t_table:.2f} s")
    print(f"English common words: {len(lex.english_words())} loaded in {t_words:.3f} s")

    t = time.perf_counter()
    rules = build_rules(Config(select=("MT2",), glossary=(path,))).rules
    print(f"glossary of {len(names)} names loaded and indexed in {time.perf_counter() - t:.2f} s")
    doc = Document(text)
    t = time.perf_counter()
    count = len(mentions(doc))
    print(f"{count} name mentions in {args.paragraphs} paragraphs found in {time.perf_counter() - t:.2f} s")
    for rule in rules:
        t = time.perf_counter()
        found = run_rules(Document(text), [rule]).findings
        print(f"{rule.code} {rule.name}: {len(found)} findings in {time.perf_counter() - t:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
