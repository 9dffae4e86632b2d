"""One token for "the published site as it is now": any publish or unpublish replaces it
(apps/frontcache/signals.py, once committed). Fragments derived from many pages at once, such as
a page's related pages, are cached under it and so are never read again after a change."""

import uuid

from django.core.cache import cache

KEY = "content-version"


def current():
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, uuid.uuid4().hex, None)
        version = cache.get(KEY)
    return version


def bump():
    cache.delete(KEY)


def cached(key, build, seconds):
    """build() kept for `seconds` under the current content version; 0 seconds: no cache."""
    if not seconds:
        return build()
    versioned = f"{key}:{current()}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, seconds)
    return value
