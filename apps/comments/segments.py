"""Splits a comment body into plain text, links, e-mail addresses and phone numbers.

The moderation rules count links and find personal data with it, and the public page renders
from the same split, so what is flagged is exactly what is masked.
"""

import re

# Links: http(s) URLs and bare www. addresses. Trailing punctuation belongs to the sentence.
_URL = r"(?:https?://|www\.)[^\s<>\"'«»]+"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\w{2,}"
# Phone numbers: 9 to 15 digits (any script) with the usual separators, optionally +country.
_PHONE = r"(?<![\w+])\+?\d(?:[\s().\-]{0,2}\d){8,14}(?!\w)"
_TOKEN = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<phone>{_PHONE})")
_TRAILING = ".,;:!?)]}״'\""

URL, EMAIL, PHONE, TEXT = "url", "email", "phone", "text"


def segments(text):
    """Yield (kind, text) pairs that join back into `text`."""
    position = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        value = match.group()
        if kind == URL:
            stripped = value.rstrip(_TRAILING)
            end -= len(value) - len(stripped)
            value = stripped
        if start > position:
            yield TEXT, text[position:start]
        yield kind, value
        position = end
    if position < len(text):
        yield TEXT, text[position:]


def link_count(text):
    return sum(1 for kind, _value in segments(text) if kind == URL)


def has_personal_data(text):
    return any(kind in (EMAIL, PHONE) for kind, _value in segments(text))
