"""The rule protocol: a small class with a stable code, a readable name and a pure `check`."""

from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

import regex

from mtlint.model import CATEGORIES, Edit, Finding, Fix, Severity
from mtlint.text.document import Document

if TYPE_CHECKING:  # values the engine hands to rules; the protocol itself does not depend on the engine
    from mtlint.engine.config import Config
    from mtlint.engine.packs import PackEntry


OptionsSelf = TypeVar("OptionsSelf", bound="RuleOptions")


@dataclass(frozen=True)
class RuleOptions:
    """Typed options of a rule; subclass as a frozen dataclass with defaults."""

    @classmethod
    def from_mapping(cls: type[OptionsSelf], rule: str, values: dict[str, Any]) -> OptionsSelf:
        """Build options from config values, rejecting unknown keys and wrong types."""
        fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for key, value in values.items():
            f = fields.get(key) or fields.get(key.replace("_", "-"))
            if f is None:
                known = ", ".join(sorted(fields)) or "none"
                raise ValueError(f"unknown option {key!r} for rule {rule} (known options: {known})")
            kwargs[f.name] = _coerce(rule, key, value, hints[f.name])
        return cls(**kwargs)

    def as_dict(self) -> dict[str, Any]:
        return {f.name.replace("_", "-"): getattr(self, f.name) for f in dataclasses.fields(self)}


def _coerce(rule: str, key: str, value: Any, hint: Any) -> Any:
    """Check `value` against the option's type; lists become tuples so options stay immutable."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"option {key!r} of rule {rule} must be a list")
        return tuple(_coerce(rule, key, v, item) for v in value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (int, float, str, bool):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise ValueError(
                f"option {key!r} of rule {rule} must be {hint.__name__}, not {type(value).__name__} ({value!r})"
            )
    return value


@dataclass(frozen=True)
class NoOptions(RuleOptions):
    """The options of a rule that has none."""


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class Rule(Generic[OptionsT]):
    """Base class of every rule (built-in, plug-in or pack), generic in its options type.

    Subclasses set the class attributes below and implement `check`; every other hook has a default
    here, so a rule declares only what it uses. The class docstring is the rule's user documentation:
    `mtlint explain` prints it.

        @dataclass(frozen=True)
        class StrayCaptionOptions(RuleOptions):
            max_words: int = 4

        class StrayCaption(Rule[StrayCaptionOptions]):
            code = "MT101"
            ...
            Options = StrayCaptionOptions
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: Severity = Severity.WARNING
    fixable: ClassVar[bool] = False
    # Set when findings depend on other files of the run (Document.corpus); such rules are never cached.
    uses_corpus: ClassVar[bool] = False
    # Set for rules that are off unless selected explicitly (e.g. ones needing a server).
    default_enabled: ClassVar[bool] = True
    # Set for rules whose vocabulary a user's pack may extend (`extends = "<rule name>"`); the pack's
    # entries arrive as `extra_entries`.
    reads_packs: ClassVar[bool] = False
    # The options class: a frozen RuleOptions dataclass (schema, types and defaults in one place).
    Options: ClassVar[type[RuleOptions]] = NoOptions

    def __init__(
        self,
        options: OptionsT | None = None,
        severity: Severity | None = None,
        extra_entries: tuple[PackEntry, ...] = (),
    ) -> None:
        self.options: OptionsT = options if options is not None else cast(OptionsT, self.Options())
        if severity is not None:
            self.severity = severity
        self.extra_entries = tuple(extra_entries)

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield the findings of this rule in `doc`; pure (no I/O, no printing, no state kept)."""
        raise NotImplementedError

    # -- hooks with defaults ---------------------------------------------------------------------
    @classmethod
    def check_config(cls, config: Config) -> None:
        """Validate the parts of the configuration this rule owns (e.g. a `[grammar]` table).

        Called for every registered rule, selected or not, so a mistake is reported even when the
        rule is off; raise ValueError with a one-line message.
        """

    def configure(self, config: Config) -> None:
        """Read run settings the rule needs beyond its options (glossaries, a server address)."""

    def cache_token(self) -> str:
        """What besides its code, options and vocabulary decides this rule's findings (e.g. a server
        version); part of the result cache's key."""
        return ""

    # -- helpers for subclasses --------------------------------------------------------------
    def finding(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        **data: object,
    ) -> Finding:
        """Build a finding of this rule for `text[start:end]`."""
        return Finding(
            code=self.code,
            rule=self.name,
            category=self.category,
            severity=self.severity,
            message=message,
            start=start,
            end=end,
            fix=fix,
            data=tuple((k, str(v)) for k, v in sorted(data.items())),
        )

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        doc = inspect.getdoc(cls) or ""
        return doc.splitlines()[0] if doc else ""

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def validate_class(cls) -> None:
        """Raise ValueError if the class does not follow the protocol."""
        for attr in ("code", "name", "category"):
            if not isinstance(getattr(cls, attr, None), str):
                raise ValueError(f"rule class {cls.__qualname__} has no {attr}")
        if not regex.fullmatch(r"[A-Z]{1,5}\d{2,4}", cls.code):
            raise ValueError(f"rule {cls.__qualname__}: code {cls.code!r} must look like MT101")
        if not regex.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", cls.name):
            raise ValueError(f"rule {cls.code}: name {cls.name!r} must be kebab-case")
        if cls.category not in CATEGORIES:
            raise ValueError(f"rule {cls.code}: unknown category {cls.category!r}")


__all__ = ["Edit", "Finding", "Fix", "NoOptions", "Rule", "RuleOptions", "Severity"]
