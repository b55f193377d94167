"""Shapes of page debris that no general line feature names: credits, image names, calls to action,
bylines, copyright notices and the descriptive sentence of a photo caption.

General web and newsroom vocabulary only (no list here comes from the development corpus); each cue is
a regex scan of one line, and the long ones look only at a line's end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from mtlint.engine.patterns import LazyPattern
from mtlint.text.lines import STOPWORDS
from mtlint.text.names import TITLES, role_nouns
from mtlint.text.regexes import compiled

IMAGE_REF = re.compile(
    r"(?i)\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)\b|/(?:images?|img|photos?|pictures?|uploads?)/"
    r"|^(?:img|dsc|pxl|screenshot|whatsapp\s+image)[\s_-]*\d"
)
_CAMERA_PREFIXES = ("img", "dsc", "pxl", "screenshot", "whatsapp")
_IMAGE_EXTENSIONS = (".jp", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".heic")
_ASCII_EXTENSION = re.compile(r"\.(?:jp|png|gif|webp|avif|bmp|tif|heic)", re.I)  # _IMAGE_EXTENSIONS, any case
BYLINE = compiled(r"^(?i:by|written\s+by|reported\s+by|author:?)\s+\p{Lu}")
# A dateline: a place (in capitals or capitalised), maybe an agency in brackets, then a dash ("CAIRO (X) -").
DATELINE = compiled(r"^\p{Lu}[\p{L}.'’]*(?:[ ,]+\p{Lu}[\p{L}.'’]*){0,3}\s*(?:\([^()]{1,30}\))?\s*[–—-](?:\s|$)")
COPYRIGHT = LazyPattern(r"(?i)©\s*(?:\d{4}|copyright)|\bcopyright\b|\ball\s+rights\s+reserved\b")

# Imperative openers of calls to action and widget labels (general web vocabulary).
ACTION_VERBS = frozenset(
    "read watch follow subscribe sign share click tap login log register download join see view learn "
    "continue skip load show leave add enter get listen play explore discover visit check support "
    "comment reply print email send contact like save".split()
)

# A descriptive caption: a capitalised subject (a name, a title and a name) and then a verb in the present
# tense or a participle ("X speaks at ...", "Officials inspecting ..."), and never a full stop.
_DESCRIBES = compiled(
    r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*,?\s+|(?:and|of|the|de|al|bin|van|von)\s+){1,8}(?P<verb>\p{Ll}{2,}(?:s|ing))\b"
)
# The wider shape the sentence-caption rule reads: also "A woman casts ...", "Nurses prepare ...".
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’.\-]*"
_MODIFIER = r"(?:[\p{L}\p{M}'’\-]+,?|and)"
# The noun of such a subject is no function word ("A look at the numbers" has no subject and verb).
_NOT_FUNCTION = r"(?!(?:the|a|an|of|at|in|on|to|for|with|by|from|and|or|as|that|this|these|those|its|his|her|their)\b)"
_DESCRIBES_WIDE = compiled(
    rf"^(?:(?:A|An|The)\s+\p{{Ll}}[\p{{Ll}}\-]*\s+"
    rf"|(?:{_NAME_WORD},?\s+|(?:and|of|the|de|al|bin|van|von)\s+){{0,7}}{_NAME_WORD},?\s+)"
    r"(?P<verb>\p{Ll}{2,}(?:s|ing))\b"
    r"|^\p{Lu}\p{Ll}+s\s+(?P<plural>\p{Ll}{3,})\b"
    # "Members of the rescue team search ...": people (a role noun in the plural), an of-phrase of up to
    # three words, the verb.
    r"|^(?P<people>\p{Lu}\p{Ll}+)s\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}\-]+\s+){0,2}?\p{Ll}[\p{Ll}\-]+(?<![su]s)\s+"
    r"(?P<plural>\p{Ll}{3,}(?<![sd]))\b"
    # A subject of an article, up to four modifiers and a common noun: "An Iraqi soldier stands guard",
    # "The Iranian and Saudi foreign ministers shake hands" (a plural noun and the plain verb).
    rf"|^(?:A|An|The)\s+(?:{_MODIFIER}\s+){{0,4}}?{_NOT_FUNCTION}(?:\p{{Ll}}{{2,}}(?<![su]s)\s+"
    r"(?P<verb>\p{Ll}{2,}s)|\p{Ll}{2,}(?<![su]s)s\s+(?P<plural>\p{Ll}{3,}(?<![sd])))\b"
)
# Words that are not a verb of the scene, though a plural noun may stand before them ("the talks behind").
_NOT_VERB = STOPWORDS | frozenset(
    "behind beside besides across along among amid around near inside outside toward towards upon within "
    "without despite via onto per plus unlike like".split()
)

SCENE_MIN_WORDS = 7
PEOPLE_OF_MIN_WORDS = 12  # "Members of the rescue team search for survivors under the rubble of ..."
# Code in a line (an assignment, an identifier with an underscore, an attribute): never a caption's.
_CODE = re.compile(r"=|\w_\w|(?<![\w.])[a-z_]{2,}\.[a-z_]{2,}")  # (not "a.m.", "e.g.")
CAPTION_MAX_WORDS = 25  # a caption's sentence is at most this long
_NEXT_WORD = compiled(r"\s+(\p{Ll}+)\b")
# Irregular past tenses of common verbs (a regular one ends in -ed).
IRREGULAR_PAST = frozenset(
    "rose fell went came took made gave saw won lost held left led met paid sold told thought brought bought "
    "built sent spent began became grew knew ran spoke stood struck wrote drove broke chose fought found flew "
    "froze hid kept meant rode sank shook shot sought swore swept taught tore threw understood woke wore "
    "withdrew hit cut set put got said did had was were".split()
)
# A subject of up to four words and a participle: "Staff members giving visitors a tour".
_PARTICIPLE = compiled(
    r"^(?P<subject>(?:(?:A|An|The)\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+[\p{L}\p{M}'’.\-]+){0,3}?)\s+"
    r"(?P<ing>\p{Ll}{2,}ing)\b"
)
# Words in -ing that are not participles.
ING_NOUNS = frozenset(
    "thing things king kings ring rings spring springs string strings wing wings sterling morning mornings "
    "evening evenings nothing something anything everything during ceiling building buildings meeting "
    "meetings wedding weddings clothing housing funding pudding sibling siblings darling offspring "
    "lightning earring earrings bring sing sting swing cling fling sling".split()
)
# Words that cannot stand in a participle's subject: function words, and verbs that take an -ing
# complement ("Prices keep rising", "Talks continue dragging").
_NOT_SUBJECT = (STOPWORDS - {"a", "an", "the", "and", "of"}) | frozenset(
    "keep keeps kept continue continues start starts begin begins stop stops try tries avoid avoids risk "
    "risks consider considers finish finishes resume resumes deny denies admit admits like likes love loves "
    "hate hates mind minds suggest suggests go goes come comes spend spends end ends quit quits".split()
)
# A place or a moment after the verb: where and when the picture was taken (not a preposition and a bare
# noun that make an idiom: "at odds", "in talks", "on track").
_SCENE_PLACE = LazyPattern(
    r"(?i)\b(?:at|in|on|outside|inside|near|during|before|after|from|beside|behind|under|through|across|along"
    r"|around|among|next\s+to|in\s+front\s+of)\s+(?!(?:odds|risk|stake|war|talks|doubt|trouble|limbo|hold|track|edge"
    r"|sight|charge|power|office|place|time|turn|touch|line|favou?r|need|danger|crisis|question)\b)\S"
)

# Credit shapes, split by where they sit, so that a long paragraph is scanned only at its ends.
_CREDIT_START = compiled(
    r"(?i)(?:photo|image|picture|credit|source|handout|courtesy|photograph|video)s?\b\s*(?:by\b|[:/|]|\.{3}|…)"
)
_CREDIT_END = LazyPattern(
    r"\((?:[^()]{2,50})/(?:[^()]{2,50})\)\s*$"
    # "Caption. Name Surname / AGENCY": after a sentence, so that a bare "Topic / Section" stays a breadcrumb.
    r"|(?<=[.!?…”\"]\s{1,3})\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,3}\s*/\s*"
    r"\p{Lu}[\p{L}\p{N}&.'’\-]*(?:\s+\p{Lu}\S*){0,2}\s*$"
    r"|(?i:\b(?:photo|image|credit|picture)s?\s*:\s*\S[^.!?]{0,60}$)"
)
# A caption with no verb: who is in the picture, then where or when it was taken ("Minister X and his
# counterpart Y during a news conference in Z", "Delegates at the opening session"). The place must open
# with a determiner, a capital or a number ("at odds", "at risk" are idioms, not places).
_POSED = compiled(
    r"^(?P<subject>\p{Lu}[\p{L}\p{M}'’.\-]*(?:,?\s+[\p{L}\p{M}'’.\-]+){0,11}?)\s+"
    r"(?:during|at|outside|inside|beside|in\s+front\s+of|next\s+to|upon)\s+"
    r"(?:(?:the|a|an|his|her|their|its|this)\b|\p{Lu}|\p{N})"
)
# Part of an event, as a caption shows it (Arabic جانب من, "a side of", rendered word for word): "Part of the
# meeting", "A side of the celebration", "Some of the attendees", "Pictures of the ceremony". The event is
# named by a noun of the pictured occasion, which a subheading's "Part of the problem" or "A side of the
# city" is not; "From the visit" or "During the talks" may title a section, and stays out.
_OCCASION = (
    r"meetings?|visits?|events?|ceremony|ceremonies|celebrations?|conference|sessions?|talks|inspections?|tours?"
    r"|festival|launch|opening|signing|reception|funeral|forum|summit|exhibition|concert|wedding|rally|parade"
    r"|competition|graduation|honou?ring|press\s+conference|delegation|protests?|demonstrations?"
)
# Who took part and what they did, pictured ("Some of the attendees", "Part of the training").
_TAKING_PART = (
    r"attendees|participants|audience|mourners|worshippers|protesters|delegates|celebrants|crowds?"
    r"|drills?|exercises?|training|workshop|seminar|lecture|symposium"
)
_EVENT_PART = compiled(
    r"(?i)^(?:(?:(?:(?:an?|one)\s+)?(?:part|side|aspect|glimpse|snapshot|scene|portion|some)s?\s+of"
    r"|(?:pictures?|photos?|images?|photographs?|scenes?)\s+(?:of|from))"
    rf"\s+(?:the|his|her|their|its|this|today.s|yesterday.s)\s+(?:[\p{{L}}\p{{M}}'’\-]+\s+){{0,3}}?(?:{_OCCASION}|{_TAKING_PART}))"
    r"(?:\s+(?:with|of|at|in|to|for)\s+[^.!?]{1,60})?$"
)
EVENT_PART_MAX_WORDS = 12


def shows_part_of_event(text: str, words: int, ends_sentence: bool) -> bool:
    """A caption that shows part of an event and names nothing else ("Part of the meeting", "A side of
    the celebration with the students", "Some of the attendees", "Pictures of the ceremony"): the
    picture's subject is an occasion's moment, with no verb and no full stop, in twelve words at most."""
    return 2 <= words <= EVENT_PART_MAX_WORDS and not ends_sentence and _EVENT_PART.match(text.strip()) is not None


# "A view of the flooded square from the tower", "An aerial view of the camp": a picture's caption.
_VIEW_OF = compiled(r"(?i)^(?:An?\s+)?(?:(?:general|aerial|partial|wide|close-up|drone|night)\s+)?view\s+of\s")
VIEW_MIN_WORDS = 6  # "A view of the future" is a subheading; a caption goes on to say where from
POSED_MIN_WORDS = 8  # a headline-style subheading names its event in fewer words

# A date and a time in digits alone on a line ("13/03/2023", "2023-03-13 10:45", "13.03.2023 | 14:25"):
# the story's dateline, like a date written in words, not site furniture.
_TIMESTAMP = compiled(
    r"^\W{0,3}(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
    r"(?:\s*[-–—,|/]?\s*(?:at\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\W{0,3}$"
)

TAIL = 90  # characters at a line's end in which a trailing credit is looked for


def has_image_ref(text: str) -> bool:
    """An image file name or image address (a cheap look for the hints first: this runs on every line)."""
    if "/" not in text and not text[:40].casefold().startswith(_CAMERA_PREFIXES):
        if text.isascii():  # case folding is lowering there, which the pattern's flag does in its one scan
            if _ASCII_EXTENSION.search(text) is None:
                return False
        else:
            folded = text.casefold()  # once, not once per extension
            if not any(x in folded for x in _IMAGE_EXTENSIONS):
                return False
    return bool(IMAGE_REF.search(text))


def has_copyright(text: str) -> bool:
    """A copyright notice (©, 'copyright', 'all rights reserved')."""
    if "©" not in text and "opyright" not in text and "OPYRIGHT" not in text and "ights" not in text:
        return False
    return bool(COPYRIGHT.search(text))


def has_credit(text: str) -> bool:
    """Whether the line carries a photo or agency credit shape (©, Photo: X, Name / AGENCY, (A/B))."""
    if ("©" in text and not COPYRIGHT.search(text)) or _CREDIT_START.match(text):
        return True
    tail = text[-TAIL:]
    return ("/" in tail or ":" in tail) and bool(_CREDIT_END.search(tail))


# A caption that names its picture as the subject: "The picture shows ...", "Photo taken on March 5 shows
# ...", "The photo was provided by ...", "Provided by the Ministry" (Chinese and Korean captions, word for
# word). A sentence about what a picture shows in the abstract ("the picture shows that ...") is prose, and
# so is one that ends with a full stop (a story about a photograph describes it so).
_PICTURE_SUBJECT = compiled(
    r"^(?i:(?:the\s+)?(?:photo|image|picture|photograph)s?)\s+(?:shows?\b|taken\s+on|(?:was|were|is)\s+(?:taken|provided|supplied)\b)"
    r"(?!\s+(?:that|how|what|why|whether|no|little|us|me)\b)"
)
_PROVIDED_BY = compiled(
    r"^(?:(?:Photos?|Pictures?|Images?)\s+(?i:provided|supplied|courtesy)|Provided|Supplied|Courtesy)\s+(?:by|of)"
    r"\s+(?:the\s+)?\p{Lu}"
)
PROVIDED_MAX_WORDS = 10  # "Provided by the Ministry of Defence": a credit alone; a longer line is a sentence


def names_picture(text: str, words: int, ends_sentence: bool) -> bool:
    """A caption that names its picture as the subject ("The picture shows delegates at the meeting",
    "Photo taken on May 5 shows ...") or a short line naming who provided it ("Provided by the
    Ministry"): up to CAPTION_MAX_WORDS words and no full stop (`_caption_sized`)."""
    if not _caption_sized(text, words, ends_sentence, 2):
        return False
    if _PICTURE_SUBJECT.match(text):
        return True
    return words <= PROVIDED_MAX_WORDS and _PROVIDED_BY.match(text) is not None


def is_imperative(word: str) -> bool:
    """Whether a line's first word is a capitalised call to act ("Read", "Follow", "Subscribe")."""
    return word[:1].isupper() and word.casefold() in ACTION_VERBS


def is_promo(text: str, tokens: Sequence[str], you: bool, quoted: bool) -> bool:
    """Talks to the reader outside any quotation ("Use your account to ...") or opens with an imperative."""
    if tokens and is_imperative(tokens[0]):
        return True
    return you and not quoted


def describes(text: str, words: int, ends_sentence: bool) -> bool:
    """A short sentence naming a subject and what it does, with no full stop: a caption's shape."""
    if not _caption_sized(text, words, ends_sentence, 4):
        return False
    m = _DESCRIBES.match(text)
    return m is not None and m["verb"] not in STOPWORDS


# A wire photo's caption ends with where and when the picture was taken, after a comma: "..., in Kharkiv,
# Ukraine, on March 5, 2023." A sentence of a story says "on March 5" without the comma before it, or
# puts the comma after the day of the week ("on Monday, March 6, 2023.").
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WIRE_DATE = compiled(
    rf"(?<!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),\s+(?:on\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.$"
)


def wire_dated(text: str) -> bool:
    """Whether the line ends as a wire photo's caption does: a comma, the day the picture was taken and a
    full stop ("..., Ukraine, on March 5, 2023.")."""
    return text.endswith(".") and _WIRE_DATE.search(text, max(0, len(text) - 40)) is not None


@lru_cache(maxsize=1024)  # asked of a line by the role features and again by the sentence captions
def describes_scene(text: str, words: int, ends_sentence: bool) -> bool:
    """A photo caption's sentence: someone doing something somewhere. A subject and its verb as in
    `describes` (also with an article or a plural noun as the subject: "A woman casts her vote", "An
    Iraqi soldier stands guard", "The two foreign ministers shake hands"), and then a participle
    ("Residents walking through ...") or, over at least SCENE_MIN_WORDS words, a place or a moment ("...
    speaks to reporters outside City Hall"). A group of people may be the subject ("Members of the rescue
    team search ..."), and a wire caption ends with a comma, the day and a full stop ("..., on March 5,
    2023."). A headline-style subheading names an event more briefly ("Minister rejects the proposal")
    and stays out, and so does a line with code in it (`to set x = y`)."""
    if ends_sentence and wire_dated(text):
        ends_sentence = False  # the wire's own form: the scene, then where and when, then a full stop
    if not _caption_sized(text, words, ends_sentence, 4) or _CODE.search(text):
        return False
    if _participle(text):
        return True
    m = _DESCRIBES_WIDE.match(text)
    if m is None:
        return False
    verb = m["verb"] or m["plural"]
    if m["people"] and (m["people"].casefold() not in role_nouns() or words < PEOPLE_OF_MIN_WORDS):
        return False  # "Prices of bread rise in ...": only people are pictured doing something, and a
        # subheading says briefly what a group does ("Members of the board push back on the merger")
    if verb in _NOT_VERB or (m["plural"] and _past_tense(verb)):
        return False  # (a plural subject and a past tense tell a story: "The company's shares rose")
    after = _NEXT_WORD.match(text, m.end())
    if after is not None and _past_tense(after[1]):
        return False  # "Rescue teams worked through the night", "Shares rose in early trading": a plural
        # subject and a past tense tell a story, where a caption shows a scene in the present
    if verb.endswith("ing") and verb not in ING_NOUNS:
        return True
    return words >= SCENE_MIN_WORDS and bool(_SCENE_PLACE.search(text, m.end()))


def _caption_sized(text: str, words: int, ends_sentence: bool, min_words: int) -> bool:
    """A caption's sentence: `min_words` to CAPTION_MAX_WORDS words, no full stop, introducing nothing."""
    return min_words <= words <= CAPTION_MAX_WORDS and not ends_sentence and not text.endswith((":", "："))


def _past_tense(word: str) -> bool:
    return word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))


def shows_participle(text: str, words: int, ends_sentence: bool) -> bool:
    """A subject of up to four words and a participle, no full stop ("Residents walking through flooded
    streets"): a caption, where a headline or a standfirst would have a finite verb."""
    return _caption_sized(text, words, ends_sentence, 4) and _participle(text)


def _participle(text: str) -> bool:
    p = _PARTICIPLE.match(text)
    return (
        p is not None
        and p["ing"] not in ING_NOUNS
        and not any(w in _NOT_SUBJECT for w in p["subject"].casefold().split())
    )


# Who is pictured (a role noun), named in apposition, and where: "The Egyptian president, Abdel Fattah
# el-Sisi, during his meeting with ...".
_APPOSITIVE_POSE = compiled(
    r"^(?:The|A|An)\s+(?:[\p{L}\-]+\s+){0,4}(?P<role>\p{Ll}[\p{L}\-]*),\s+\p{Lu}[\p{L}\p{M}'’.\-]+(?:\s+[\p{L}\p{M}'’.\-]+){1,4},\s+"
    r"(?:during|at|outside|inside|beside|in\s+front\s+of|next\s+to|upon)\s+(?:the|a|an|his|her|their|its|this)\b"
    # (not an idiom: "at the heart of the fight", "at the center of the storm")
    r"(?!\s+(?:heart|cent(?:er|re)|forefront|helm|top|core|root|crossroads|edge|brink|verge|height|peak|mercy|end)\b)"
)


def poses(text: str, words: int, ends_sentence: bool, verb: bool) -> bool:
    """A photo caption with no verb: a subject that names people (two or more capitalised words, or a
    plural noun) and then where or when the picture was taken, over at least POSED_MIN_WORDS words with
    no finite verb and no full stop; or a person named in apposition and where ("The Egyptian president,
    Abdel Fattah el-Sisi, during his meeting with ..."). A subheading names a topic ("Tension at the border
    and what it means") or an event with a verb, and stays out."""
    if verb or not _caption_sized(text, words, ends_sentence, POSED_MIN_WORDS):
        return False
    pose = _APPOSITIVE_POSE.match(text)
    if pose is not None and pose["role"] in role_nouns():
        return True  # "The Egyptian president, Abdel Fattah el-Sisi, during ...": who, named, and where
    m = _POSED.match(text)
    if m is None:
        return False
    subject = m["subject"].replace(",", " ").split()
    official = len(subject) > 1 and subject[1].casefold() in TITLES and _DURING_OWN.match(text, m.end("subject"))
    if subject[0].casefold() in STOPWORDS and not official:
        return False  # "A look at the numbers", "The view from the top"; but "The Minister of Health during
        # his visit to ...": a title and the official's own occasion
    capitals = sum(1 for w in subject if w[:1].isupper())
    last = subject[-1].casefold()
    return capitals >= 2 or (last.endswith("s") and not last.endswith("ss") and last not in STOPWORDS)


# "... during his visit to ...": an official's own occasion, not a period of their life ("during her first
# months in office").
_DURING_OWN = compiled(
    r"\s+during\s+(?:his|her|their)\s+(?:(?:official|recent|latest|first|second|brief|working|state|surprise)\s+)?"
    r"(?:visit|meeting|tour|inspection|speech|address|reception|participation|talks|call|trip|arrival|attendance)\b"
)

# "Sanam Vakil, deputy director of the programme": a person's name, a comma and what the person is.
_NAMED_ROLE = compiled(
    r"^\p{Lu}[\p{L}\p{M}'’.\-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]+){0,2}\s+(?P<surname>\p{Lu}[\p{L}\p{M}'’\-]+),\s+"
    r"(?:(?:the|a|an)\s+)?\p{Ll}"
)
NAMED_ROLE_MIN_WORDS = 5  # a name of two words and a role of three at least


def names_pictured(text: str, words: int, ends_sentence: bool, verb: bool) -> str:
    """The surname of a person a caption names with their role and no verb ("Sanam Vakil, deputy director
    and senior fellow of the programme": the picture of someone the story quotes), or "" if the line is
    not shaped so. An interview's speaker label ends with a colon and stays out."""
    if verb or not _caption_sized(text, words, ends_sentence, NAMED_ROLE_MIN_WORDS):
        return ""
    m = _NAMED_ROLE.match(text)
    return m["surname"] if m else ""


def is_timestamp(text: str) -> bool:
    """Whether the line is a date in digits, maybe with a time of day, and nothing else."""
    return len(text) <= 40 and _TIMESTAMP.match(text.strip()) is not None


def shows_view(text: str, words: int, ends_sentence: bool) -> bool:
    """A caption opened by `A view of` (`A general view of ...`, `An aerial view of ...`), over at least
    VIEW_MIN_WORDS words with no full stop."""
    return _caption_sized(text, words, ends_sentence, VIEW_MIN_WORDS) and _VIEW_OF.match(text) is not None
