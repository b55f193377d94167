"""MT403 untranslated-script: text left in another script (or, optionally, another language)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.model import Finding
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.encoding import language_id, latin_runs, other_scripts, vietnamese
from mtlint.text.document import Document


@dataclass(frozen=True)
class UntranslatedScriptOptions(RuleOptions):
    """Options of untranslated-script."""

    min_letters: int = 2
    allow_scripts: tuple[str, ...] = ()
    detect_latin: bool = True
    latin_min_score: float = 4.5
    lone_words: bool = True
    allow_words: tuple[str, ...] = ()
    detect_languages: bool = True
    min_words: int = 8
    min_confidence: float = 0.9


class UntranslatedScript(Rule[UntranslatedScriptOptions]):
    """Text left untranslated: runs of another script, or words, clauses and sentences in another language.

    Machine-translation pipelines pass through what they cannot translate: a Korean section tag glued to a
    headline (`[정치]Confrontation continues`), an editor's note left in Chinese, a Spanish sound bite, a
    Turkish date line. Readers of the English page cannot read it. One finding per stretch of foreign text.

    Bad:  `[정치]Confrontation continues over the plenary session`
    Bad:  `The minister said que no habrá cambios this year.`
    Good: `The minister said there would be no changes this year.`

    Other scripts (Arabic, Cyrillic, Han, Hangul, ...): a run goes on across spaces, digits and punctuation,
    so an untranslated paragraph is one finding. Left alone: a name or word in its original script next to a
    parenthesised transliteration or translation (`Ivan (Иван)`, `the word «بوابة» (gate)`), a language's
    own name in a language menu (`Русский`, `日本語`), in Markdown a short run that is the whole text of a
    link (a contributor's name: `[윤세영](...)`), runs shorter than `min-letters`, and scripts listed in
    `allow-scripts` (e.g. `["Greek"]` for scientific text).

    Latin script (Spanish, Portuguese, French, Italian, German, Turkish, Indonesian, Dutch), with no extra
    installed: each word is scored by how much more frequent it is in its likeliest source language than in
    English (tables built from wordfreq and shipped with mtlint); English words score below zero, and words
    in no table are judged by their letters. A stretch of words whose scores add up to `latin-min-score`, with
    two different foreign words, is reported as text left in that language, from its first foreign word to its
    last: `Text left in Spanish: 'que no habrá cambios'.` A lone word is reported when it is quoted or italic by
    itself (`the so-called “enfado”`), has letters English never uses (`launçamento`) or is so foreign that
    English seldom writes it (wordfreq zipf 1.9 or less: `who had trabajado through the night`, `según the
    statement`); a day with a month name English never uses is a date left untranslated (`Güncelleme Tarihi: 12
    Mayıs 2024`). Left alone: names (`Banco do Brasil`, `Ursula von der Leyen`), loanwords in English use
    (`fiesta`, `coup d'état`, `per se`), a short phrase after an English determiner (`a café con leche`), quoted
    titles and slogans (`the film “La vita è bella”`; but a quotation of five words or more that a verb of saying
    and a colon or comma open is speech, and is read: `the mayor said: “Nous allons reconstruire la ville”`),
    short link titles in Markdown (`[Versão em português](…)`), terms introduced or glossed (`a tea called
    chimarrão`, `“saudade” (longing)`), identifiers and code (no run crosses a code span, a link or a table
    cell), and a lone word the document uses twice or more (a term its writer chose).

    Vietnamese, also in Latin script but in syllables too short to score one by one, is told by its letters: a
    stretch of at least five syllables with diacritics joined by spaces, mostly in lower case, one with a letter
    only Vietnamese uses (`ệ`, `ơ`, `ư`), is text left in Vietnamese (`said that công tác phòng chống thiên tai
    đã được triển khai before`). Left alone: names, which capitalise their words (`Nguyễn Phú Trọng`, `Trường
    Đại học Sư phạm`), dishes English borrows (`cà phê sữa đá`), lists (a comma ends a stretch), and a stretch
    with its translation in brackets beside it.

    Whole sentences the Latin-script path leaves are read by the offline language identifier lingua when
    the optional extra is installed (`pip install 'mtlint[lang]'`): a sentence of at least `min-words` words
    that it assigns to another language with confidence `min-confidence` or more, and that has few English
    function words, is reported too. Without the extra this part is skipped silently.

    Options: `detect-latin` (default true) turns the Latin-script path off; `latin-min-score` (4.5; lower
    finds shorter clauses and risks more false alarms); `lone-words` (true) reports single words;
    `allow-words` (e.g. `["mañanera", "bolsa família"]`) lists words and phrases a project uses on purpose;
    `detect-languages` (true) turns lingua off.

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
            for m in other_scripts.runs(text, block.start, block.end):
                runs.append((m.start(), m.end()))
                letters = sum(1 for c in m.group(0) if c.isalpha())
                script = other_scripts.script_of(m.group(0))
                if letters < self.options.min_letters or script.split(" ")[0].lower() in allowed:
                    continue
                if other_scripts.glossed(text, m.start(), m.end(), block.start, block.end):
                    continue
                if other_scripts.is_name(doc.text, m.group(0), m.start(), m.end(), doc.format == "markdown"):
                    continue
                yield self.finding(
                    m.start(), m.end(), f"Untranslated {script} text: '{_excerpt(m.group(0))}'.", script=script
                )
        opts = self.options
        if opts.detect_latin:
            # One look for Vietnamese letters in the whole text (almost no document has one) before any block's.
            viet = vietnamese.has_letters(text, 0, len(text))
            for block in doc.blocks if viet else ():
                for stretch in vietnamese.stretches(text, block.start, block.end):
                    runs.append((stretch.start, stretch.end))
                    excerpt = _excerpt(" ".join(text[stretch.start : stretch.end].split()))
                    yield self.finding(
                        stretch.start, stretch.end, f"Text left in Vietnamese: '{excerpt}'.", language="Vietnamese"
                    )
            for span in latin_runs.find(doc, opts.latin_min_score, opts.lone_words, opts.allow_words):
                if viet and vietnamese.has_letters(text, span.start, span.end):
                    continue  # Vietnamese, scored as some other language: the stretches above judge it
                runs.append((span.start, span.end))
                kind = {"word": "Word", "date": "Date"}.get(span.kind, "Text")
                where = f"left in {span.language}" if span.language else "not in English"
                excerpt = _excerpt(" ".join(doc.prose[span.start : span.end].split()))
                yield self.finding(
                    span.start, span.end, f"{kind} {where}: '{excerpt}'.", language=span.language or "unknown"
                )
        if opts.detect_languages:
            for found in language_id.foreign_sentences(doc, runs, opts.min_words, opts.min_confidence):
                excerpt = _excerpt(" ".join(doc.prose[found.start : found.end].split()))
                yield self.finding(
                    found.start,
                    found.end,
                    f"Text left in {found.language}: '{excerpt}'.",
                    language=found.language,
                    confidence=f"{found.confidence:.2f}",
                )


def _excerpt(run: str, limit: int = 40) -> str:
    return run if len(run) <= limit else run[: limit - 1] + "…"
