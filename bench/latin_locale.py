"""Recall and false alarms of MT403's Latin-script path on translated UI messages installed on this system.

    python bench/latin_locale.py [--per-language 300] [--seed 7]

Each gettext catalogue under /usr/share/locale pairs an English message with its translation. Prose-like
pairs give, for es pt fr it de tr id nl: single words and three-word pieces of a translation spliced into
the middle of another English message (should be found, overlapping the splice), and every English message
as a document of its own (should stay silent). Measurement only: nothing read here goes into the rule's
data or tests. Not part of the test suite (the catalogues differ between systems).
"""

from __future__ import annotations

import argparse
import collections
import gettext
import glob
import random

import regex

from mtlint.rules.encoding import latin_runs
from mtlint.text.document import Document

LOCALES = {
    "es": ["es"],
    "pt": ["pt", "pt_BR"],
    "fr": ["fr"],
    "it": ["it"],
    "de": ["de"],
    "tr": ["tr"],
    "id": ["id"],
    "nl": ["nl"],
}
_WORDS = regex.compile(r"[\p{L}][\p{L}\p{M}'’\-]*")


def _prose(s: str) -> bool:
    words = _WORDS.findall(s)
    return len(words) >= 5 and len("".join(words)) > 0.6 * len(s) and not regex.search(r"[/=@:]\S", s)


def _pairs() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for lang, locales in LOCALES.items():
        out[lang] = []
        for loc in locales:
            for mo in sorted(glob.glob(f"/usr/share/locale/{loc}/LC_MESSAGES/*.mo")):
                try:
                    with open(mo, "rb") as f:
                        catalogue = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
                except (OSError, UnicodeDecodeError):
                    continue
                for k, v in catalogue.items():
                    if isinstance(k, str) and isinstance(v, str) and _prose(k) and _prose(v):
                        out[lang].append((k.replace("\n", " "), v.replace("\n", " ")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-language", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-score", type=float, default=4.5)
    args = ap.parse_args()
    pairs = _pairs()
    english = sorted({k for ps in pairs.values() for k, _ in ps})
    words = findings = 0
    for s in english:
        words += len(s.split())
        findings += len(latin_runs.find(Document(s + "\n"), args.min_score))
    print(f"English messages: {words} words, {findings} findings, {findings / max(words, 1) * 1e4:.2f} per 10k")
    rng = random.Random(args.seed)
    for size in (1, 3):
        total: collections.Counter[str] = collections.Counter()
        found: collections.Counter[str] = collections.Counter()
        for lang, ps in pairs.items():
            ps = sorted(ps)
            rng.shuffle(ps)
            for k, v in ps[: args.per_language]:
                translated = v.split(" ")
                if len(translated) < size:
                    continue
                j = rng.randrange(0, len(translated) - size + 1)
                piece = " ".join(translated[j : j + size]).strip(".,:;!?")
                if size == 1 and (not piece.islower() or len(piece) < 4 or piece.lower() in k.lower().split()):
                    continue  # a single word: a lower-case word of four letters or more that the English lacks
                host = rng.choice(english).split(" ")
                if len(host) < 3:
                    continue
                i = rng.randrange(1, len(host))
                text = " ".join(host[:i] + [piece] + host[i:]) + "\n"
                start = len(" ".join(host[:i])) + 1
                spans = latin_runs.find(Document(text), args.min_score)
                total[lang] += 1
                found[lang] += any(sp.start < start + len(piece) and start < sp.end for sp in spans)
        by_language = ", ".join(f"{lang} {found[lang] / total[lang]:.2f}" for lang in total if total[lang])
        print(f"{size}-word pieces: {sum(found.values()) / max(sum(total.values()), 1):.3f} found ({by_language})")


if __name__ == "__main__":
    main()
