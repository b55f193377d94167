#!/usr/bin/env python3
"""Generate linter/text/data/role_nouns.txt: English nouns that name a person's role, title or occupation.

Name mentions drop the role words around a name ("Election Commissioner Rajiv Kumar" is Rajiv Kumar;
"chief China Strategist Laura Wang" is Laura Wang). A hand list of titles misses most occupations, so this
script derives the list from WordNet 3.0, whose lexicographer file noun.person holds every noun sense that
names a kind of person. A word is kept when
- its most frequent noun sense (WordNet orders senses by tagged frequency) is in noun.person, and that
  synset writes it in lower case (a common noun: "commissioner", not the instance "Spencer");
- it is used more as a noun than as a verb or adverb, and strictly more than as an adjective (tagged
  sense counts): "national", "crazy" and "patient" have person senses but are (also) adjectives, and a
  name rendered by its meaning is often an adjective ("Generous" for Karim, "Patient" for Sabri);
- it is frequent in English (wordfreq zipf >= MIN_ZIPF);
- no sense of it is labelled offensive, a slur, obscene or vulgar (in its gloss or by a usage-domain
  pointer to WordNet's "ethnic slur", "obscenity", "disparagement" ... synsets);
- it is not a well-attested given name or surname (rank <= REAL_NAME_RANK in rules/data/names.tsv.gz),
  so "Hunter", "Baker", "Cook" and "Major" stay name words ("Major" is a title by the hand list anyway).

Input: the WordNet 3.0 database files (index.noun, data.noun, index.adj, index.verb, index.adv), as
installed by Debian's wordnet-base package (`apt-get install wordnet-base`, /usr/share/wordnet) or found
in any WordNet 3.0 distribution. WordNet's licence allows redistribution with its notice, which the
output's header carries.

    python scripts/build_role_nouns.py [--wordnet /usr/share/wordnet]   # rewrites linter/text/data/role_nouns.txt
"""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path

from wordfreq import zipf_frequency

from mtlint.rules.names.lexicon import REAL_NAME_RANK, best_rank

PERSON_LEXFILE = 18  # noun.person in WordNet's lexnames
MIN_ZIPF = 3.0
OUT = Path(__file__).resolve().parent.parent / "linter" / "text" / "data" / "role_nouns.txt"
NOTICE = """\
# Derived from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for internal
# use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
# NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton may
# not be used in advertising or publicity pertaining to distribution of the software and/or database."""


def _index(path: Path) -> dict[str, tuple[int, list[str]]]:
    """lemma -> (tagged sense count, synset offsets in sense order) of one WordNet index file."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        parts = line.split()
        count = int(parts[2])
        out[parts[0]] = (int(parts[-count - 1]), parts[-count:])
    return out


def _synsets(path: Path) -> dict[str, tuple[int, list[str], str]]:
    """synset offset -> (lexicographer file number, words as written, gloss) of data.noun."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition("|")
        parts = head.split()
        count = int(parts[3], 16)
        usage = [parts[i + 1] for i, p in enumerate(parts) if p == ";u"]  # usage-domain pointers
        out[parts[0]] = (int(parts[1]), [parts[4 + 2 * i] for i in range(count)], gloss + " " + " ".join(usage))
    return out


# WordNet's own usage labels: slurs and obscenities are no titles and need not ship with the project.
OFFENSIVE = ("offensive", "slur", "obscene", "vulgar", "derogatory", "disparaging")
USAGE_LABELS = {"ethnic_slur", "obscenity", "vulgarism", "disparagement", "derogation", "profanity"}


def role_nouns(wordnet: Path) -> list[tuple[str, float]]:
    """(word, zipf) of every role noun, as described in the module docstring."""
    nouns, synsets = _index(wordnet / "index.noun"), _synsets(wordnet / "data.noun")
    labels = {o for o, (_, words, _gloss) in synsets.items() if set(words) & USAGE_LABELS}
    adjective = {lemma: tagged for lemma, (tagged, _) in _index(wordnet / "index.adj").items()}
    other: dict[str, int] = {}
    for pos in ("verb", "adv"):
        for lemma, (tagged, _) in _index(wordnet / f"index.{pos}").items():
            other[lemma] = max(other.get(lemma, 0), tagged)
    rows = []
    for lemma, (tagged, offsets) in nouns.items():
        if not lemma.isalpha():
            continue
        lexfile, words, _gloss = synsets[offsets[0]]
        if lexfile != PERSON_LEXFILE or lemma not in words or other.get(lemma, 0) > tagged:
            continue
        if any(label in synsets[o][2] for o in offsets for label in OFFENSIVE):
            continue
        if any(u in labels for o in offsets for u in synsets[o][2].split()):
            continue
        if 0 < adjective.get(lemma, 0) >= tagged:
            continue  # as much an adjective: "Patient", "Private" may be a name the translation rendered
        zipf = zipf_frequency(lemma, "en")
        if zipf < MIN_ZIPF or 0 < best_rank(lemma) <= REAL_NAME_RANK:
            continue
        rows.append((lemma, zipf))
    return sorted(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = role_nouns(args.wordnet)
    lines = [
        (
            f"# generated by scripts/build_role_nouns.py from WordNet 3.0 (noun.person, first sense) and wordfreq "
            f"{metadata.version('wordfreq')} (zipf >= {MIN_ZIPF}), minus names ranked <= {REAL_NAME_RANK}"
        ),
        NOTICE,
        *(word for word, _ in rows),
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} words")


if __name__ == "__main__":
    main()
