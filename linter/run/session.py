"""One session: the configuration of a run and the rules it builds, shared by every command and the API."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mtlint.engine.config import Config, resolve
from mtlint.engine.ruleset import RuleSet, build_rules


def open_session(
    anchors: Sequence[str],
    config_file: str | None = None,
    isolated: bool = False,
    overrides: dict[str, Any] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> RuleSet:
    """Find and load the configuration for `anchors` (paths), apply the command line, build the rules.

    `overrides` replace configured values (`select`, `fail_on`, ...); `ignore` and `extend_select` add to
    the configured lists. Raises ConfigError or SetupError with a one-line message.
    """
    config: Config = resolve(list(anchors), config_file, isolated, overrides)
    config = replace(
        config, ignore=config.ignore + tuple(ignore), extend_select=config.extend_select + tuple(extend_select)
    )
    return build_rules(config)
