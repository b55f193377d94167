"""Values built in bulk without their __init__ are the values their __init__ builds."""

from __future__ import annotations

import dataclasses

from mtlint.text.lines import LineShape, shape
from mtlint.text.values import frozen


@dataclasses.dataclass(frozen=True)
class _Pair:
    left: int
    right: str = "x"


def test_frozen_builds_the_instance_init_builds() -> None:
    built = frozen(_Pair, left=1, right="y")
    assert built == _Pair(1, "y")
    assert hash(built) == hash(_Pair(1, "y"))


def test_line_shape_has_every_field() -> None:
    made = shape("Photo: Jane Doe / AFP, 12 May 2024")
    assert made == LineShape(**{f.name: getattr(made, f.name) for f in dataclasses.fields(LineShape)})
