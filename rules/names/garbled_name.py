"""MT201 garbled-name: a person's name with an English common word in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mtlint.model import Finding, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules.lexicon import is_calendar
from mtlint.rules.names import lexicon as lex
from mtlint.text.document import Document
from mtlint.text.names import NameMention, NameToken, mentions


class GarbledName(Rule[NoOptions]):
    """A person's name in which one word is an English common word, not a name (`Tougher Hussain`).

    Machine translation from Arabic, Urdu, Persian, Turkish or Chinese sometimes renders a transliterated
    name by an English word that sounds alike or that translates the name's meaning: the columnist
    Touqir Hussain becomes `Tougher Hussain`, a given name becomes `Father` or `Light`. Spell checkers pass
    it, and the reader meets a person who does not exist.

    Bad:  `Tougher Hussain is a former Pakistani ambassador`
    Good: `Touqir Hussain is a former Pakistani ambassador`

    Left alone: real names that are also English words (`Hope Hicks`, `Jack Ma`), institutions and places
    (`Naval Postgraduate School`, `Ahmed Street`, runs that end in a plural such as `Australian Airlines`),
    organisations (`Energy Conservation Bank`, `Southern Command`), titles and job words before a name
    (`Election Commissioner Rajiv Kumar`, `Patrol Agent Raul Ortiz`), words that qualify a name as an
    affiliation or a place (`Republican Abraham Lincoln`, `Communist China`, `Southeast Asia`), and any
    English word before a given name and another name with no title before it (`Democrat Joe Manchin`):
    after a title (`Ambassador Tougher Ali Khan`) the word stands in the given name's place and is
    reported. A last word that ranks as a surname in some country stands in its own place (`Guy Forget`).

    Heuristics: a name mention (see `mtlint.text.names`) of two to five words in which
    - one word is an English common word: frequent in English (wordfreq zipf >= 3) and at least 1.5 zipf
      points rarer in German, French, Spanish, Italian and Portuguese, where names keep their frequency;
    - that word is not a well-attested given name or surname anywhere (top 1,000 of some country in the
      names-dataset table), so `Jack Ma`, `Rose Gottemoeller`, `Hope Hicks`, `Bill Gates`, `Sun Yat-sen`
      and `Gift` or `Happy` as African given names stay silent;
    - another word of the mention is a known name that is not an English word (`Hussain`), and no word
      after it is an English common word (`Naval Postgraduate School` is an institution; English words
      before it are modifiers, as in `Pakistani Tougher Hussain`);
    - and the context says it is a person: a title or role noun before it (`Ambassador`, `spokesman`),
      or, for any word but the last, an appositive after the name (`, a professor`, `is a former`) or a
      reporting verb (`said`). A word in last position needs a title (`Ahmed Street` is a street).
    At the start of a sentence, where every word is capitalised, only an appositive or a title counts;
    after an article (`The Morning Star, a newspaper`) only a title.

    Recall is bounded: a name garbled into another real name (`Rennes Feiler` for René Weiler) needs the
    source or a glossary (see `name-glossary`).

    No fix: the right spelling needs the source text. The message names the word that looks translated.
    """

    code = "MT201"
    name = "garbled-name"
    category = "garbled-name"
    severity = Severity.WARNING
    fixable = False

    def check(self, doc: Document) -> Iterator[Finding]:
        for mention in mentions(doc):
            if len(mention.words) < 2:
                continue
            lead = _title_complement(mention)
            for index, token in enumerate(mention.tokens):
                if index < lead or token.initial or not lex.is_translated_word(token.text):
                    continue
                words = mention.words
                if index == len(mention.tokens) - 1 and lex.name_ranks(token.text)[1] > 0:
                    continue  # "captain Guy Forget": a surname somewhere, in the surname's place
                before, after = words[: words.index(token)], words[words.index(token) + 1 :]
                if any(lex.is_english_word(t.text) for t in after):
                    continue  # "Naval Postgraduate School": an institution, not a person
                key = token.text.casefold()
                if is_calendar(key):
                    continue  # "Wednesday August 28, 2002": a date, not a name
                if index == 0 and (key.endswith(_AFFILIATION) or key in _PLACE_QUALIFIERS):
                    continue  # "Republican Abraham Lincoln", "Communist China", "Southeast Asia": a modifier
                if _full_name(after) and (index > 0 or not mention.title):
                    continue  # "Democrat Joe Manchin", "Patrol Agent Raul Ortiz": a modifier or a title; after a
                    # title the given name's place comes first ("Ambassador Tougher Ali Khan")
                if words[-1].text.casefold() in _ORGANISATION_HEADS:
                    continue  # "Energy Conservation Bank", "Southern Command": an organisation
                if _plural_noun(words[-1].text):
                    continue  # "State Bar Associations", "Australian Airlines": an institution
                names = [t for t in before if not lex.is_english_word(t.text)] + list(after)
                if not any(_anchors(t.text) for t in names):
                    continue
                if not _person_context(mention, index):
                    continue
                yield self.finding(
                    token.start,
                    token.end,
                    f"'{token.text}' in the name '{mention.text}' is an English word, not a name: "
                    "the translation may have replaced a transliterated name (check the source spelling)",
                    word=token.text,
                    name=mention.text,
                )


ANCHOR_RANK = 100  # a common English word that ranks this high as a name anchors a name all the same ("Mark")


def _anchors(word: str) -> bool:
    """Whether `word` vouches for a person's name beside the English word: a known name, and not a common
    English word that is a name only somewhere far down the lists ("Host Nation Support", "Real Name")."""
    return lex.is_known_name(word) and (not lex.is_common_word(word) or lex.best_rank(word) <= ANCHOR_RANK)


def _full_name(words: Sequence[NameToken]) -> bool:
    """Whether `words` (no English word among them) are a whole personal name by themselves: a given
    name and at least one more name."""
    return len(words) >= 2 and lex.name_ranks(words[0].text)[0] > 0


# Endings of words of affiliation before a name: party, creed, country ("Republican", "Communist").
_AFFILIATION = ("ian", "can", "ist", "ite", "ese", "ish")
# Words that make a place of the name after them ("Southeast Asia", "Central America").
_PLACE_QUALIFIERS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast southwest
    central middle upper lower greater inner outer far near""".split()
)
# Nouns that end the names of organisations, never a person's ("Bank", "Command", "Council").
_ORGANISATION_HEADS = frozenset(
    """bank command council committee agency authority ministry party company corporation association
    university school college institute foundation fund group centre center office department bureau
    commission court army navy force forces league union front movement organisation organization service
    services network club federation trust board""".split()
)


def _plural_noun(word: str) -> bool:
    """A common English noun in the plural that is not a well-attested surname ("Airlines", not
    "Williams" or "Owais"): people's names do not end in one."""
    if not word.endswith("s") or word.endswith("ss") or lex.is_real_name(word):
        return False
    key = word.casefold()
    return lex.common_words().row(key) is not None or lex.common_words().row(key[:-1]) is not None


def _title_complement(mention: NameMention) -> int:
    """How many leading words complete a title before the name ("Superintendent of Police Imran Qureshi")."""
    if not mention.complement:
        return 0
    lead = 0
    while lead < len(mention.tokens) - 1 and lex.is_english_word(mention.tokens[lead].text):
        lead += 1
    return lead


def _person_context(mention: NameMention, index: int) -> bool:
    """Whether the context vouches for a person's name with a word at `index` in it."""
    if mention.title:
        return True
    if mention.determiner:
        return False  # "The Morning Star, a newspaper": people rarely take an article
    if index == len(mention.tokens) - 1:
        return False  # "Zayed University", "Bloomberg News": organisations end in common nouns
    if mention.sentence_initial:
        return mention.appositive
    return mention.appositive or mention.reporting
