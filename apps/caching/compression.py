"""Pages compressed once, when they are rendered for a cache, not on every hit.

Django compresses a page every reader sees alike as it renders it: brotli for a reader who
accepts it, else gzip, else nothing. nginx tells Django which of the three a reader gets (its
normalized Accept-Encoding) and keeps one copy per class under a key that starts with the class
(deploy/nginx.conf.template), so a hit sends stored bytes and compression costs one render's
worth per fill. The purge removes the three copies (apps/caching/purge.py).

Only responses a shared cache may keep are compressed: no private or no-store Cache-Control
and no cookie set. They hold nothing that belongs to one reader, so BREACH (guessing a secret
from the length of compressed answers that also reflect the attacker's input, a search query
say) has no secret to find in them. A page's comment form carries a token shared by every
reader of the cached page; each reader's own token comes from its own small JSON request,
which is never_cache and so never compressed. Personal pages (an editor's, a commenter's with
pending comments) and the admin (CSRF tokens) are sent as they are.
"""

import gzip
import re

import brotli
from django.utils.cache import patch_vary_headers

# Shorter answers gain nothing (Django's GZipMiddleware uses the same floor).
MIN_BYTES = 200
# For a 160 KiB comment thread on this machine: brotli's quality 7 takes 3 ms for 15.5 KiB,
# 9 takes 34 ms for 14.6 and 11 takes 2.5 s for 13.3; gzip's level 6 takes 3 ms for 16.2 KiB,
# 9 takes 52 ms for 15.6. A render pays it, so the fast levels.
ENCODERS = {
    "br": lambda data: brotli.compress(data, quality=7, mode=brotli.MODE_TEXT),
    "gzip": lambda data: gzip.compress(data, compresslevel=6, mtime=0),
}
# The classes nginx keys its copies by, best first; "identity" is the page as rendered.
ENCODINGS = (*ENCODERS, "identity")
COMPRESSED_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
_REFUSED = re.compile(r";\s*q\s*=\s*0(\.0*)?\s*$")
_PERSONAL = re.compile(r"private|no-store")


def accepted_encoding(header):
    """The best of br and gzip that an Accept-Encoding header accepts (q > 0), or None."""
    offered = set()
    for part in header.lower().split(","):
        name, _, params = part.partition(";")
        if not _REFUSED.search(";" + params):
            offered.add(name.strip())
    return next((name for name in ENCODERS if name in offered), None)


def personal(response):
    """True for a response that belongs to one reader: it sets a cookie or no shared cache may
    keep it."""
    return bool(response.cookies) or bool(_PERSONAL.search(response.get("Cache-Control", "")))


def shareable(response):
    """True for a text response that every reader may get alike, not compressed yet."""
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSED_TYPES)
        and not personal(response)
        and len(response.content) >= MIN_BYTES
    )


class CompressSharedPagesMiddleware:
    """Near the top of MIDDLEWARE, so that the saved outage copies keep the page as rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not shareable(response):
            return response
        patch_vary_headers(response, ["Accept-Encoding"])
        encoding = accepted_encoding(request.headers.get("Accept-Encoding", ""))
        if encoding:
            response.content = ENCODERS[encoding](response.content)
            response["Content-Encoding"] = encoding
            response["Content-Length"] = str(len(response.content))
        return response

