"""Coverage-guided fuzzing with atheris: `python bench/fuzz.py [--seconds 60] [--rule MT405] [--target rules]`.

libFuzzer mutates bytes, keeps the inputs that reach new lines of mtlint, and stops at the first input
that makes a rule raise (or, with `--target document`, that breaks an invariant of the document model).
Mutants start from real text: the fuzz sentences and every fixture document, written into the corpus
folder (bench/out/fuzz/<target>/corpus) on first use, with a dictionary of the quotes, dashes, invisible
characters and Markdown markers machine-translated pages carry.

    pip install -e '.[fuzz]'                              # atheris: not part of the test extra
    python bench/fuzz.py --seconds 60                     # every default rule
    python bench/fuzz.py --seconds 300 --rule MT405       # one rule (code or name)
    python bench/fuzz.py --target document --seconds 60   # Document: lines, prose mask, blocks, sentences
    python bench/fuzz.py --reproduce bench/out/fuzz/rules/crash-<sha1>   # rerun and shrink a crash

Exit status: 0 when the time ran out with no failure; libFuzzer's non-zero status (77 for a Python
exception) when one was found, its input saved as crash-<sha1> in bench/out/fuzz/<target>/. With
--reproduce: 1 if the input still fails. See docs/development/fuzzing.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "fuzz"
sys.path.insert(0, str(ROOT))


def decode_input(data: bytes) -> tuple[str, str]:
    """(text, format) of one fuzz input: the first byte picks the format, the rest is UTF-8 text."""
    fmt = "markdown" if data[:1] and data[0] & 1 else "text"
    return data[1:].decode("utf-8", "replace"), fmt


def encode_input(text: str, fmt: str) -> bytes:
    return (b"\x01" if fmt == "markdown" else b"\x00") + text.encode("utf-8")


class Broken(Exception):
    """An invariant of the document model that does not hold for an input."""


def check_document(text: str, fmt: str) -> None:
    """Build the document model and check what every rule relies on."""
    from mtlint.text.document import Document

    doc = Document(text, "fuzz.md" if fmt == "markdown" else "fuzz.txt", fmt)
    if len(doc.prose) != len(text):
        raise Broken(f"prose has {len(doc.prose)} characters, the text {len(text)}")
    for s, e in doc.masked:
        if not 0 <= s <= e <= len(text):
            raise Broken(f"masked span {s}..{e} outside the text")
    last = 0
    for b in doc.blocks:
        if not (0 <= b.outer_start <= b.start <= b.end <= b.outer_end <= len(text)) or b.start < last:
            raise Broken(f"block {b.index} ({b.kind}) has span {b.outer_start}/{b.start}..{b.end}/{b.outer_end}")
        last = b.end
    for sentence in doc.sentences:
        if doc.prose[sentence.start : sentence.end] != sentence.text:
            raise Broken(f"sentence {sentence.start}..{sentence.end} does not match its text")
    for offset in (0, len(text) // 2, len(text)):
        line, column = doc.position(offset)
        if doc.line_span(line)[0] + column - 1 != offset:
            raise Broken(f"position({offset}) = {line}:{column} does not map back")


def check_rules(text: str, fmt: str, rules) -> None:  # type: ignore[no-untyped-def]
    """Run each rule directly, so an exception propagates with its own traceback."""
    from mtlint.text.document import Document

    doc = Document(text, "fuzz.md" if fmt == "markdown" else "fuzz.txt", fmt)
    for rule in rules:
        for f in rule.check(doc):
            if not 0 <= f.start <= f.end <= len(text):
                raise Broken(f"{rule.code} finding {f.start}..{f.end} outside a text of {len(text)} characters")


def seed(corpus: Path) -> None:
    """Write the starting inputs: the fuzz sentences as one document, and every fixture document."""
    from tests.fuzzing import SENTENCES

    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    (corpus / "sentences-text").write_bytes(encode_input("\n\n".join(SENTENCES) + "\n", "text"))
    (corpus / "sentences-md").write_bytes(encode_input("# Title\n\n" + "\n\n".join(SENTENCES) + "\n", "markdown"))
    for p in sorted((ROOT / "fixtures").rglob("*")):
        if p.suffix in (".txt", ".md"):
            fmt = "markdown" if p.suffix == ".md" else "text"
            (corpus / p.name).write_bytes(encode_input(p.read_text(encoding="utf-8"), fmt))


def write_dictionary(path: Path) -> None:
    """libFuzzer's dictionary: tokens it inserts whole (each piece MT output carries)."""
    from tests.fuzzing import LETTERS, MARKDOWN, PIECES

    lines = []
    for piece in dict.fromkeys(PIECES + LETTERS + MARKDOWN):
        escaped = "".join(f"\\x{b:02X}" for b in piece.encode("utf-8"))
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


def select(rule: str | None):  # type: ignore[no-untyped-def]
    from tests.fuzzing import rules_under_test

    rules = rules_under_test()
    if rule is None:
        return rules
    chosen = [r for r in rules if rule.upper() == r.code or rule.lower() == r.name]
    if not chosen:
        sys.exit(f"fuzz: no default rule {rule!r} (see `mtlint rules`)")
    return tuple(chosen)


def reproduce(path: Path, target: str, rule: str | None) -> int:
    """Run one saved input; on a failure, print it and a shrunk snippet that still fails."""
    from tests.fuzzing import shrink

    text, fmt = decode_input(path.read_bytes())
    rules = select(rule) if target == "rules" else ()

    def fails(candidate: str) -> BaseException | None:
        try:
            check_rules(candidate, fmt, rules) if target == "rules" else check_document(candidate, fmt)
        except Exception as exc:
            return exc
        return None

    exc = fails(text)
    if exc is None:
        print(f"{path}: no failure ({fmt}, {len(text)} characters)")
        return 0
    snippet = shrink(text, lambda t: type(fails(t)) is type(exc))
    print(f"{path}: {type(exc).__name__}: {exc}")
    print(f"{fmt} snippet that still fails: {snippet!r}")
    return 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=60, help="stop after this long (default 60)")
    ap.add_argument("--rule", help="fuzz one default rule (code or name) instead of all")
    ap.add_argument("--target", choices=["rules", "document"], default="rules")
    ap.add_argument("--max-len", type=int, default=8192, help="longest input in bytes (default 8192)")
    ap.add_argument("--reproduce", type=Path, help="run one saved input and shrink it, instead of fuzzing")
    args, libfuzzer = ap.parse_known_args()

    try:
        import atheris
    except ImportError:
        sys.exit("fuzz: atheris is not installed: pip install -e '.[fuzz]'")
    with atheris.instrument_imports(include=["mtlint"]):
        import mtlint.rules  # noqa: F401  (instrumented: coverage guides the fuzzer through rules and engine)
        from mtlint.text.document import Document  # noqa: F401

    if args.reproduce:
        return reproduce(args.reproduce, args.target, args.rule)

    work = OUT / (args.target if args.rule is None else f"{args.target}-{args.rule}")
    corpus = work / "corpus"
    seed(corpus)
    write_dictionary(work / "pieces.dict")
    rules = select(args.rule) if args.target == "rules" else ()

    def one_input(data: bytes) -> None:
        text, fmt = decode_input(data)
        if args.target == "rules":
            check_rules(text, fmt, rules)
        else:
            check_document(text, fmt)

    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={args.seconds}",
        f"-max_len={args.max_len}",
        "-timeout=20",  # seconds for one input: a rule slower than that is a bug too
        f"-dict={work / 'pieces.dict'}",
        f"-artifact_prefix={work}/",
        "-print_final_stats=1",
        *libfuzzer,
    ]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
