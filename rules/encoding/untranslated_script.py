"""MT403 untranslated-script: text left in another script (or, optionally, another language)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.model import Finding
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.encoding import language_id, other_scripts
from mtlint.text.document import Document


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
            for m in other_scripts.runs(text, block.start, block.end):
                runs.append((m.start(), m.end()))
                letters = sum(1 for c in m.group(0) if c.isalpha())
                script = other_scripts.script_of(m.group(0))
                if letters < self.options.min_letters or script.split(" ")[0].lower() in allowed:
                    continue
                if other_scripts.glossed(text, m.start(), m.end(), block.start, block.end):
                    continue
                yield self.finding(
                    m.start(), m.end(), f"Untranslated {script} text: '{_excerpt(m.group(0))}'.", script=script
                )
        if self.options.detect_languages:
            opts = self.options
            for found in language_id.foreign_sentences(doc, runs, opts.min_words, opts.min_confidence):
                yield self.finding(
                    found.start,
                    found.end,
                    f"This sentence seems to be in {found.language}, left untranslated "
                    f"(language identifier confidence {found.confidence:.2f}).",
                    language=found.language,
                )


def _excerpt(run: str, limit: int = 40) -> str:
    return run if len(run) <= limit else run[: limit - 1] + "…"
