"""MT202 name-glossary: a near miss of a name in the user's glossary."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from mtlint.engine.config import Config
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.names.glossary import GlossaryEntry, GlossaryIndex, load_glossary, normalise, parse_lines
from mtlint.rules.names.lexicon import fold_diacritics, sound_keys, spelling_variants, without_modifiers
from mtlint.text.document import Document
from mtlint.text.names import NameMention, mentions


@dataclass(frozen=True)
class NameGlossaryOptions(RuleOptions):
    names: tuple[str, ...] = ()  # inline glossary lines, same format as a glossary file
    diacritics: bool = False  # also report names that differ from the glossary only in accents


class NameGlossary(Rule[NameGlossaryOptions]):
    """A name that is close to, but not, a canonical name in your glossary (`Anthony Blinken`).

    Newsrooms keep style sheets of the names they print. Machine translation respells names it
    re-transliterates (`Moayed Yusuf` for Moeed Yusuf, `Paul Kapoor` for S. Paul Kapur) or swaps in a
    familiar name (`Jack Sullivan` for Jake Sullivan); only a list of the right spellings catches that.

    Bad:  `Secretary of State Anthony Blinken said`   (glossary: `Antony Blinken`)
    Good: `Secretary of State Antony Blinken said`

    Glossaries: `glossary = ["names.txt"]` in the config, `--glossary FILE` (repeatable), or the option
    `names = ["Antony Blinken", "Touqir Hussain: Tougher Hussain"]` for a few entries inline. One
    canonical name per line, optionally `: variant, variant` listing known wrong spellings; `#` comments.

    Flagged, for each name mention (see `mtlint.text.names`):
    - a listed variant (`Tougher Hussain`);
    - the canonical surname with a different given name spelled alike (`Anthony`/`Antony`,
      `Jack`/`Jake`, `Moayed`/`Moeed`; Jaro-Winkler, Levenshtein and NYSIIS/Metaphone keys);
    - a surname spelled alike (`Kapoor`/`Kapur`) with the canonical given names (`Paul Kapoor`), or alone
      (`Kapoor`) when the document also names that person in full.
    Silent: canonical names and their shorter forms (`Paul Kapur`, `Blinken`), other people with the
    same surname (`Hunter Biden` beside `Joe Biden`), spellings that only drop a mute final e
    (`Rodolph Haykal` for `Rodolphe Haykal`), and spellings that differ only in diacritics (`Recep Tayyip
    Erdogan` for `Recep Tayyip Erdoğan`: many house styles drop accents; set `diacritics = true` to report
    them). Without any glossary the rule is silent.

    Fix: the canonical name. Safe when the text is a listed variant, unsafe when matched by likeness.
    """

    code = "MT202"
    name = "name-glossary"
    category = "garbled-name"
    severity = Severity.WARNING
    fixable = True

    Options = NameGlossaryOptions

    index: GlossaryIndex | None = None
    # Canonical names and surnames without accents (filled by configure when accents are not reported).
    folded: Mapping[str, GlossaryEntry] = MappingProxyType({})
    folded_surnames: Mapping[str, list[GlossaryEntry]] = MappingProxyType({})

    def configure(self, config: Config) -> None:
        """Load the glossary files of the run and the inline entries."""
        entries: list[GlossaryEntry] = []
        for path in config.glossary:
            entries.extend(load_glossary(path))
        entries.extend(parse_lines(self.options.names, f"{self.name} option 'names' entry"))
        if entries:
            self.index = GlossaryIndex.build(entries, sound_keys)
            folded: dict[str, GlossaryEntry] = {}
            surnames: dict[str, list[GlossaryEntry]] = {}
            if not self.options.diacritics:
                for entry in entries:
                    folded.setdefault(fold_diacritics(normalise(entry.canonical)), entry)
                    surnames.setdefault(fold_diacritics(entry.surname.casefold()), []).append(entry)
            self.folded, self.folded_surnames = folded, surnames

    def check(self, doc: Document) -> Iterator[Finding]:
        index = self.index
        if not index:
            return
        resolved: dict[str, GlossaryEntry] = {}  # the glossary people this document names
        alone: list[NameMention] = []
        for mention in mentions(doc):
            known = self._exact(mention)
            if known is not None:
                part, listed_entry, listed = known
                resolved[listed_entry.canonical] = listed_entry
                if listed:
                    yield self._finding(part, listed_entry.canonical, "a listed variant of", safe=True)
                continue
            mention = without_modifiers(mention)
            if not mention.given:
                alone.append(mention)
                continue
            entry, exact = self._near(mention)
            if entry is None:
                continue
            resolved[entry.canonical] = entry
            if not exact:
                yield self._finding(mention, entry.canonical, "close to", safe=False)
        yield from self._surnames_alone(alone, resolved)

    def _exact(self, mention: NameMention) -> tuple[NameMention, GlossaryEntry, bool] | None:
        """The canonical name or listed variant that `mention` ends with ("Pakistani Tougher Hussain"):
        the part that matched, its entry, and whether it is a variant."""
        index = self.index
        assert index is not None
        for k in range(len(mention.tokens)):
            part = replace(mention, start=mention.tokens[k].start, tokens=mention.tokens[k:]) if k else mention
            key = normalise(part.text)
            if key in index.canonical:
                return part, index.canonical[key], False
            if key in index.variants:
                return part, index.variants[key], True
            if fold_diacritics(key) in self.folded:
                return part, self.folded[fold_diacritics(key)], False
        return None

    def _surnames_alone(self, alone: list[NameMention], resolved: dict[str, GlossaryEntry]) -> Iterator[Finding]:
        """A surname alone is checked against the people the document names in full, and only them."""
        index = self.index
        assert index is not None
        for mention in alone:
            word = mention.surname.text
            if any(e.canonical in resolved for e in self._same_surname(word)):
                continue
            alike = {
                e.canonical: e
                for key in sound_keys(word.casefold())
                for e in index.by_sound.get(key, [])
                if e.canonical in resolved and spelling_variants(word, e.surname)
            }
            if len(alike) == 1:
                entry = next(iter(alike.values()))
                yield self._finding(mention, entry.surname, "close to", safe=False, full=entry.canonical)

    def _near(self, mention: NameMention) -> tuple[GlossaryEntry | None, bool]:
        """The glossary entry a full-name `mention` names or nearly names, and whether exactly."""
        index = self.index
        assert index is not None
        surname = mention.surname.text
        given = {t.text.casefold() for t in mention.given}
        same = self._same_surname(surname)
        if same:
            for entry in same:
                if given <= entry.given or (self.folded and self._folded(given) <= self._folded(entry.given)):
                    return entry, True
            first = mention.given[0].text
            near = [e for e in same if any(spelling_variants(first, g) for g in e.given)]
            return (near[0], False) if len(near) == 1 else (None, False)
        alike = {
            id(e): e
            for key in sound_keys(surname.casefold())
            for e in index.by_sound.get(key, [])
            if given <= e.given and spelling_variants(surname, e.surname)
        }
        return (next(iter(alike.values())), False) if len(alike) == 1 else (None, False)

    def _same_surname(self, word: str) -> list[GlossaryEntry]:
        """Entries whose surname is `word`, accents aside unless they are reported."""
        assert self.index is not None
        exact = self.index.by_surname.get(word.casefold(), [])
        return exact or self.folded_surnames.get(fold_diacritics(word.casefold()), [])

    @staticmethod
    def _folded(words: frozenset[str] | set[str]) -> set[str]:
        return {fold_diacritics(w) for w in words}

    def _finding(self, mention: NameMention, replacement: str, how: str, safe: bool, full: str = "") -> Finding:
        edit = Edit(mention.start, mention.end, replacement)
        fix = Fix.safe(edit) if safe else Fix.unsafe(edit)
        target = full or replacement
        return self.finding(
            mention.start,
            mention.end,
            f"'{mention.text}' is {how} the glossary name '{target}'; write '{replacement}'",
            fix=fix,
            name=mention.text,
            canonical=target,
        )
