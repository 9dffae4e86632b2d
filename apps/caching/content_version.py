"""One token for "the published site as it is now": publishing, unpublishing, moving a page or
editing what many pages show replaces it (apps/caching/invalidation.py, once committed). Everything
cached under it (rendered parts of pages, routes: apps/caching/fragments.py) is never read again."""

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
