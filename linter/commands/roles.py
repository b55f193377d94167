"""`mtlint check --explain-roles`: each line's role, its probability and strongest evidence, and what the
layout rules make of it. A debugging view of the layout rules' shared analysis.

This is the one command module that reads a rule family's internals (mtlint.rules.layout): the role of
a line is evidence the layout rules derive, not a finding, so no formatter can show it; the import
layering test names this module as that exception.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mtlint.engine.config import Config
from mtlint.rules.layout.analysis import layout_debris
from mtlint.rules.layout.settings import LayoutSettings
from mtlint.run.evidence import CorpusStats
from mtlint.text.document import Document

TEXT_WIDTH = 48


def explain_roles(docs: Sequence[Document], config: Config) -> Iterator[str]:
    """Lines of the report: per document, one row per block (blank lines left out)."""
    settings = LayoutSettings.from_config(config)
    corpus = CorpusStats.of_documents(docs)
    for i, original in enumerate(docs):
        doc = Document(original.text, original.path, original.format, corpus=corpus)
        debris = layout_debris(doc, settings)
        roles = debris.roles
        if i:
            yield ""
        yield f"{doc.path}  ({_summary(roles.has_body, roles.documentation)})"
        for b in doc.blocks:
            role = roles[b.index]
            evidence = ", ".join(f"{name} {weight:+.1f}" for name, weight in roles.evidence(b.index))
            text = " ".join(b.text.split())
            text = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
            verdict = _verdict(debris, b.index)
            yield (
                f"{b.first_line:5} {debris.role(b.index):36} {role.cls:9} p={role.p:.2f}  {text:{TEXT_WIDTH}}  "
                f"[{evidence}]" + (f"  -> {verdict}" if verdict else "")
            )


def _summary(has_body: bool, documentation: bool) -> str:
    if documentation:
        return "technical documentation: the model only vetoes"
    return "article body found" if has_body else "no article body: the model reports nothing"


def _verdict(debris, index: int) -> str:  # type: ignore[no-untyped-def]
    """The layout rule that reports the line, and why."""
    if index in debris.captions:
        return "; ".join(f"MT101 {h.reason}" for h in debris.captions[index])
    if index in debris.furniture:
        return f"MT102 {debris.furniture[index].reason}"
    return ""
