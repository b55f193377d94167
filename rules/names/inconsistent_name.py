"""MT203 inconsistent-name: one person's name spelled two ways in one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from mtlint.engine.config import Config
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.names import lexicon as lex
from mtlint.rules.names.glossary import load_glossary
from mtlint.text.document import Document
from mtlint.text.names import NameMention, NameToken, mentions


@dataclass
class _Person:
    """The mentions of one person: full names, then surname-only mentions that joined them."""

    mentions: list[NameMention] = field(default_factory=list)
    forms: set[tuple[str, str]] = field(default_factory=set)  # (given, surname), case-folded
    surnames: set[str] = field(default_factory=set)

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)
        given = mention.given[0].text.casefold() if mention.given else ""
        self.surnames.add(mention.surname.text.casefold())
        if given:
            self.forms.add((given, mention.surname.text.casefold()))


@dataclass(frozen=True)
class InconsistentNameOptions(RuleOptions):
    diacritics: bool = False  # also report spellings that differ only in accents ("Erdoğan"/"Erdogan")


class InconsistentName(Rule[InconsistentNameOptions]):
    """One person's name spelled two ways in the same document (`Ihab Galal` ... `Ihab Jalal`).

    Each paragraph of a machine translation is transliterated on its own, so one person can come out as
    `Moeed Yusuf` in one paragraph and `Moayed Yusuf` in the next, or `Kapur` after `Paul Kapoor`.
    Whichever spelling is right, a reader should not have to wonder whether these are two people.

    Bad:  `Coach Ihab Galal named his squad. ... Ihab Jalal said the team was ready.`
    Good: the same spelling throughout.

    Left alone: two people who share a surname (`Joe Biden` ... `Hunter Biden`), a name and its
    extension (`Arabia` / `Arabian`), and spellings that differ only in accents (`Erdoğan` / `Erdogan`).

    Heuristics: mentions of two words or more (see `mtlint.text.names`) that look like a person (a known given
    name or surname, or a title before them) are clustered: same surname with given names spelled alike
    (`Moeed`/`Moayed`), or the same given names with surnames spelled alike (`Galal`/`Jalal`, `Kapoor`/
    `Kapur`; Jaro-Winkler, Levenshtein, NYSIIS/Metaphone). A surname alone joins the one cluster whose
    surname it matches or nearly matches, if it stands near a mention of that person (within about 1,000
    words, before or after: a speech or a collection of quotations that names someone alike pages away
    speaks of someone else). Two common given names (`Joe`/`John`, `Jack`/`Jake`) beside one
    surname are two people (`Joe Biden` and `Hunter Biden` are never one cluster); a word and its
    extension (`Arabia`/`Arabian`) are never variants.

    Each minority spelling is reported with the majority one as the suggestion (ties go to the spelling
    of the first full mention); when exactly one of the spellings is in a glossary of the run
    (`glossary = [...]`, `--glossary`, see `name-glossary`), that one is the suggestion. Fix (unsafe:
    which spelling is right needs the source): the suggested spelling.

    Spellings that differ only in diacritics (`Erdoğan`/`Erdogan`, `Şahin`/`Sahin`) name one person and
    are one spelling here: sites and agencies drop accents inconsistently, and both forms are right. Set
    `diacritics = true` to report them too.
    """

    code = "MT203"
    name = "inconsistent-name"
    category = "garbled-name"
    severity = Severity.WARNING
    fixable = True

    Options = InconsistentNameOptions

    glossary_words: frozenset[str] = frozenset()

    def configure(self, config: Config) -> None:
        """Read the run's glossary files: their spellings win over the document's majority."""
        words = {w.casefold() for path in config.glossary for e in load_glossary(path) for w in e.canonical.split()}
        self.glossary_words = frozenset(words)

    def check(self, doc: Document) -> Iterator[Finding]:
        people: list[_Person] = []
        index: dict[str, list[int]] = {}  # surname, sound key of the surname, given name -> people
        singles: list[NameMention] = []
        for mention in map(lex.without_modifiers, mentions(doc)):
            if len(mention.words) >= 2 and _looks_like_person(mention):
                keys = _keys(mention)
                candidates = sorted({i for k in keys for i in index.get(k, ())})
                found = next((i for i in candidates if _same_person(mention, people[i])), None)
                if found is None:
                    people.append(_Person())
                    found = len(people) - 1
                people[found].add(mention)
                for k in keys:
                    if found not in index.setdefault(k, []):
                        index[k].append(found)
            elif len(mention.tokens) == 1 and _surname_alone(mention):
                singles.append(mention)
        for mention in singles:
            word = mention.surname.text.casefold()
            related = {i for k in _keys(mention)[:-1] for i in index.get(k, ())}
            if any(word in people[i].surnames for i in related):
                continue  # the exact spelling of someone's surname
            near = [
                i
                for i in related
                if any(_alike_alone(word, s) for s in people[i].surnames) and _near_a_mention(mention, people[i])
            ]
            if len(near) == 1:
                people[near[0]].add(mention)
        for person in people:
            yield from self._report(person, lambda m: m.surname, "surname")
            yield from self._report(person, lambda m: m.given[0] if m.given else None, "given name")

    def _report(self, person: _Person, part, label: str) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
        tokens: list[NameToken] = [t for t in (part(m) for m in person.mentions) if t is not None]
        key = (lambda s: s) if self.options.diacritics else lex.fold_diacritics
        counts = Counter(key(t.text) for t in tokens)  # spellings, accents folded unless reported
        if len(counts) < 2:
            return
        first_full = next(part(m) for m in person.mentions if len(m.words) >= 2)
        glossary = {key(w) for w in self.glossary_words}
        in_glossary = [s for s in counts if key(s.casefold()) in glossary]
        choice = in_glossary if len(in_glossary) == 1 else list(counts)
        top = max(choice, key=lambda s: (counts[s], s == key(first_full.text)))
        written = Counter(t.text for t in tokens if key(t.text) == top)
        majority = max(written, key=lambda s: (written[s], s == first_full.text))  # as the text writes it
        why = "the glossary spelling" if choice is in_glossary else "elsewhere in this document"
        full = next(m.text for m in person.mentions if len(m.words) >= 2)
        for token in tokens:
            if key(token.text) != top and lex.spelling_variants(token.text, majority):
                yield self.finding(
                    token.start,
                    token.end,
                    f"'{token.text}' is spelled '{majority}' {why} ({label} of {full})",
                    fix=Fix.unsafe(Edit(token.start, token.end, majority)),
                    spelling=token.text,
                    majority=majority,
                )


def _looks_like_person(mention: NameMention) -> bool:
    """A known name among its words, or a title before it; and no English common word in it."""
    if any(lex.is_english_word(t.text) for t in mention.words):
        return False
    if all(lex.is_common_word(t.text) for t in mention.words):
        return False  # "Real Men", "Gold Mine", "Fair Game": common words, whatever names they also spell
    return bool(mention.title) or any(lex.is_known_name(t.text) for t in mention.words)


def _surname_alone(mention: NameMention) -> bool:
    """A one-word mention that can stand for someone's surname: not an English word, and not so common a
    word that its capital may be a title's or a sentence's ("the Law of the Sea", "the House")."""
    word = mention.surname.text
    if lex.is_english_word(word) or lex.is_common_word(word):
        return False
    given, surname = lex.name_ranks(word)
    return not (0 < given <= lex.COMMON_GIVEN_RANK and not 0 < surname < given)  # "Dave", "Francis said"


# How far (in characters, about 1,000 words) a surname alone may stand from a mention of the person it
# refers to: a news story names a person in full and goes on with the surname (or a headline uses the
# surname first), while a speech, a book or a collection of quotations that names another person alike
# pages away speaks of someone else.
REFERENCE_REACH = 6000


def _near_a_mention(mention: NameMention, person: _Person) -> bool:
    """Whether a surname alone stands within REFERENCE_REACH of a mention of `person`, before or after."""
    return any(min(abs(mention.start - m.end), abs(m.start - mention.end)) <= REFERENCE_REACH for m in person.mentions)


def _alike_alone(word: str, surname: str) -> bool:
    """A lone word close enough in letters to a cluster's surname ("Kapur"/"Kapoor", "Jalal"/"Galal"):
    without a given name beside it, sound alone ("Choy"/"Show", "Dallas"/"Dali") is too weak a link."""
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    if not lex.spelling_variants(word, surname):
        return False
    return Levenshtein.normalized_similarity(word, surname) >= 0.6 and JaroWinkler.similarity(word, surname) >= 0.85


def _keys(mention: NameMention) -> list[str]:
    """Index keys of a mention: its surname, the sound keys of the surname, its first given name."""
    surname = mention.surname.text.casefold()
    keys = ["s:" + surname, *("k:" + k for k in lex.sound_keys(surname))]
    return keys + ["g:" + (mention.given[0].text.casefold() if mention.given else "")]


def _same_person(mention: NameMention, person: _Person) -> bool:
    surname = mention.surname.text.casefold()
    given = mention.given[0].text.casefold() if mention.given else ""
    for other_given, other_surname in person.forms:
        if surname == other_surname:
            if given == other_given:
                return True
            if lex.spelling_variants(given, other_given) and not lex.distinct_given_names(given, other_given):
                return True
        elif given == other_given and lex.spelling_variants(surname, other_surname):
            return True
    return False
