"""Splits a comment body into plain text, links, e-mail addresses and phone numbers.

The moderation rules count links and find personal data with it, and the public page renders
from the same split, so what is flagged is exactly what is masked.

Personal data is looked for in a normalized copy of the text, so that writing it differently
does not hide it: NFKC (full-width and other look-alike forms become plain ones: "＠" is "@",
"０５０" is "050"), without format and combining characters and invisible fillers (zero-width
spaces and joiners, bidi marks, soft hyphens, Hangul fillers, strike-through marks between
digits), every digit in any script or style as an ASCII digit ("۰۹۱۲", "➊"), look-alike dots
and letters as the plain ones ("。", "٫", Cyrillic "а", small capitals), and an O between digits
as a zero. E-mail addresses may spell out their at-sign and dots in Hebrew, Persian, Finnish or
English, in any brackets or punctuation ("mikko (at) example (dot) fi", "mikko -at- example",
"dani שטרודל gmail נקודה com"); an at-sign between two words is an address even without a
domain ending. A phone number's digit groups may be parted by any separators (up to six
characters) and written straight after a word ("ל0501234567", "puh0401234567"); in a WhatsApp
or similar link the number is personal data, not part of the link. What is found is mapped
back to the original characters, which are what is shown or masked: the text itself is never
rewritten.
"""

import re
import unicodedata

# Links: http(s) URLs and bare www. addresses. Trailing punctuation belongs to the sentence.
_URL = r"(?:https?://|www\.)[^\s<>\"'«»]+"

# Words people write for "@" and "." to get an address past a filter, in he, fa, fi and en:
# in brackets or other punctuation ("mikko(a)example.fi", "dani [שטרודל] gmail [נקודה] com",
# "mikko -at- example") or between spaces ("mikko at example dot fi"); a common word ("a",
# Hebrew "את") only inside punctuation.
_AT_WORDS = r"at|ät|ät-merkki|miuku|miukumauku|kissanhäntä|שטרודל|כרוכית|ات|آت|ایت"
_DOT_WORDS = r"dot|d0t|piste|נקודה|נקודת|דוט|דאט|نقطه|دات|نقطة"
# Well-known mail providers: "dani at gmail" is an address without its ending.
_PROVIDERS = r"gmail|googlemail|yahoo|hotmail|outlook|icloud|proton(?:mail)?|walla|gmx|yandex"
# One to three punctuation characters around a spelled word: (at) [at] -at- /at/ 'at' .at.
_P = r"\s*[^\w\s@]{1,3}\s*"
_AT = rf"(?:\s*@+\s*|{_P}(?:{_AT_WORDS}|a|את|@){_P}|\s+(?:{_AT_WORDS})\s+)"
_DOT = rf"(?:\s*\.\s*|{_P}(?:{_DOT_WORDS}){_P}|\s+(?:{_DOT_WORDS})\s+)"
# A domain's label: letters, digits and hyphens, at least one letter.
_LABEL = r"[\w-]*[^\W\d_][\w-]*"
# An address starts where a word starts (the look-behind also keeps a long word from being
# tried at each of its letters): a local part, an at-sign and a domain with its ending, or a
# plain "@" between words, or a spelled at-sign before a well-known provider.
_EMAIL = (
    rf"(?<![\w.+-])[\w.+-]+"
    rf"(?:{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[^\W\d_]{{2,}}|\s*@+\s*[\w-]+|{_AT}(?:{_PROVIDERS}))"
    rf"(?!\w)"
)
# Phone numbers: 9 to 15 digits, optionally +country, their groups parted by up to six
# characters that are neither letters nor digits (spaces, dashes, dots, slashes, bullets,
# emoji, line breaks…), not themselves part of a longer run of digits.
_PHONE = r"(?<![\d+])\+?\d(?:(?:[^\w]|_){0,6}\d){8,14}(?!\d)"
_PERSONAL = re.compile(rf"(?P<email>{_EMAIL})|(?P<phone>{_PHONE})", re.IGNORECASE)
# Links whose digits are a phone number to call or message.
_PHONE_LINK = re.compile(r"wa\.me/|whatsapp\.com|viber|t\.me/\+|tel:|sms:", re.IGNORECASE)
_LINK = re.compile(_URL)
_TRAILING = ".,;:!?)]}״'\""
# Format (Cf) and combining (Mn, Me) characters: invisible, or marks over other characters; and
# letters that show as blank space.
_DROPPED = frozenset({"Cf", "Mn", "Me"})
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Look-alikes of ".", and of the Latin letters people write at-signs and endings with.
_LOOK_ALIKES = str.maketrans(
    "。｡٫۔·‧∙⋅" "аеорсхАЕОРСХ" "ᴀᴄᴅᴇᴍᴏᴛ",
    "........" "aeopcxAEOPCX" "acdemot",
)
_O_AS_ZERO = re.compile(r"(?<=\d)[OoОо]|[OoОо](?=\d)")

URL, EMAIL, PHONE, TEXT = "url", "email", "phone", "text"


def _plain_digit(char):
    """A digit of any script or style as an ASCII digit; any other character as it is."""
    digit = unicodedata.digit(char, None)
    return str(digit) if digit is not None else char


def _kept_parts(char):
    """What one character stands for after NFKC, without format and combining characters and
    blank letters, digits as ASCII digits."""
    if unicodedata.category(char) in _DROPPED or char in _BLANK_LETTERS:
        return []
    parts = unicodedata.normalize("NFKC", char)
    return [_plain_digit(part) for part in parts if unicodedata.category(part) not in _DROPPED]


def normalized(text):
    """(NFKC of `text` without format and combining characters, and for each of its characters
    the index in `text` of the character it came from)."""
    pairs = [(part, index) for index, char in enumerate(text) for part in _kept_parts(char)]
    clean = "".join(part for part, _index in pairs).translate(_LOOK_ALIKES)
    origin = [index for _part, index in pairs]
    return _O_AS_ZERO.sub("0", clean), origin


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
    is no way to publish one), and so does a phone number over a link to call or message it;
    other links win over the digits in them (ids in URLs are not phones)."""
    personal = list(_personal_spans(text))
    emails = _of_kind(personal, EMAIL)
    links = _plain_links(text, emails)
    phones = [span for span in _of_kind(personal, PHONE) if not _overlaps(span, links)]
    return sorted(emails + links + phones, key=lambda span: span[1])


def _of_kind(spans, kind):
    return [span for span in spans if span[0] == kind]


def _plain_links(text, emails):
    """The links that hold no e-mail address and do not call or message a number."""
    links = (span for span in _link_spans(text) if not _overlaps(span, emails))
    return [span for span in links if not _PHONE_LINK.search(text, span[1], span[2])]


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
