"""Mutation fuzzing on real documents: `python bench/mutate.py FOLDER... [--mutants N] [--seed S]`.

Every `.txt` and `.md` file under the folders is read as `mtlint check` reads it, then copied N times
with random punctuation, quotes, brackets, dashes, invisible characters, line endings and Markdown
markers inserted (tests/fuzzing.py: `mutate`), seeded per document so a run can be repeated exactly.
Every default rule runs on every mutant (and with `--fix`, the fixer too: it must not fail and must be
idempotent). A rule that raises is a bug: it is printed with the document, the exception and the
smallest snippet found that still makes that rule raise, ready for a case file. Exit 1 if any failed.

    python bench/mutate.py /work/shared/corpus/dev --mutants 20
    python bench/mutate.py fixtures --mutants 50 --seed 7 --fix
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtlint.engine.ruleset import fix  # noqa: E402
from mtlint.engine.runner import run_rules  # noqa: E402
from mtlint.io.source import InputError, read_document  # noqa: E402
from tests.fuzzing import Crash, crash_of, mutate, rules_under_test  # noqa: E402

SUFFIXES = (".txt", ".md")


def documents(folders: list[str]) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        p = Path(folder)
        out.extend([p] if p.is_file() else sorted(q for q in p.rglob("*") if q.suffix in SUFFIXES and q.is_file()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--mutants", type=int, default=20, help="mutants per document (default 20)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--edits", type=int, default=6, help="at most this many changes per mutant (default 6)")
    ap.add_argument("--fix", action="store_true", help="also fix each mutant twice: no failure, idempotent")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    ap.add_argument("--shrink-seconds", type=float, default=10.0, help="time to shrink each new crash")
    args = ap.parse_args(argv)

    rules = rules_under_test()
    paths = documents(args.folders)
    start = time.monotonic()
    crashes: dict[tuple[str, str], Crash] = {}
    hits: Counter[tuple[str, str]] = Counter()
    not_idempotent: list[str] = []
    mutants = skipped = 0
    for path in paths:
        try:
            doc = read_document(str(path))
        except InputError as exc:
            print(f"skip: {exc}", file=sys.stderr)
            skipped += 1
            continue
        for k in range(args.mutants):
            if args.seconds and time.monotonic() - start > args.seconds:
                break
            rng = random.Random(f"{args.seed}:{path.name}:{k}")
            text = mutate(doc.text, rng, rng.randint(1, args.edits))
            mutant = doc.with_text(text)
            mutants += 1
            result = run_rules(mutant, rules)
            found = list(result.failures)
            if args.fix and not found:
                once = fix(mutant, rules, unsafe=True, first=result)
                twice = fix(mutant.with_text(once.text), rules, unsafe=True)
                found = list(once.result.failures) + list(twice.result.failures)
                if once.converged and twice.text != once.text:
                    not_idempotent.append(f"{path} mutant {k}")
            for failure in found:
                key = (failure.code, failure.message)
                hits[key] += 1
                if key not in crashes:
                    crash = crash_of(f"{path} mutant {k}", text, mutant.format, failure, rules, args.shrink_seconds)
                    crashes[key] = crash
                    print(f"FAIL {crash.source}: rule {failure.rule} ({failure.code}): {failure.message}")
                    print(f"     {crash.format} snippet: {crash.snippet!r}")
    elapsed = time.monotonic() - start
    print(
        f"\n{len(paths) - skipped} documents, {mutants} mutants, {elapsed:.1f} s: "
        f"{sum(hits.values())} rule failures ({len(crashes)} distinct)"
        + (f", {len(not_idempotent)} non-idempotent fixes" if args.fix else "")
    )
    for (code, message), n in hits.most_common():
        print(f"  {n:5}  {code} {message}")
    for where in not_idempotent[:10]:
        print(f"  fixing twice changed the text: {where}")
    return 1 if crashes or not_idempotent else 0


if __name__ == "__main__":
    sys.exit(main())
