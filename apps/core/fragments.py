"""Rendered parts of pages kept in the cache (Redis in production) under the content version.

The page cache in front of Django (nginx) answers anonymous readers; everyone it cannot answer
(editors, commenters with pending comments, the first reader after a purge) gets a page that
Django renders for them. Most of that page is the same for every reader of a page in a
language: its article, navigation, language links and search-engine head. Those parts are
rendered once and reused until anything is published, unpublished, moved or edited in a
snippet (content_version.bump), so that a fresh page costs the parts that really are the
reader's own: the comment form, their pending comments, the editor's bar.

FRAGMENT_CACHE_SECONDS = 0 (the default outside production) turns this off. Previews are never
cached: they show what is not published.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from . import content_version
from .translation import current_language


def enabled(request):
    return settings.FRAGMENT_CACHE_SECONDS > 0 and not getattr(request, "is_preview", False)


def version(request):
    """The content version, read once per request."""
    if not hasattr(request, "_content_version"):
        request._content_version = content_version.current()
    return request._content_version


def key(request, name, vary):
    # Host and scheme: canonical and alternate links are absolute.
    scope = f"{request.scheme}://{request.get_host()}"
    varying = hashlib.md5(  # noqa: S324 - a cache key, not security
        "\x1f".join(str(value) for value in (scope, *vary)).encode()
    ).hexdigest()
    return f"fragment:{name}:{current_language()}:{version(request)}:{varying}"


def cached(request, name, vary, render):
    """render() for `name` varying on `vary`, from the cache when it is there."""
    if request is None or not enabled(request):
        return render()
    fragment_key = key(request, name, vary)
    html = cache.get(fragment_key)
    if html is None:
        html = render()
        cache.set(fragment_key, html, settings.FRAGMENT_CACHE_SECONDS)
    return html
