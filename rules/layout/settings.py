"""What the layout rules' shared analysis depends on: the caption and furniture vocabularies (built-in
packs plus the user's packs that extend them) and the options of stray-caption and site-boilerplate.

Captions, furniture and duplicates are judged from one analysis per document, so every layout rule must
read it with the same settings, whichever of them the user selected or configured: a user's caption
pack or `max-words` changes what site-boilerplate and duplicate-paragraph leave to stray-caption too.
The options classes live here, beside the settings that read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtlint.engine.packs import PackEntry, load_builtin_pack, load_pack
from mtlint.rule import RuleOptions
from mtlint.rules.layout.vocabulary import Vocabulary

if TYPE_CHECKING:
    from mtlint.engine.config import Config

CAPTION_RULE = ("stray-caption", "mt101")
FURNITURE_RULE = ("site-boilerplate", "mt102")


@dataclass(frozen=True)
class StrayCaptionOptions(RuleOptions):
    max_words: int = 4


@dataclass(frozen=True)
class SiteBoilerplateOptions(RuleOptions):
    min_files: int = 3
    min_share: float = 0.05


@dataclass(frozen=True)
class LayoutSettings:
    """The vocabularies and options the layout analysis of a run reads (hashable: it keys the analysis)."""

    vocabulary: Vocabulary
    furniture: tuple[PackEntry, ...]
    captions: StrayCaptionOptions = StrayCaptionOptions()
    boilerplate: SiteBoilerplateOptions = SiteBoilerplateOptions()

    @classmethod
    def build(
        cls,
        caption_entries: tuple[PackEntry, ...] = (),
        furniture_entries: tuple[PackEntry, ...] = (),
        captions: StrayCaptionOptions | None = None,
        boilerplate: SiteBoilerplateOptions | None = None,
    ) -> LayoutSettings:
        """The built-in vocabularies extended by the given entries, with the given options."""
        return cls(
            Vocabulary(_builtin("caption-words.toml") + caption_entries),
            _builtin("boilerplate.toml") + furniture_entries,
            captions or StrayCaptionOptions(),
            boilerplate or SiteBoilerplateOptions(),
        )

    @classmethod
    def from_config(cls, config: Config) -> LayoutSettings:
        """The settings of a run: the user's packs extending stray-caption or site-boilerplate, and the
        options given to those two rules (by name or code)."""
        extra = _user_entries(tuple(config.packs))
        return cls.build(
            extra.get(CAPTION_RULE[0], ()),
            extra.get(FURNITURE_RULE[0], ()),
            StrayCaptionOptions.from_mapping(CAPTION_RULE[0], _options(config.rules, CAPTION_RULE)),
            SiteBoilerplateOptions.from_mapping(FURNITURE_RULE[0], _options(config.rules, FURNITURE_RULE)),
        )


@lru_cache(maxsize=4)
def _builtin(filename: str) -> tuple[PackEntry, ...]:
    return load_builtin_pack(filename).entries


@lru_cache(maxsize=8)
def _user_entries(paths: tuple[Path, ...]) -> dict[str, tuple[PackEntry, ...]]:
    """Entries of the packs that extend the two rules, by rule name (the packs are read once per run)."""
    out: dict[str, tuple[PackEntry, ...]] = {}
    for path in paths:
        pack = load_pack(path)
        target = (pack.extends or "").strip().lower()
        for rule in (CAPTION_RULE, FURNITURE_RULE):
            if target in rule:
                out[rule[0]] = out.get(rule[0], ()) + pack.entries
    return out


def _options(tables: Iterable[tuple[str, tuple[tuple[str, Any], ...]]], rule: tuple[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, items in tables:
        if key.strip().lower() in rule:
            values.update(dict(items))
    return values
