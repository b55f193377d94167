"""Evidence the casing rules share beyond the document model: names a document writes in lower case."""

from __future__ import annotations

import regex

from mtlint.rules.lexicon import is_frequent_in_english
from mtlint.text.capitals import capital_evidence, word_key
from mtlint.text.document import Document

# Zipf frequency below which a word the text writes in lower case as a rule is taken for a lower-case name.
LOWER_NAME_MAX_ZIPF = 3.5


def written_lower_always(doc: Document, word: str) -> bool:
    """Whether `word` is a name the document writes in lower case (`libuv`, `npm's`, `axios`, `pip`): rare
    as an English word, and either never capitalised in the text or written in lower case at least three
    times, so a sentence or heading that starts with it starts correctly."""
    key = word_key(word)
    if is_frequent_in_english(key, LOWER_NAME_MAX_ZIPF):
        return False
    capital = key[:1].upper() + key[1:]
    if regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(capital) + r"(?![\p{L}\p{N}])", doc.prose) is None:
        return True
    return capital_evidence(doc).use(key).lower >= 3
