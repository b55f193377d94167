"""Measure MT501 with the offline Harper backend: false alarms on clean articles, and speed.

    python bench/grammar_harper.py [CORPUS_DIR] [--defaults] [--show]

CORPUS_DIR (default ../shared/corpus/dev) holds NAME.txt files with NAME.gold.json ("kind": "clean"
or "mt"). Findings on clean (human-edited) articles are false alarms unless the human text really
has an error: read each with --show. Findings on machine-translated articles are listed the same way.
--defaults runs Harper's own default lints instead of mtlint's allowlist, to show what the allowlist removes.
Speed is sentences (Document.sentences) per second of checking, after the one-off construction of
the Harper linter, in wall-clock and in CPU time (the second is steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from mtlint.engine.config import Config
from mtlint.engine.registry import Registry
from mtlint.engine.ruleset import build_rules
from mtlint.engine.runner import run_rules
from mtlint.rules.grammar.grammar import Grammar
from mtlint.text.document import Document

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(HERE.parent.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--defaults", action="store_true", help="Harper's default lints, not the allowlist")
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus for the timing")
    args = ap.parse_args()

    t0 = time.perf_counter()
    rule = build_rules(Config(select=("grammar",), grammar=(("backend", "harper"),)), Registry((Grammar,))).rules[0]
    setup = time.perf_counter() - t0
    if args.defaults:
        import harper

        rule.backend.linter.set_lint_config(harper.get_default_lint_config())  # type: ignore[attr-defined]

    docs = []
    for gold in sorted(Path(args.corpus).glob("*.gold.json")):
        kind = json.loads(gold.read_text(encoding="utf-8"))["kind"]
        path = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        docs.append((kind, Document(path.read_text(encoding="utf-8"), path.name, "text")))

    by_rule: dict[str, collections.Counter] = {"clean": collections.Counter(), "mt": collections.Counter()}
    sentences = collections.Counter()
    for kind, doc in docs:
        sentences[kind] += len(doc.sentences)
        for f in run_rules(doc, [rule]).findings:
            rid = dict(f.data)["rule_id"]
            by_rule[kind][rid] += 1
            if args.show:
                line, col = doc.position(f.start)
                ctx = doc.text[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
                print(f"{kind:5} {doc.path}:{line}:{col} {rid}: …{ctx}…")

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for _, doc in docs:
            run_rules(Document(doc.text, doc.path, "text"), [rule])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    total_sentences = sum(len(d.sentences) for _, d in docs) * args.repeat

    n_clean = sum(k == "clean" for k, _ in docs)
    print(f"lints: {'Harper defaults' if args.defaults else 'mtlint allowlist'}")
    print(
        f"clean articles: {n_clean}, {sentences['clean']} sentences, "
        f"{sum(by_rule['clean'].values())} findings {dict(by_rule['clean'].most_common())}"
    )
    print(
        f"mt articles: {len(docs) - n_clean}, {sentences['mt']} sentences, "
        f"{sum(by_rule['mt'].values())} findings {dict(by_rule['mt'].most_common())}"
    )
    print(
        f"setup (Harper dictionary): {setup:.2f} s; checking {total_sentences} sentences: "
        f"{total_sentences / elapsed:,.0f} sentences/s wall ({elapsed:.2f} s), "
        f"{total_sentences / cpu:,.0f} sentences/s CPU ({cpu:.2f} s)"
    )


if __name__ == "__main__":
    main()
