"""Comment text to HTML: escaped text, kept line breaks, safe links, masked personal data, and
each line in its own direction.

No HTML from commenters ever reaches the page: every piece is escaped here, and the only tags
are the ones this module writes.
"""

import itertools
import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .segments import EMAIL, PHONE, URL, segments

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Bare host names and paths ("example.org/x") say nothing about the language of a line.
_HOST = re.compile(r"(?<!\S)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
# Quotations open at the start of a word and close at the end of one, so that a gershayim or
# geresh written inside a Hebrew word (מצ"ב, ארה"ב) or an apostrophe (don't) is not a quote.
_QUOTE_PAIRS = ('""', "“”", "„“", "„”", "””", "«»", "»«", "»»", "‹›", "״״", "''", "‘’", "’’")
_QUOTE = re.compile(
    "|".join(
        rf"(?<![^\s(\[:—–-]){re.escape(opening)}(?=\S)[^\n]*?(?<=\S){re.escape(closing)}"
        r"(?![^\s.,;:!?)\]—–-])"
        for opening, closing in _QUOTE_PAIRS
    )
)


def mask_label(kind):
    return _("phone number hidden") if kind == PHONE else _("e-mail address hidden")


# Hidden personal data, before the body is cut into paragraphs and lines: a number split over
# two lines is one number. Neutral characters, so that it sways no line's direction.
_HIDDEN = {PHONE: "\ufffc1\ufffc", EMAIL: "\ufffc2\ufffc"}
_HIDDEN_MARK = re.compile("\ufffc([12])\ufffc")
_HIDDEN_KIND = {"1": PHONE, "2": EMAIL}


def _hide_personal_data(body):
    return "".join(
        _HIDDEN[kind] if kind in (EMAIL, PHONE) else value for kind, value in segments(body)
    )


def _text(value):
    """Plain text, escaped, with hidden personal data shown as its label."""
    return _HIDDEN_MARK.sub(
        lambda match: format_html(
            '<span class="comment__masked">[{}]</span>', mask_label(_HIDDEN_KIND[match.group(1)])
        ),
        escape(value),
    )


def _link(value):
    href = value if value.lower().startswith("http") else f"https://{value}"
    return format_html('<a href="{}" rel="nofollow ugc noopener" dir="ltr">{}</a>', href, value)


def _isolated(value):
    return format_html('<bdi dir="ltr">{}</bdi>', value)


# How each kind of segment shows; plain text by _text.
_SEGMENT_HTML = {URL: _link, EMAIL: _isolated, PHONE: _isolated}


def _inline(text):
    """One line as HTML. Links and shown addresses are isolated left to right, so that a
    trailing slash or dot of an address stays with it inside a right-to-left line."""
    return "".join(_SEGMENT_HTML.get(kind, _text)(value) for kind, value in segments(text))


def _word_direction(word):
    """"rtl" or "ltr" after the word's first strong letter; "" for digits, emoji, punctuation."""
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


def _edge_counts(text):
    """{"rtl": n, "ltr": m}: the words of the line's first and last runs of one direction.

    Words between them are embedded in the line's own language (an English term inside a
    Hebrew sentence, a Hebrew name inside a Finnish one), so they do not count.
    """
    directions = filter(None, map(_word_direction, text.split()))
    runs = [(direction, len(list(words))) for direction, words in itertools.groupby(directions)]
    counts = {"rtl": 0, "ltr": 0}
    for direction, words in runs[:1] + runs[1:][-1:]:
        counts[direction] += words
    return counts


def text_direction(text, prior=""):
    """The direction of a line or paragraph of comment text from the language it is written in.

    Addresses, e-mail addresses, phone numbers, host names, numbers and emoji are neutral, and
    so are quotations (unless the text is nothing but a quotation) and words embedded between
    words of the other direction. Of the words left, those in the direction of the page's
    language (`prior`, "rtl" or "ltr") count twice, since readers write in the page's
    language and borrow terms from others; a draw, or a line with no words, takes `prior`.
    """
    plain = " ".join(value for kind, value in segments(text) if kind not in (URL, EMAIL, PHONE))
    plain = _HOST.sub(" ", plain)
    counts = _edge_counts(_QUOTE.sub(" ", plain))
    if not any(counts.values()):
        counts = _edge_counts(plain)
    return _winner(counts, prior)


def _winner(counts, prior):
    """The direction with more words, the page's own (`prior`) counting twice; a draw, or no
    words, takes `prior`."""
    if prior in counts:
        counts[prior] *= 2
    if counts["rtl"] == counts["ltr"]:
        return prior
    return "rtl" if counts["rtl"] > counts["ltr"] else "ltr"


def language_direction(lang):
    """"rtl" or "ltr" for a language code, "" when there is none."""
    if not lang:
        return ""
    return "rtl" if get_language_info(lang)["bidi"] else "ltr"


def _dir(direction):
    return f' dir="{direction}"' if direction else ""


def _paragraph_html(paragraph, prior):
    """One paragraph in its direction; with several lines, each line a block of its own."""
    direction = text_direction(paragraph, prior)
    lines = paragraph.split("\n")
    if len(lines) == 1:
        return f"<p{_dir(direction)}>{_inline(paragraph)}</p>"
    inner = "".join(
        f'<span class="comment__line"{_dir(text_direction(line, direction))}>'
        f"{_inline(line)}</span>"
        for line in lines
    )
    return f"<p{_dir(direction)}>{inner}</p>"


def render_body(body, show_personal_data=False, language=None):
    """Paragraphs at blank lines; in a paragraph of several lines, each line a block of its own
    direction (a Hebrew signature's English title or URL does not turn the Hebrew lines around).
    `language` is the comment's: its direction decides lines that have no words of their own.
    """
    prior = language_direction(language)
    if not show_personal_data:
        body = _hide_personal_data(body)
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(body.strip()) if p.strip()]
    # Everything inside was escaped or built by format_html in _inline.
    return mark_safe("".join(_paragraph_html(paragraph, prior) for paragraph in paragraphs))  # noqa: S308


def masked_text(body):
    """The body as plain text with personal data replaced, for e-mails and the admin excerpt."""
    return "".join(
        f"[{mask_label(kind)}]" if kind in (EMAIL, PHONE) else value
        for kind, value in segments(body)
    )
