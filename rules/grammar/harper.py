"""Harper backend: an offline English grammar checker in process (harper-py), no Java, no server.

Only the Harper lints listed in harper-lints.txt run: the ones that suit edited news prose and were
measured not to flag the clean articles of the development corpus (see bench/grammar_harper.py).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from mtlint import package_data
from mtlint.rules.grammar.chunks import Chunk
from mtlint.rules.grammar.issues import Issue
from mtlint.rules.grammar.settings import GrammarSettings

MISSING = "the harper backend needs harper-py: pip install 'mtlint[grammar]'"
SPELLING = "SpellCheck"
_DIALECTS = {
    "en": "AMERICAN",
    "en-us": "AMERICAN",
    "en-gb": "BRITISH",
    "en-au": "AUSTRALIAN",
    "en-ca": "CANADIAN",
    "en-in": "INDIAN",
}


def allowlist() -> tuple[str, ...]:
    """The Harper lints mtlint runs by default (one name a line; '#' starts a comment)."""
    text = package_data.read_text("mtlint.rules.grammar", "harper-lints.txt")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(n for n in names if n)


class HarperBackend:
    """Lint each chunk as plain text with the allowed Harper lints."""

    name = "harper"

    def __init__(self, linter: object, on: frozenset[str] = frozenset()) -> None:
        self.linter = linter
        from importlib.metadata import version

        self.identity = f"harper-py {version('harper-py')}: {','.join(sorted(on))}"

    @classmethod
    def open(cls, settings: GrammarSettings) -> HarperBackend:
        """Build the linter (about a second: it loads the dictionary); ValueError if it cannot work."""
        try:
            import harper
        except ImportError:
            raise ValueError(MISSING) from None
        opts = settings.options
        dialect = _DIALECTS.get(opts.language.lower())
        if dialect is None:
            known = ", ".join(sorted({k for k in _DIALECTS if "-" in k}))
            raise ValueError(f"the harper backend checks English only: language {opts.language!r} (use {known})")
        known_rules = harper.get_default_lint_config()
        for name in (*opts.enabled_rules, *opts.disabled_rules):
            if name not in known_rules:
                raise ValueError(f"unknown Harper rule {name!r} in enabled-rules/disabled-rules")
        on = set(allowlist()) | set(opts.enabled_rules) | ({SPELLING} if opts.spelling else set())
        on -= set(opts.disabled_rules)
        return cls(_linter(dialect, frozenset(on)), frozenset(on))

    def check(self, chunks: Sequence[Chunk]) -> list[list[Issue]]:
        out = []
        for chunk in chunks:
            lints = self.linter.organized_lints(chunk.text, language="plaintext")  # type: ignore[attr-defined]
            issues = [_issue(rule, lint) for rule, found in lints.items() for lint in found]
            out.append(sorted(issues, key=lambda i: (i.start, i.end, i.rule_id)))
        return out


@functools.lru_cache(maxsize=4)
def _linter(dialect: str, on: frozenset[str]) -> object:
    """A configured Harper linter; building one loads the dictionary (about a second), so rules
    built again in one process (the library API, tests) share it. Used from one thread at a time."""
    import harper

    linter = harper.Linter(harper.Dialect[dialect])
    linter.set_lint_config({name: name in on for name in linter.get_default_lint_config()})
    return linter


def _issue(rule: str, lint: object) -> Issue:
    from harper import SuggestionKind

    start, end = lint.span.start, lint.span.end  # type: ignore[attr-defined]
    edit = None
    if lint.suggestions:  # type: ignore[attr-defined]
        s = lint.suggestions[0]  # type: ignore[attr-defined]
        if s.kind == SuggestionKind.INSERT_AFTER:
            edit = (end, end, s.replacement_text)
        else:  # REPLACE, or REMOVE (whose replacement text is empty)
            edit = (start, end, s.replacement_text)
    return Issue(start, end, rule, lint.message, edit)  # type: ignore[attr-defined]
