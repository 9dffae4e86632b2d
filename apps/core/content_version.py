"""One token for "the published site as it is now": any publish or unpublish replaces it
(apps/frontcache/signals.py, once committed). Fragments derived from many pages at once, such as
a page's related pages, are cached under it and so are never read again after a change."""

import uuid

from django.core.cache import cache

KEY = "content-version"


def token(key):
    """The version token stored at `key`, made when there is none; deleting the key replaces
    it, so that everything cached under the old token is never read again."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def current():
    return token(KEY)


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
