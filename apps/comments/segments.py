"""Splits a comment body into plain text, links, e-mail addresses and phone numbers.

The moderation rules count links and find personal data with it, and the public page renders
from the same split, so what is flagged is exactly what is masked.

Personal data is looked for in a normalized copy of the text, so that writing it differently
does not hide it: NFKC (full-width and other look-alike forms become plain ones: "＠" is "@",
"０５０" is "050"), then without format and combining characters (zero-width spaces and joiners,
bidi marks, soft hyphens, strike-through marks between digits). E-mail addresses may spell out
their at-sign and dots in Hebrew, Persian, Finnish or English ("mikko (at) example (dot) fi",
"dani שטרודל gmail נקודה com"); a phone number's digit groups may be parted by any
separators. What is found is mapped back to the original characters, which are what is shown
or masked: the text itself is never rewritten.
"""

import re
import unicodedata

# Links: http(s) URLs and bare www. addresses. Trailing punctuation belongs to the sentence.
_URL = r"(?:https?://|www\.)[^\s<>\"'«»]+"

# Words people write for "@" and "." to get an address past a filter, in he, fa, fi and en:
# in brackets ("mikko(a)example.fi", "dani [שטרודל] gmail [נקודה] com") or between spaces
# ("mikko at example dot fi"); a common word ("a", Hebrew "את") only in brackets.
_AT_WORDS = r"at|ät|ät-merkki|miuku|miukumauku|kissanhäntä|שטרודל|כרוכית|ات|آت|ایت"
_DOT_WORDS = r"dot|d0t|piste|נקודה|נקודת|نقطه|دات|نقطة"
_OPEN, _CLOSE = r"\s*[(\[{<«]\s*", r"\s*[)\]}>»]\s*"
_AT = rf"(?:\s*@\s*|{_OPEN}(?:{_AT_WORDS}|a|את|@){_CLOSE}|\s+(?:{_AT_WORDS})\s+)"
_DOT = rf"(?:\s*\.\s*|{_OPEN}(?:{_DOT_WORDS}|\.){_CLOSE}|\s+(?:{_DOT_WORDS})\s+)"
# An address starts where a word starts (the look-behind also keeps a long word from being
# tried at each of its letters).
_EMAIL = rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,}}(?!\w)"
# Phone numbers: 9 to 15 digits (any script), optionally +country, their groups parted by up to
# three characters that are neither letters nor digits (spaces, dashes, dots, slashes, bullets,
# emoji, a line break…).
_PHONE = r"(?<![\w+])\+?\d(?:[^\w]{0,3}\d|_{1,3}\d){8,14}(?!\w)"
_PERSONAL = re.compile(rf"(?P<email>{_EMAIL})|(?P<phone>{_PHONE})", re.IGNORECASE)
_LINK = re.compile(_URL)
_TRAILING = ".,;:!?)]}״'\""
# Format (Cf) and combining (Mn, Me) characters: invisible, or marks over other characters.
_DROPPED = frozenset({"Cf", "Mn", "Me"})

URL, EMAIL, PHONE, TEXT = "url", "email", "phone", "text"


def normalized(text):
    """(NFKC of `text` without format and combining characters, and for each of its characters
    the index in `text` of the character it came from)."""
    chars, origin = [], []
    for index, char in enumerate(text):
        if unicodedata.category(char) in _DROPPED:
            continue
        for part in unicodedata.normalize("NFKC", char):
            if unicodedata.category(part) not in _DROPPED:
                chars.append(part)
                origin.append(index)
    return "".join(chars), origin


def _personal_spans(text):
    """(kind, start, end) of e-mail addresses and phone numbers, as spans of `text` itself."""
    clean, origin = normalized(text)
    for match in _PERSONAL.finditer(clean):
        start, end = match.span()
        yield match.lastgroup, origin[start], origin[end - 1] + 1


def _link_spans(text):
    for match in _LINK.finditer(text):
        value = match.group()
        stripped = value.rstrip(_TRAILING)
        yield URL, match.start(), match.start() + len(stripped)


def _overlaps(span, spans):
    return any(start < span[2] and span[1] < end for _kind, start, end in spans)


def _spans(text):
    """Non-overlapping spans in order. An e-mail address wins over a link that holds it (a link
    is no way to publish one); a link wins over the digits in it (ids in URLs are not phones)."""
    personal = list(_personal_spans(text))
    emails = [span for span in personal if span[0] == EMAIL]
    links = [span for span in _link_spans(text) if not _overlaps(span, emails)]
    phones = [span for span in personal if span[0] == PHONE and not _overlaps(span, links)]
    return sorted(emails + links + phones, key=lambda span: span[1])


def segments(text):
    """Yield (kind, text) pairs that join back into `text`."""
    position = 0
    for kind, start, end in _spans(text):
        if start < position:
            continue
        if start > position:
            yield TEXT, text[position:start]
        yield kind, text[start:end]
        position = end
    if position < len(text):
        yield TEXT, text[position:]


def link_count(text):
    return sum(1 for kind, _value in segments(text) if kind == URL)


def has_personal_data(text):
    return any(kind in (EMAIL, PHONE) for kind, _value in segments(text or ""))
