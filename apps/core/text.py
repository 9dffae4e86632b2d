"""Small text helpers: plain text out of StreamField values, reading time, heading anchors."""

import math
import re
import unicodedata

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def block_text(stream_value):
    """The readable text of a StreamField value, without markup."""
    if not stream_value:
        return ""
    parts = []
    for block in stream_value:
        parts.append(_text_of(block.value))
    return " ".join(p for p in parts if p)


def _text_of(value):
    if value is None:
        return ""
    if hasattr(value, "source"):  # RichText
        return strip_tags(value.source)
    if isinstance(value, str):
        return value
    if isinstance(value, dict):  # StructValue is a dict
        return " ".join(_text_of(v) for v in value.values())
    if hasattr(value, "__iter__"):  # StreamValue, ListValue
        return " ".join(_text_of(v) for v in value)
    return ""


def reading_minutes(text):
    words = len(_WORD.findall(text or ""))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def anchor_id(text):
    """A stable, readable fragment id for a heading in any script."""
    normalized = unicodedata.normalize("NFC", text or "").strip().lower()
    slug = re.sub(r"[^\w]+", "-", normalized, flags=re.UNICODE).strip("-_")
    return slug[:80] or "section"
