"""Deterministic benchmark corpora built from the articles in fixtures/.

Each article is varied by a seeded random generator: its body lines are reordered, its proper names
are swapped for others, and paragraphs are drawn from the other articles until it reaches the target
size, so the duplicate and boilerplate rules see realistic input (shared footers, repeated widgets)
rather than 1,000 identical files.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

FIRST = [
    "Ada",
    "Omar",
    "Lina",
    "Karim",
    "Sofia",
    "Yusuf",
    "Mara",
    "Tariq",
    "Ines",
    "Hassan",
    "Nadia",
    "Pavel",
    "Leila",
    "Jonas",
    "Amira",
    "Rafael",
    "Samir",
    "Elena",
    "Bilal",
    "Clara",
]
LAST = [
    "Brenner",
    "Haddad",
    "Okafor",
    "Lindqvist",
    "Qureshi",
    "Moreau",
    "Nakamura",
    "Al-Amin",
    "Castillo",
    "Novak",
    "Rahimi",
    "Petrov",
    "Mensah",
    "Santos",
    "Farouk",
    "Keller",
    "Ibrahim",
    "Duarte",
    "Sato",
    "Volkov",
]
PLACES = [
    "Lisbon",
    "Karachi",
    "Amman",
    "Oslo",
    "Tunis",
    "Lagos",
    "Quito",
    "Riga",
    "Doha",
    "Hanoi",
    "Nairobi",
    "Tbilisi",
    "Lima",
    "Dakar",
    "Muscat",
    "Sofia",
    "Baku",
    "Rabat",
    "Accra",
    "Vilnius",
]
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def articles() -> list[str]:
    """The fixture documents the corpora are made of (the seed article first)."""
    files = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "documents").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files if p.is_file()]
    if not texts:
        raise SystemExit("bench: no fixture articles found in fixtures/")
    return texts


def _names(text: str) -> list[str]:
    """Capitalised words used at least twice, not at a line start: a cheap stand-in for proper names."""
    counts: dict[str, int] = {}
    for m in _NAME.finditer(text):
        if m.start() > 0 and text[m.start() - 1] != "\n":
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return sorted(w for w, n in counts.items() if n >= 2)


def vary(text: str, rng: random.Random) -> str:
    """Swap names and reorder the body lines (title and last line stay put)."""
    pool = FIRST + LAST + PLACES
    for name in _names(text):
        text = re.sub(rf"\b{re.escape(name)}\b", rng.choice(pool), text)
    lines = text.split("\n")
    if len(lines) > 4:
        body = lines[1:-2]
        rng.shuffle(body)
        lines = lines[:1] + body + lines[-2:]
    return "\n".join(lines)


def article(i: int, sources: list[str], size: int = 5000) -> str:
    """Article number `i`: one fixture varied, topped up with paragraphs of the others to `size` chars."""
    rng = random.Random(i)
    text = vary(sources[i % len(sources)], rng)
    while len(text) < size:
        extra = [p for p in rng.choice(sources).split("\n") if len(p) > 40]
        if extra:
            text += "\n" + rng.choice(extra) + "\n"
    if len(text) > size * 2:  # the seed article is long: keep the corpus near `size` per file
        cut = text.rfind("\n", 0, size * 2)
        text = text[: cut + 1] if cut > 0 else text
    return text if text.endswith("\n") else text + "\n"


def build_files(folder: Path, count: int = 1000, size: int = 5000) -> int:
    """Write `count` varied articles into `folder`; return the total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = articles()
    total = 0
    for i in range(count):
        data = article(i, sources, size).encode("utf-8")
        path = folder / f"article-{i:04d}.txt"
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        total += len(data)
    return total


def build_long(path: Path, paragraphs: int = 20000) -> int:
    """One document of `paragraphs` paragraphs (blank-line separated), some repeated far apart."""
    sources = articles()
    rng = random.Random(20000)
    pool = [p.strip() for s in sources for p in s.split("\n") if len(p.strip()) > 60]
    out = []
    for i in range(paragraphs):
        p = rng.choice(pool)
        if i % 50:  # most paragraphs are made unique; every 50th repeats an earlier one verbatim
            p = f"{p[:-1]} ({rng.choice(PLACES)}, item {i})."
        out.append(p)
    data = ("\n\n".join(out) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "na",
    "el",
    "su",
    "ta",
    "vi",
    "do",
    "ar",
    "len",
    "bar",
    "hu",
    "zo",
    "mi",
    "ol",
    "qu",
    "ssa",
    "ber",
    "tin",
    "ya",
    "ro",
    "fa",
    "di",
    "ne",
    "go",
    "pe",
    "lu",
    "sha",
    "ko",
]


def build_glossary(path: Path, entries: int = 100000) -> int:
    """A generated glossary of `entries` canonical names, one per line (glossary format).

    It holds every first-last pair the corpus uses, then made-up names of 2-4 syllable surnames.
    """
    rng = random.Random(100000)
    lines = [f"{f} {la}" for f in FIRST for la in LAST]
    seen = set(lines)
    while len(lines) < entries:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        name = f"{rng.choice(FIRST)} {surname}"
        if name not in seen:
            seen.add(name)
            lines.append(name)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)
