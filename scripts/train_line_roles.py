#!/usr/bin/env python3
"""Train the line-role model of the layout rules and write rules/data/line-roles.json.

The model is a multinomial logistic regression (article / caption / furniture) over the generic line
evidence of mtlint.rules.layout.role_features, fitted on the hand-annotated development corpus: a line
annotated `caption` is a caption, one annotated `boilerplate` is furniture, every other line is article
text. A line whose annotation covers less than 30% of it (a credit glued to a paragraph) says nothing
about the line's role and is left out of the fit.

The same features are computed as at run time (one run over the whole corpus, so that repetition across
files counts as it does in `mtlint check DIR`). Each class's lines are weighted down by how many such
lines their page has (a page with twenty identical credits must not outvote twenty pages with one),
features are standardised for the fit and the weights mapped back to the raw scale, so the run time needs
no scaler. Leave-one-site-out (LOSO) scores, each site's lines scored by a model fitted without that
site, are written beside the training scores: they say how the model does on sites it has not seen.

The output is deterministic for a given corpus and scikit-learn version; its header describes the
training data (counts only, no text from the corpus), the date, the features and the scores.

    pip install -e '.[train]'
    python scripts/train_line_roles.py [--corpus /work/shared/corpus/dev] [--c 0.3] [--misses] [--system]

With --system it also scores the layout rules themselves (MT101-MT103 with their packs, the role model
refitted without the scored page's site for the LOSO column), as the corpus's score.py counts findings:
per line and category, false alarms on clean pages only on lines without any annotation. The packs were
written with the development corpus in view, so their share of these figures is a training score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

from mtlint.rules.layout.role_features import FEATURES, role_features
from mtlint.rules.layout.roles import CLASSES, RoleModel
from mtlint.run.evidence import CorpusStats
from mtlint.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "line-roles.json"
DEFAULT_CORPUS = Path("/work/shared/corpus/dev")
PARTIAL = 0.3  # an annotation shorter than this share of its line marks a glued span, not the line's role
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
REPORTED = 0.8  # the probability above which the rules report a line on the model's evidence alone
LABEL = {"caption": "caption", "boilerplate": "furniture"}


@dataclass
class Page:
    name: str
    site: str
    kind: str  # "mt" or "clean"
    doc: Document
    words: int
    labels: list[str] = field(default_factory=list)  # per block: article, caption or furniture
    partial: set[int] = field(default_factory=set)  # blocks whose annotation is only a glued span
    vectors: tuple[tuple[float, ...], ...] = ()


def load(corpus: Path) -> list[Page]:
    """The annotated pages of `corpus`, their block labels, and their features from one run over all."""
    pages = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        text_path = corpus / f"{name}.txt"
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        site = urlparse(gold.get("source", "")).netloc.removeprefix("www.") or name
        pages.append(Page(name, site, gold.get("kind", "mt"), Document(text, str(text_path)), len(text.split())))
        lines = text.split("\n")
        by_line: dict[int, set[str]] = {}
        glued: set[int] = set()
        for f in gold.get("findings", []):
            if f["category"] in LABEL:
                by_line.setdefault(f["line"], set()).add(f["category"])
                if len(f.get("text", "").strip()) < PARTIAL * len(lines[f["line"] - 1].strip()):
                    glued.add(f["line"])
        page = pages[-1]
        for b in page.doc.blocks:
            span = range(b.first_line, b.last_line + 1)
            cats = set().union(*(by_line.get(n, set()) for n in span))
            page.labels.append("caption" if "caption" in cats else "furniture" if cats else "article")
            if glued.intersection(span):
                page.partial.add(b.index)
    stats = CorpusStats.of_documents(p.doc for p in pages)
    for p in pages:
        p.doc = Document(p.doc.text, p.doc.path, corpus=stats)
        p.vectors = role_features(p.doc)
    return pages


def fit(pages: Sequence[Page], c: float, balance: float) -> dict:
    """Fit the model on `pages` and return its weights on the raw feature scale."""
    rows = [(p, i) for p in pages for i in range(len(p.labels)) if i not in p.partial]
    x = np.array([p.vectors[i] for p, i in rows])
    y = np.array([CLASSES.index(p.labels[i]) for p, i in rows])
    per_page = Counter((p.name, p.labels[i]) for p, i in rows)
    w = np.array([per_page[(p.name, p.labels[i])] ** -balance for p, i in rows])
    w *= len(w) / w.sum()
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit((x - mu) / sd, y, sample_weight=w)
    coef = lr.coef_ / sd
    bias = lr.intercept_ - (lr.coef_ * (mu / sd)).sum(1)
    return {
        "classes": list(CLASSES),
        "features": list(FEATURES),
        "weights": {
            cls: {n: round(float(coef[k][j]), 4) for j, n in enumerate(FEATURES)} for k, cls in enumerate(CLASSES)
        },
        "bias": {cls: round(float(bias[k]), 4) for k, cls in enumerate(CLASSES)},
        "lines": {cls: int((y == k).sum()) for k, cls in enumerate(CLASSES)},
    }


def probabilities(spec: dict, pages: Sequence[Page]) -> dict[tuple[str, int], tuple[float, ...]]:
    model = RoleModel(spec)
    return {(p.name, i): model.probabilities(v) for p in pages for i, v in enumerate(p.vectors)}


def loso(pages: Sequence[Page], c: float, balance: float) -> dict[tuple[str, int], tuple[float, ...]]:
    """Each site's lines scored by a model fitted on every other site."""
    out = {}
    for site in sorted({p.site for p in pages}):
        spec = fit([p for p in pages if p.site != site], c, balance)
        out.update(probabilities(spec, [p for p in pages if p.site == site]))
    return out


def flagged(probs: dict[tuple[str, int], tuple[float, ...]], t: float) -> dict[tuple[str, int], str]:
    """Lines the model calls caption or furniture with probability above `t`."""
    out = {}
    for key, p in probs.items():
        k = 1 if p[1] >= p[2] else 2
        if p[k] > t:
            out[key] = CLASSES[k]
    return out


def score(pages: Sequence[Page], found: dict[tuple[str, int], str]) -> dict:
    """Line-level precision and recall per debris class, and false alarms per 10k words of clean pages
    (on lines without any caption or furniture annotation)."""
    out: dict = {}
    for cls in ("caption", "furniture"):
        gold = {(p.name, i) for p in pages for i, lab in enumerate(p.labels) if lab == cls}
        pred = {k for k, v in found.items() if v == cls}
        right = len(gold & pred)
        out[cls] = {
            "P": round(right / len(pred), 3) if pred else None,
            "R": round(right / len(gold), 3) if gold else None,
            "found": right,
            "gold": len(gold),
            "flagged": len(pred),
        }
    clean = [p for p in pages if p.kind == "clean"]
    alarms = sum(1 for p in clean for i, lab in enumerate(p.labels) if lab == "article" and (p.name, i) in found)
    out["clean_false_alarms_per_10k"] = round(1e4 * alarms / max(1, sum(p.words for p in clean)), 2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="annotated pages (NAME.txt + NAME.gold.json)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength")
    ap.add_argument("--balance", type=float, default=0.5, help="weight of a line: (its page's lines of its class)^-b")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    ap.add_argument("--date", default=dt.date.today().isoformat(), help="the date written in the header")
    ap.add_argument("--dry-run", action="store_true", help="print the scores, write nothing")
    ap.add_argument("--misses", action="store_true", help="list LOSO misses and false alarms (for analysis)")
    ap.add_argument("--system", action="store_true", help="also score the rules MT101-MT103 (training and LOSO)")
    args = ap.parse_args()
    pages = load(args.corpus)
    if not pages:
        sys.stderr.write(f"no annotated pages in {args.corpus}\n")
        return 2
    spec = fit(pages, args.c, args.balance)
    train_p, loso_p = probabilities(spec, pages), loso(pages, args.c, args.balance)
    table = {
        f"p>{t}": {
            "training": score(pages, flagged(train_p, t)),
            "leave_one_site_out": score(pages, flagged(loso_p, t)),
        }
        for t in THRESHOLDS
    }
    print(f"{len(pages)} pages, {len({p.site for p in pages})} sites; lines {spec['lines']}")
    print(f"{'':9} {'caption P/R train':>18} {'LOSO':>10} {'furniture P/R train':>20} {'LOSO':>10} clean FA/10k")
    for t, row in table.items():
        tr, lo = row["training"], row["leave_one_site_out"]
        print(
            f"{t:9} {_pr(tr['caption']):>18} {_pr(lo['caption']):>10} {_pr(tr['furniture']):>20} "
            f"{_pr(lo['furniture']):>10} {tr['clean_false_alarms_per_10k']:5.2f} "
            f"{lo['clean_false_alarms_per_10k']:5.2f}"
        )
    if args.misses:
        _misses(pages, loso_p, REPORTED)
    if args.system:
        system = {"training": system_scores(pages, args.corpus, None, args.c, args.balance)}
        system["leave_one_site_out"] = system_scores(pages, args.corpus, "loso", args.c, args.balance)
        for split, rows in system.items():
            print(
                f"rules {split:19} "
                + "  ".join(f"{c} {_pr(v)}" for c, v in rows.items() if c != "clean")
                + f"  clean FA/10k {rows['clean']}"
            )
        table["rules (MT101-MT103)"] = system
    if args.dry_run:
        return 0
    kinds = Counter(p.kind for p in pages)
    out = {
        "provenance": {
            "what": "line-role model of the layout rules (MT101-MT103): multinomial logistic regression, "
            "weights on the raw feature scale; p(class) = softmax(bias + weights . features)",
            "generator": "scripts/train_line_roles.py",
            "date": args.date,
            "training_data": f"{len(pages)} hand-annotated pages of the mtlint development corpus from "
            f"{len({p.site for p in pages})} sites ({kinds['mt']} machine-translated, {kinds['clean']} "
            "human-written); labels from the annotations (caption, boilerplate = furniture, every other line "
            "article); no text of the corpus is stored here",
            "lines": spec["lines"],
            "fit": {
                "C": args.c,
                "page_balance": args.balance,
                "scikit-learn": sklearn.__version__,
                "partial_annotation_left_out": PARTIAL,
            },
            "scores": {
                "note": "p>T: line-level precision/recall of the model alone at threshold T; 'rules (MT101-MT103)' "
                "(with --system): the rules with their packs, as the corpus's score.py counts; leave-one-site-out "
                "refits the model without the scored page's site (the packs stay as written)",
                **table,
            },
        },
        "classes": spec["classes"],
        "features": spec["features"],
        "weights": spec["weights"],
        "bias": spec["bias"],
    }
    args.output.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


CATEGORY = {"MT101": "caption", "MT102": "boilerplate", "MT103": "duplicate"}


def system_scores(pages: Sequence[Page], corpus: Path, mode: str | None, c: float, balance: float) -> dict:
    """Precision and recall of the layout rules per category, with the model fitted on every page (mode
    None) or, for each site, on the other sites (mode "loso")."""
    from mtlint.engine.config import Config
    from mtlint.engine.ruleset import build_rules
    from mtlint.engine.runner import run_rules
    from mtlint.rules.layout import roles

    rules = build_rules(Config(select=tuple(CATEGORY))).rules
    found: dict[str, set[tuple[int, str]]] = {}
    sites = sorted({p.site for p in pages}) if mode == "loso" else [None]
    builtin = roles.builtin_model
    try:
        for site in sites:
            model = RoleModel(fit([p for p in pages if p.site != site], c, balance))
            roles.builtin_model = lambda model=model: model  # the analysis reads the model through this
            for p in pages:
                if site is None or p.site == site:
                    doc = Document(p.doc.text, p.doc.path, corpus=p.doc.corpus)
                    found[p.name] = {
                        (doc.position(f.start)[0], CATEGORY[f.code]) for f in run_rules(doc, rules).findings
                    }
    finally:
        roles.builtin_model = builtin
    out: dict = {}
    alarms = words = 0
    for p in pages:
        gold = json.loads((corpus / f"{p.name}.gold.json").read_text(encoding="utf-8"))["findings"]
        want = {(g["line"], g["category"]) for g in gold if g["category"] in CATEGORY.values() and not g.get("needs")}
        annotated = {g["line"] for g in gold}
        for cat in CATEGORY.values():
            row = out.setdefault(cat, {"gold": 0, "found": 0, "flagged": 0, "right": 0})
            mine = {x for x in found[p.name] if x[1] == cat}
            theirs = {x for x in want if x[1] == cat}
            row["gold"] += len(theirs)
            row["found"] += len(mine & theirs)
            row["flagged"] += len(mine)
            row["right"] += len(mine & theirs)
        if p.kind == "clean":
            words += p.words
            alarms += sum(1 for line, _ in found[p.name] - want if line not in annotated)
    for row in out.values():
        row["P"] = round(row["right"] / row["flagged"], 3) if row["flagged"] else None
        row["R"] = round(row["found"] / row["gold"], 3) if row["gold"] else None
    out["clean"] = round(1e4 * alarms / max(1, words), 2)
    return out


def _pr(s: dict) -> str:
    p, r = s["P"], s["R"]
    return f"{p if p is not None else '-'}/{r if r is not None else '-'}"


def _misses(pages: Sequence[Page], probs: dict[tuple[str, int], tuple[float, ...]], t: float) -> None:
    found = flagged(probs, t)
    for p in pages:
        for i, lab in enumerate(p.labels):
            got = found.get((p.name, i), "article")
            if got != lab and i not in p.partial:
                pr = probs[(p.name, i)]
                kind = "MISS" if got == "article" else "FA  " if lab == "article" else "SWAP"
                text = p.doc.blocks[i].text
                print(
                    f"{kind} {p.name}:{p.doc.blocks[i].first_line} want={lab} got={got} "
                    f"p={pr[0]:.2f}/{pr[1]:.2f}/{pr[2]:.2f} | {text[:70]!r}"
                )


if __name__ == "__main__":
    sys.exit(main())
