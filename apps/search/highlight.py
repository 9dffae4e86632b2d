"""Result snippets: the original words whose analysis matches the query, marked, all escaped.

Matching runs on the words as written (niqqud, ZWNJ, Arabic letters and all), each analysed
with apps.analysis exactly as the index analysed them, so <mark> surrounds what the reader
sees in the page: a search for לקוח marks "והלקוחות", a search for asiakas marks "asiakkaille".
"""

import functools
import re
from itertools import chain, pairwise, takewhile

from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.analysis import analyze, tokens
from apps.analysis.persian import VERB_PREFIXES

from .indexer import index_term

SNIPPET_LENGTH = 260
# How much text to show before the first match, as a share of the snippet.
LEAD_IN = 0.3
ELLIPSIS = "…"
# Words as written whose terms a process keeps (about 4 MB): a site's vocabulary, mostly.
WORDS_REMEMBERED = 10_000

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


def _persian_joined(text, here, following):
    """A Persian verb prefix typed apart and the word after it (می روم), read as one word as the
    analyzer reads them: (end, terms), or None when they are two words."""
    (start, end), (next_start, next_end) = here, following
    first = tokens(text[start:end])
    if not first or first[0] not in VERB_PREFIXES or text[end:next_start].strip():
        return None
    joined = analyze(text[start:next_end], "fa")
    return (next_end, {index_term(joined[0])}) if len(joined) == 1 else None


def _joined(text, here, following, lang):
    """_persian_joined for a Persian word with a word after it; None otherwise."""
    if following is None or lang != "fa":
        return None
    return _persian_joined(text, here, following)


@functools.lru_cache(maxsize=WORDS_REMEMBERED)
def _terms(word, lang):
    """A word's terms as written: the same words recur in every snippet, so they are kept."""
    return frozenset(index_term(term) for term in analyze(word, lang))


def _words(text, lang):
    """(start, end, terms) for each word of `text` as written, read as they are asked for."""
    spans = (match.span() for match in _RAW_WORD.finditer(text))
    joined = None
    for here, following in pairwise(chain(spans, [None])):
        if joined:  # this word was read with the one before
            joined = None
            continue
        joined = _joined(text, here, following, lang)
        start, end = here
        end, terms = joined or (end, _terms(text[start:end], lang))
        yield start, end, terms


def _matching(text, lang, terms):
    """(start, end) of each word of `text` whose analysis is one of `terms`, lazily, in order."""
    if not text or not terms:
        return iter(())
    return ((start, end) for start, end, word_terms in _words(text, lang) if word_terms & terms)


def matches(text, lang, terms):
    """(start, end) of the words of `text` whose analysis is one of `terms`."""
    return list(_matching(text, lang, terms))


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


def _window_start(text, first, length):
    """Where a snippet begins: LEAD_IN of it before the first match, at a word boundary, never
    after the match itself."""
    start = max(0, first - int(length * LEAD_IN))
    space = text.find(" ", start, first) if start > 0 else -1
    return space + 1 if space != -1 else start


def _window_end(text, start, after, length):
    """Where a snippet ends: `length` on, pulled back to a word boundary but not before `after`."""
    end = min(len(text), start + length)
    space = text.rfind(" ", after, end) if end < len(text) else -1
    return space if space > start else end


def _window(text, first, length):
    """(start, end) of the snippet of `text` around its first match (None: at its start)."""
    if len(text) <= length:
        return 0, len(text)
    start = _window_start(text, first[0] if first else 0, length)
    return start, _window_end(text, start, first[1] if first else start, length)


def snippet(text, lang, terms, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around its first match, escaped and marked. Words
    are analysed up to the snippet's end, not further."""
    text = text or ""
    found = _matching(text, lang, terms)
    first = next(found, None)
    start, end = _window(text, first, length)
    spans = [first, *takewhile(lambda span: span[0] < end, found)] if first else []
    before = ELLIPSIS + " " if start > 0 else ""
    after = " " + ELLIPSIS if end < len(text) else ""
    # Every piece of text went through escape().
    return mark_safe(before + _marked(text, spans, start, end).strip() + after)  # noqa: S308
