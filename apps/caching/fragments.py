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

Rendered HTML is also kept in each process (a few megabytes, least recently used first out):
the keys hold the content version, so a copy in memory is exactly as fresh as the shared one,
and the most read parts cost no round trip to Redis.
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from apps.core.translation import current_language

from . import content_version

# Characters of HTML kept per process.
LOCAL_MAX_CHARS = 4_000_000
_local = OrderedDict()
_local_chars = 0


def local_get(key):
    value = _local.get(key)
    if value is not None:
        _local.move_to_end(key)
    return value


def local_put(key, value, chars):
    global _local_chars
    if chars > LOCAL_MAX_CHARS // 8:
        return
    if key in _local:
        return
    _local[key] = (value, chars)
    _local_chars += chars
    while _local_chars > LOCAL_MAX_CHARS:
        _old_key, (_old, old_chars) = _local.popitem(last=False)
        _local_chars -= old_chars


def forget_local():
    global _local_chars
    _local.clear()
    _local_chars = 0


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
    return kept(
        key(request, name, vary), render, settings.FRAGMENT_CACHE_SECONDS,
        # Strings only: objects handed to two requests could carry one's changes to the other.
        size=lambda value: len(value) if isinstance(value, str) else None,
    )


def kept(cache_key, build, seconds, size):
    """build() under a key that holds a version: from this process's memory, else from the
    cache, else built and put in both. size(value) is the characters it takes in memory, or
    None to keep it in the shared cache only."""
    local = local_get(cache_key)
    if local is not None:
        return local[0]
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value, seconds)
    chars = size(value)
    if chars is not None:
        local_put(cache_key, value, chars)
    return value
