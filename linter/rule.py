"""The rule protocol: a small class with a stable code, a readable name and a pure `check`."""
from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from mtlint.text.document import Document
from mtlint.model import CATEGORIES, Edit, Finding, Fix, Severity


@dataclass(frozen=True)
class RuleOptions:
    """Typed options of a rule; subclass as a frozen dataclass with defaults."""

    @classmethod
    def from_mapping(cls, rule: str, values: dict[str, Any]) -> "RuleOptions":
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


class Rule:
    """Base class of every rule (built-in, plug-in or pack).

    Subclasses set the class attributes below and implement `check`. The class docstring is the rule's
    user documentation: `mtlint explain` prints it.
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

    @dataclass(frozen=True)
    class Options(RuleOptions):
        pass

    def __init__(self, options: RuleOptions | None = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        if severity is not None:
            self.severity = severity

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

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
        import regex

        for attr in ("code", "name", "category"):
            if not isinstance(getattr(cls, attr, None), str):
                raise ValueError(f"rule class {cls.__qualname__} has no {attr}")
        if not regex.fullmatch(r"[A-Z]{1,5}\d{2,4}", cls.code):
            raise ValueError(f"rule {cls.__qualname__}: code {cls.code!r} must look like MT101")
        if not regex.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", cls.name):
            raise ValueError(f"rule {cls.code}: name {cls.name!r} must be kebab-case")
        if cls.category not in CATEGORIES:
            raise ValueError(f"rule {cls.code}: unknown category {cls.category!r}")


__all__ = ["Edit", "Finding", "Fix", "Rule", "RuleOptions", "Severity"]
