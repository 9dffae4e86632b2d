"""Result snippets: the original words whose analysis matches the query, marked, all escaped.

Matching runs on the words as written (niqqud, ZWNJ, Arabic letters and all), each analysed
with apps.analysis exactly as the index analysed them, so <mark> surrounds what the reader
sees in the page: a search for לקוח marks "והלקוחות", a search for asiakas marks "asiakkaille".
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.analysis import analyze, tokens
from apps.analysis.persian import VERB_PREFIXES

from .indexer import index_term

SNIPPET_LENGTH = 260
# How much text to show before the first match, as a share of the snippet.
LEAD_IN = 0.3
ELLIPSIS = "…"

# Characters that fold removes or that belong inside a word: Hebrew points and cantillation
# (but not maqaf U+05BE or sof pasuq U+05C3), Arabic harakat, tatweel, superscript alef,
# combining Latin marks and the invisible joiners. Without them a pointed word would split.
_INSIDE_WORD = (
    "\u0300-\u036f\u0591-\u05bd\u05bf-\u05c2\u05c4-\u05c7\u0610-\u061a\u0640\u064b-\u065f"
    "\u0670\u06d6-\u06ed\u00ad\u061c\u200c-\u200f\u2060\ufeff"
)
_HEBREW = "\u05d0-\u05ea"
_RAW_WORD = re.compile(
    f"(?:[^\\W_]|[{_INSIDE_WORD}]|(?<=[{_HEBREW}])[\"'\u05f3\u05f4\u2019\u201d](?=[{_HEBREW}]))+"
)
_SPACE = re.compile(r"\s+")


def _words(text, lang):
    """(start, end, terms) for each word of `text` as written."""
    spans = [m.span() for m in _RAW_WORD.finditer(text)]
    index = 0
    while index < len(spans):
        start, end = spans[index]
        if lang == "fa" and index + 1 < len(spans):
            # می روم: the analyzer reads a verb prefix typed apart as part of the next word.
            next_start, next_end = spans[index + 1]
            if tokens(text[start:end]) and tokens(text[start:end])[0] in VERB_PREFIXES:
                gap = text[end:next_start]
                joined = analyze(text[start:next_end], lang)
                if not gap.strip() and len(joined) == 1:
                    yield start, next_end, {index_term(joined[0])}
                    index += 2
                    continue
        yield start, end, {index_term(term) for term in analyze(text[start:end], lang)}
        index += 1


def matches(text, lang, terms):
    """(start, end) of the words of `text` whose analysis is one of `terms`."""
    if not text or not terms:
        return []
    return [(start, end) for start, end, word_terms in _words(text, lang) if word_terms & terms]


def _marked(text, spans, start, end):
    """Escaped text[start:end] with <mark> around the spans inside it; whitespace collapsed."""
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(_SPACE.sub(" ", text[position:span_start])))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(_SPACE.sub(" ", text[position:end])))
    return "".join(parts)


def highlight(text, lang, terms):
    """The whole of `text`, escaped, with matching words marked (for titles)."""
    return mark_safe(_marked(text, matches(text, lang, terms), 0, len(text)))  # noqa: S308


def snippet(text, lang, terms, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around its first match, escaped and marked."""
    text = text or ""
    spans = matches(text, lang, terms)
    start, end = 0, len(text)
    if len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, first - int(length * LEAD_IN))
        if start > 0:
            # Begin at a word boundary, never after the match itself.
            space = text.find(" ", start, first)
            start = space + 1 if space != -1 else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", spans[0][1] if spans else start, end)
            end = space if space > start else end
    body = _marked(text, spans, start, end).strip()
    if start > 0:
        body = ELLIPSIS + " " + body
    if end < len(text):
        body = body + " " + ELLIPSIS
    return mark_safe(body)  # noqa: S308 - every piece of text went through escape()
