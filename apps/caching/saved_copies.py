"""The last good copy of each public page, for when the database is unreachable.

Every anonymous reader's page that Django renders successfully is kept in the cache (at most
once per COPY_REFRESH_SECONDS per page), so that apps/operations/outage.py can serve it, marked
503, while the database is down.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# A saved copy is refreshed at most this often, so a busy page costs one cache write per
# interval, and kept this long, so an outage of a day still finds it.
COPY_REFRESH_SECONDS = 300
COPY_KEEP_SECONDS = 7 * 24 * 3600


def _copy_key(path):
    return f"outage:copy:{path}"


def _cache_get(key):
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - the cache may be down too; then there is no copy
        logger.warning("Cache unavailable while looking for a saved copy", exc_info=True)
        return None


def saved_copy(request):
    """The page's last good rendering for anonymous readers, if one was kept."""
    if request.method not in ("GET", "HEAD") or request.GET:
        return None
    return _cache_get(_copy_key(request.path))


def _public_page(response):
    """A whole HTML page that is not personal: a commenter's pending comment or an editor's view
    is private or sets cookies; only what every anonymous reader sees is kept."""
    html = response.get("Content-Type", "").startswith("text/html")
    private = "private" in response.get("Cache-Control", "") or response.cookies
    return response.status_code == 200 and not response.streaming and html and not private


def _anonymous_read(request):
    """A plain GET of a public address, without a session."""
    plain = request.method == "GET" and not request.GET
    signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES
    return plain and not signed_in and not request.path.startswith("/admin/")


def _worth_keeping(request, response):
    return _anonymous_read(request) and _public_page(response)


class SavedCopyMiddleware:
    """Keeps the last good rendering of public pages in the cache, for outage_response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _worth_keeping(request, response):
            self._keep(request.path, response)
        return response

    # Paths this process saved a copy of, and when: within COPY_REFRESH_SECONDS the shared
    # marker would refuse anyway, so Redis is not asked. Bounded; cleared when full.
    _saved_at = {}
    SAVED_AT_MAX = 10_000

    def _keep(self, path, response):
        now = time.monotonic()
        if now - self._saved_at.get(path, -COPY_REFRESH_SECONDS) < COPY_REFRESH_SECONDS:
            return
        if len(self._saved_at) >= self.SAVED_AT_MAX:
            self._saved_at.clear()
        self._saved_at[path] = now
        try:
            # The marker key expires after COPY_REFRESH_SECONDS; add() succeeds only then.
            if cache.add(f"outage:fresh:{path}", 1, timeout=COPY_REFRESH_SECONDS):
                copy = (response.content, response["Content-Type"])
                cache.set(_copy_key(path), copy, timeout=COPY_KEEP_SECONDS)
        except Exception:  # noqa: BLE001 - a cache outage must never break a page
            logger.warning("Cache unavailable; page copy not saved", exc_info=True)
