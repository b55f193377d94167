"""MT501 grammar: grammar errors found by LanguageTool or by the offline Harper checker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mtlint.engine.config import Config
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.rules.grammar.settings import GrammarOptions, merge, resolve, validate_table
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

if TYPE_CHECKING:
    from mtlint.rules.grammar.backend import Backend

_CAPITALISED = compiled(r"\b\p{Lu}")


class Grammar(Rule[GrammarOptions]):
    """Grammar errors in the prose, found by LanguageTool or by Harper.

    Machine translation leaves agreement slips, wrong articles and broken verb forms that no
    pattern list catches. This rule sends the prose of each paragraph and list item (never code,
    URLs or markup) to a grammar checker and reports what it finds, with the checker's rule id.

        Bad:  The minister have signed an agreements with the the company.
        Good: The minister has signed an agreement with the company.

    Left alone: code, URLs and markup (never sent), capitalised words a checker would "correct" (names
    are not fixed), and spelling (off by default: `Kılıçdaroğlu` is not a typo).

    It is off unless selected (`--select grammar`, or `select = ["grammar"]` in the config).
    Once selected it must work: a server that cannot be reached, or a missing package, stops the
    run with one line (exit 2) instead of passing silently.

    Backends (`[tool.mtlint.grammar] backend = ...`):
    - "languagetool" (default): a LanguageTool server, from `--languagetool-url URL`, else
      `MTLINT_LANGUAGETOOL_URL`, else `url = ...` in `[tool.mtlint.grammar]`; without a URL, a
      LanguageTool already unpacked under `LTP_PATH` (mtlint never downloads it). Its client,
      language-tool-python, comes with mtlint.
    - "harper": Harper, offline and in process, limited to the lints that suit edited news
      prose (rules/grammar/harper-lints.txt). Needs `pip install 'mtlint[grammar]'`.

    Options (in `[tool.mtlint.grammar]` or `[tool.mtlint.rules.grammar]`): backend, url,
    timeout (seconds per request), max-requests (requests in flight at once), batch-size
    (characters per request), language (en-US), mother-tongue (the source language: helps
    LanguageTool's false-friend rules), enabled-rules, disabled-rules (checker rule ids),
    disabled-categories and picky (LanguageTool only), spelling (off by default: translated
    names would drown the output).

    Fix: the checker's first suggestion, as an unsafe fix (`--fix --unsafe-fixes`); never when
    the flagged words are capitalised (checkers "correct" names) or span a line break.
    """

    code = "MT501"
    name = "grammar"
    category = "grammar"
    severity = Severity.WARNING
    fixable = True
    default_enabled = False

    Options = GrammarOptions

    @classmethod
    def check_config(cls, config: Config) -> None:
        """The `[tool.mtlint.grammar]` table: known keys, right types (checked even when MT501 is off)."""
        try:
            validate_table(dict(config.grammar))
        except ValueError as exc:
            raise ValueError(f"[grammar]: {exc}") from None

    def configure(self, config: Config) -> None:
        """Resolve the settings and open the backend once per run (ValueError: one line, exit 2)."""
        options = merge(config.grammar, self.options)
        self.settings = resolve(options, config.languagetool_url)
        # Imported here: the rule is off by default, and a run without it never needs its backends.
        from mtlint.rules.grammar.backend import open_backend

        self.backend: Backend = open_backend(self.settings)

    def cache_token(self) -> str:
        """Cached findings depend on the resolved settings (the environment's URL included) and the checker."""
        return f"{self.settings!r} {self.backend.identity}"

    def check(self, doc: Document) -> Iterator[Finding]:
        from mtlint.rules.grammar.chunks import prose_chunks  # see configure

        chunks = prose_chunks(doc)
        for chunk, issues in zip(chunks, self.backend.check(chunks)):
            for issue in issues:
                start, end = chunk.span(issue.start, issue.end)
                if end <= start or chunk.near_hole(issue.start, issue.end):
                    continue  # next to code or a URL that was left out: an artefact of the masking
                fix = None
                if issue.edit is not None and not _CAPITALISED.search(doc.text[start:end]):
                    fix = self._fix(doc, *chunk.span(issue.edit[0], issue.edit[1]), issue.edit[2])
                yield self.finding(
                    start,
                    end,
                    f"{issue.message} ({issue.rule_id})",
                    fix,
                    backend=self.backend.name,
                    rule_id=issue.rule_id,
                )

    @staticmethod
    def _fix(doc: Document, start: int, end: int, replacement: str) -> Fix | None:
        original = doc.text[start:end]
        if _CAPITALISED.search(original) or "\n" in original or "\r" in original or original == replacement:
            return None
        return Fix.unsafe(Edit(start, end, replacement))
