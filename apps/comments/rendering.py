"""Comment text to HTML: escaped text, kept line breaks, safe links, masked personal data.

No HTML from commenters ever reaches the page: every piece is escaped here, and the only tags
are the ones this module writes.
"""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .segments import EMAIL, PHONE, URL, segments

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def mask_label(kind):
    return _("phone number hidden") if kind == PHONE else _("e-mail address hidden")


def _inline(text, show_personal_data):
    parts = []
    for kind, value in segments(text):
        if kind == URL:
            href = value if value.lower().startswith("http") else f"https://{value}"
            parts.append(
                format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', href, value)
            )
        elif kind in (EMAIL, PHONE) and not show_personal_data:
            parts.append(format_html('<span class="comment__masked">[{}]</span>', mask_label(kind)))
        else:
            parts.append(escape(value))
    return "".join(parts).replace("\n", "<br>")


def paragraph_direction(text):
    """The direction most of the paragraph's letters have, or "" when it is a draw.

    The body as a whole is dir="auto", which goes by the first strong letter only: a Hebrew
    reply opening with "OK," would be laid out left to right. Counting letters gets it right.
    """
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    if rtl == ltr:
        return ""
    return "rtl" if rtl > ltr else "ltr"


def render_body(body, show_personal_data=False):
    """Paragraphs at blank lines, <br> at single line breaks, each paragraph's own direction."""
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(body.strip()) if p.strip()]
    html = []
    for paragraph in paragraphs:
        direction = paragraph_direction(paragraph)
        opening = f'<p dir="{direction}">' if direction else "<p>"
        html.append(f"{opening}{_inline(paragraph, show_personal_data)}</p>")
    # Everything inside was escaped or built by format_html in _inline.
    return mark_safe("".join(html))  # noqa: S308


def masked_text(body):
    """The body as plain text with personal data replaced, for e-mails and the admin excerpt."""
    return "".join(
        f"[{mask_label(kind)}]" if kind in (EMAIL, PHONE) else value
        for kind, value in segments(body)
    )
