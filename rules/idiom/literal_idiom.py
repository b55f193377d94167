"""MT601 literal-idiom: word-for-word renderings of source-language idioms (a pure-data rule pack).

The entries live in rules/packs/literal-idiom.toml; each has the English meaning in its note and message.
Users extend the list with a pack of their own (`extends = "literal-idiom"`).
"""

from __future__ import annotations

from mtlint.engine.packs import load_builtin_pack, pack_rule_class

LiteralIdiom = pack_rule_class(load_builtin_pack("literal-idiom.toml"))
