"""Frozen values built in bulk: a document makes one line shape and one line role per block, and one
name mention per capitalised run, tens of thousands in a long document."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def frozen(kind: type[T], /, **values: object) -> T:
    """An instance of frozen dataclass `kind` from all its fields (defaults are not filled in), without
    the object.__setattr__ per field of its __init__."""
    obj = object.__new__(kind)
    obj.__dict__.update(values)
    return obj
