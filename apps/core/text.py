"""Small text helpers: plain text out of StreamField values, reading time, heading anchors."""

import html
import math
import re
import unicodedata

from django.utils.html import strip_tags
from wagtail import blocks

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"\w+", re.UNICODE)
# Tags that end a line of text: without a space there, "<p>one</p><p>two</p>" reads "onetwo".
_BREAKING_TAG = re.compile(r"<(?:br|/?(?:p|li|ul|ol|h[1-6]|blockquote|div))\b[^>]*>", re.I)


def html_text(source):
    """Plain text of an HTML fragment (rich text): tags removed, entities decoded."""
    if not source:
        return ""
    return html.unescape(strip_tags(_BREAKING_TAG.sub(" ", source))).strip()


_LINE_END = re.compile(r"</(?:p|li|h[1-6])>|<br\s*/?>", re.I)


def first_line(source):
    """The plain text of a rich text's first line: up to the end of its first paragraph, list
    item or line break."""
    return html_text(_LINE_END.split(source or "", maxsplit=1)[0])


def block_text(stream_value):
    """The readable text of a StreamField value, without markup."""
    if not stream_value:
        return ""
    return _join(_text_of(child.block, child.value) for child in stream_value)


def _join(parts):
    return " ".join(p for p in parts if p)


def _struct_text(block, value):
    return _join(_text_of(child, value.get(name)) for name, child in block.child_blocks.items())


def _list_text(block, value):
    return _join(_text_of(block.child_block, item) for item in value)


def _value_text(block, value):
    """Rich text's words, a plain string itself; anything else has none."""
    if hasattr(value, "source"):  # RichText
        return html_text(value.source)
    return value if isinstance(value, str) else ""


# The text of a block's value, by the kind of block (the first that matches); settings such as a
# heading's level are not text.
_TEXT_BY_BLOCK = (
    (blocks.ChoiceBlock | blocks.BooleanBlock, lambda block, value: ""),
    (blocks.StreamBlock, lambda block, value: block_text(value)),
    (blocks.StructBlock, _struct_text),
    (blocks.ListBlock, _list_text),
)


def _text_of(block, value):
    if value is None:
        return ""
    kinds = (text for kind, text in _TEXT_BY_BLOCK if isinstance(block, kind))
    return next(kinds, _value_text)(block, value)


def without_ids(value):
    """Stored StreamField data with the blocks' ids left out: ids say which block is which (and
    differ on every round trip), not what it says."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def reading_minutes(text):
    words = len(_WORD.findall(text or ""))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def anchor_id(text):
    """A stable, readable fragment id for a heading in any script."""
    normalized = unicodedata.normalize("NFC", text or "").strip().lower()
    slug = re.sub(r"[^\w]+", "-", normalized, flags=re.UNICODE).strip("-_")
    return slug[:80] or "section"
