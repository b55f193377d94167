"""MT403 untranslated-script: text left in another script (or, optionally, another language)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtlint.model import Finding
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.encoding import language_id
from mtlint.text.document import Document

# A letter of any script but Latin; marks (vowel signs, harakat) ride along with their letter.
_FOREIGN = r"[\p{L}--\p{Latin}--\p{Common}][\p{M}]*"
# A run: foreign letters, possibly across spaces, digits, punctuation and joiners (ZWNJ), but never across
# a Latin letter or a line break.
_RUN = regex.compile(rf"{_FOREIGN}(?:[\p{{M}}\p{{Lm}}\p{{Cf}}\p{{N}}\p{{P}}\p{{S}}\p{{Zs}}]*{_FOREIGN})*", regex.V1)
_FOREIGN_WORD = regex.compile(rf"(?:{_FOREIGN})+", regex.V1)
_LATIN_WORD = regex.compile(r"\p{Latin}[\p{Latin}\p{M}'’\-]*", regex.V1)
# Quotes and spaces that may stand between a name and its parenthesised gloss.
_QUOTES = " \t\u00a0\"'“”‘’«»「」『』"
_SCRIPTS = (
    "Arabic",
    "Cyrillic",
    "Han",
    "Hangul",
    "Hiragana",
    "Katakana",
    "Hebrew",
    "Devanagari",
    "Bengali",
    "Greek",
    "Thai",
    "Armenian",
    "Georgian",
    "Tamil",
    "Telugu",
    "Gurmukhi",
    "Gujarati",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Ethiopic",
    "Khmer",
    "Lao",
    "Myanmar",
    "Syriac",
    "Thaana",
    "Tibetan",
)
_SCRIPT_RE = {name: regex.compile(rf"\p{{Script={name}}}") for name in _SCRIPTS}
_PERSIAN = regex.compile(r"[پچژگ]")  # letters Persian (and Urdu) add to the Arabic alphabet
_URDU = regex.compile(r"[ٹڈڑںےھ]")
_JAPANESE = frozenset({"Hiragana", "Katakana"})
MAX_GLOSSED_WORDS = 6
# English function words that other Latin-script languages rarely use ("a", "no", "me" and "on" are left
# out: Spanish, Italian or French use them too). An English sentence of eight words or more almost always
# has several; a sentence in another language has next to none. This guards the language identifier, which
# can be confidently wrong about English full of foreign names.
_ENGLISH_WORDS = frozenset(
    """
    the of and to in is was that for it with as be at by this had not are but from or have an they which
    you were her she there would their we him been has when who will more if out so said what up its about
    into than them can only other new some could these two may then do any my now such our over even most
    after also did many before must through where much should well those while because being since
    against between during without under around among he his i
""".split()
)
MAX_ENGLISH_SHARE = 0.1
# URLs, e-mail addresses, paths and file names are not language: drop them before identification.
_NOT_PROSE = regex.compile(r"\S*(?:[/@\\]|://|\w\.\w)\S*")


@dataclass(frozen=True)
class UntranslatedScriptOptions(RuleOptions):
    min_letters: int = 2
    allow_scripts: tuple[str, ...] = ()
    detect_languages: bool = True
    min_words: int = 8
    min_confidence: float = 0.9


class UntranslatedScript(Rule[UntranslatedScriptOptions]):
    """Text left untranslated: runs of another script, or whole sentences in another language.

    Machine-translation pipelines pass through what they cannot translate: a Korean section tag glued to a
    headline (`[정치]Confrontation continues`), a sound bite or an editor's note left in Chinese, an Arabic
    site name after an English one. Readers of the English page cannot read it.

    Bad:  `[정치]Confrontation continues over the plenary session`
    Bad:  `Freedom and Justice Gate بوابة`
    Good: `Politics: Confrontation continues over the plenary session`

    One finding per contiguous run: a run spans the spaces, digits and punctuation between words of the
    other script, so an untranslated paragraph is one finding. Not reported: a name or word in its original
    script right next to a parenthesised transliteration or translation, as careful writers do:
    `Ivan (Иван)`, `Иван (Ivan)`, `the word «بوابة» (gate)`; runs shorter than `min-letters`; scripts listed in
    `allow-scripts` (e.g. `["Greek"]` for scientific text).

    Latin-script languages: when the optional extra is installed (`pip install 'mtlint[lang]'`, which brings
    the offline lingua language identifier), a sentence of at least `min-words` words that lingua assigns to
    another language with confidence `min-confidence` or more is reported too (`Hoy hemos jurado el cargo`).
    A sentence with more than a few English function words (`the`, `of`, `which`, ...) is never reported,
    however sure the identifier is. Without the extra this part is skipped silently; `detect-languages =
    false` turns it off.

    No fix: the translation has to come from the source.
    """

    code = "MT403"
    name = "untranslated-script"
    category = "untranslated"

    Options = UntranslatedScriptOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose
        allowed = {s.lower() for s in self.options.allow_scripts}
        runs = []
        for block in doc.blocks:
            for m in _RUN.finditer(text, block.start, block.end):
                runs.append((m.start(), m.end()))
                letters = sum(1 for c in m.group(0) if c.isalpha())
                script = _script_of(m.group(0))
                if letters < self.options.min_letters or script.split(" ")[0].lower() in allowed:
                    continue
                if _glossed(text, m.start(), m.end(), block.start, block.end):
                    continue
                yield self.finding(
                    m.start(), m.end(), f"Untranslated {script} text: '{_excerpt(m.group(0))}'.", script=script
                )
        if self.options.detect_languages:
            yield from self._languages(doc, runs)

    def _languages(self, doc: Document, runs: list[tuple[int, int]]) -> Iterator[Finding]:
        detect = language_id.load_detector()
        if detect is None:
            return
        pending: list = []  # consecutive sentences of one block in one language: [start, end, language, conf]
        for sentence in doc.sentences:
            found = None
            prose = _NOT_PROSE.sub(" ", sentence.text)
            words = _LATIN_WORD.findall(prose)
            english = sum(w.lower() in _ENGLISH_WORDS for w in words)
            if (
                len(words) >= self.options.min_words
                and english <= MAX_ENGLISH_SHARE * len(words)
                and not any(s < sentence.end and sentence.start < e for s, e in runs)
            ):
                language, confidence = detect(prose)
                if language != "ENGLISH" and confidence >= self.options.min_confidence:
                    found = [sentence.start, sentence.end, language.title(), confidence, sentence.block]
            if pending and (found is None or found[2] != pending[2] or found[4] != pending[4]):
                yield self._language_finding(pending)
                pending = []
            if found and pending:
                pending[1], pending[3] = found[1], min(pending[3], found[3])
            elif found:
                pending = found
        if pending:
            yield self._language_finding(pending)

    def _language_finding(self, pending: list) -> Finding:
        start, end, language, confidence = pending[:4]
        return self.finding(
            start,
            end,
            f"This sentence seems to be in {language}, left untranslated "
            f"(language identifier confidence {confidence:.2f}).",
            language=language,
        )


def _script_of(run: str) -> str:
    """Name the script of a run ("Arabic (Persian)", "Hangul", "Japanese")."""
    counts = {name: len(pattern.findall(run)) for name, pattern in _SCRIPT_RE.items()}
    best = max(counts, key=counts.get)  # type: ignore[arg-type]
    if counts[best] == 0:
        return "non-Latin"
    if best in _JAPANESE or (best == "Han" and any(counts[j] for j in _JAPANESE)):
        return "Japanese"
    if best == "Arabic" and _URDU.search(run):
        return "Arabic (Urdu)"
    if best == "Arabic" and _PERSIAN.search(run):
        return "Arabic (Persian)"
    return best


def _glossed(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a short run stands next to a parenthesised gloss: `Ivan (Иван)` or `Иван (Ivan)`."""
    if len(_FOREIGN_WORD.findall(text, start, end)) > MAX_GLOSSED_WORDS:
        return False
    before = text[lo:start].rstrip(_QUOTES)
    after = text[end:hi].lstrip(_QUOTES)
    # `Ivan (Иван)`: the run is the whole parenthesis (or its first item) after Latin words.
    if before.endswith("(") and after[:1] in (")", ",", ";") and _LATIN_WORD.search(before[-60:]):
        return True
    # `Иван (Ivan)`: a parenthesis with Latin text follows the run.
    if after.startswith("("):
        close = after.find(")")
        return close > 0 and bool(_LATIN_WORD.search(after, 1, close))
    return False


def _excerpt(run: str, limit: int = 40) -> str:
    return run if len(run) <= limit else run[: limit - 1] + "…"
