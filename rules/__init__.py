"""mtlint's built-in rules, grouped by family, one module per rule.

`BUILTIN` is the one list of them. It registers under the `mtlint.rules` entry-point group
(pyproject.toml: `MT = "mtlint.rules:BUILTIN"`), exactly as a third-party plug-in's rules do.
"""

from __future__ import annotations

if __name__ != "mtlint.rules":  # the source folder is `rules/`; it only works installed as mtlint.rules
    raise ImportError(
        "the folder 'rules' is the package 'mtlint.rules': install the project (pip install -e .) "
        "and import mtlint.rules instead"
    )

from mtlint.rule import Rule
from mtlint.rules.casing.glued_capital import GluedCapital
from mtlint.rules.casing.lowercase_heading import LowercaseHeading
from mtlint.rules.casing.lowercase_name import LowercaseName
from mtlint.rules.casing.lowercase_sentence_start import LowercaseSentenceStart
from mtlint.rules.casing.stray_capital import StrayCapital
from mtlint.rules.encoding.invisible_character import InvisibleCharacter
from mtlint.rules.encoding.mojibake import Mojibake
from mtlint.rules.encoding.untranslated_script import UntranslatedScript
from mtlint.rules.grammar.grammar import Grammar
from mtlint.rules.idiom.cognate_object import CognateObject
from mtlint.rules.idiom.literal_idiom import LiteralIdiom
from mtlint.rules.layout.duplicate_paragraph import DuplicateParagraph
from mtlint.rules.layout.site_boilerplate import SiteBoilerplate
from mtlint.rules.layout.stray_caption import StrayCaption
from mtlint.rules.names.garbled_name import GarbledName
from mtlint.rules.names.inconsistent_name import InconsistentName
from mtlint.rules.names.name_glossary import NameGlossary
from mtlint.rules.sentence.dangling_word import DanglingWord
from mtlint.rules.sentence.repeated_word import RepeatedWord
from mtlint.rules.sentence.spacing import Spacing
from mtlint.rules.sentence.stray_punctuation import StrayPunctuation
from mtlint.rules.sentence.unbalanced_delimiter import UnbalancedDelimiter

BUILTIN: tuple[type[Rule], ...] = (
    StrayCaption,  # MT101
    SiteBoilerplate,  # MT102
    DuplicateParagraph,  # MT103
    GarbledName,  # MT201
    NameGlossary,  # MT202
    InconsistentName,  # MT203
    StrayCapital,  # MT301
    LowercaseSentenceStart,  # MT302
    LowercaseHeading,  # MT303
    GluedCapital,  # MT304
    LowercaseName,  # MT305
    Mojibake,  # MT401
    InvisibleCharacter,  # MT402
    UntranslatedScript,  # MT403
    RepeatedWord,  # MT404
    UnbalancedDelimiter,  # MT405
    Spacing,  # MT406
    StrayPunctuation,  # MT407
    DanglingWord,  # MT408
    Grammar,  # MT501
    LiteralIdiom,  # MT601
    CognateObject,  # MT602
)

__all__ = ["BUILTIN"]
