"""When the database is unreachable: a 503 in the reader's language, or the page's last good copy.

Nothing here may touch the database: the language comes from the URL prefix, the page is
rendered without a request context (no Wagtail Site lookup, no settings read from the
database), and the only other store consulted is the cache. Django opens a new database
connection for each request (or checks a persistent one first, CONN_HEALTH_CHECKS), so the
site recovers by itself once the database answers again.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from .translation import LANGUAGE_CODES, direction

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# A saved copy is refreshed at most this often, so a busy page costs one cache write per
# interval, and kept this long, so an outage of a day still finds it.
COPY_REFRESH_SECONDS = 300
COPY_KEEP_SECONDS = 7 * 24 * 3600


def is_database_outage(exc):
    """True for errors that mean "the database cannot be reached", not for a bad query."""
    return isinstance(exc, OperationalError | InterfaceError)


def language_from_path(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else settings.LANGUAGE_CODE


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


def render_without_database(request, template_name, status, **context):
    """A standalone page in the language of the URL prefix, rendered without a request context
    (so no context processor, Wagtail Site or setting is read from the database)."""
    lang = language_from_path(request.path)
    with translation.override(lang):
        content = render_to_string(
            template_name, {"LANG": lang, "DIR": direction(lang), "home": f"/{lang}/", **context}
        )
    response = HttpResponse(content, status=status)
    response["Content-Language"] = lang
    return response


def outage_response(request):
    """The saved copy of the page when there is one, else a 503 page; both say 503 and
    Retry-After, so crawlers come back instead of forgetting the page."""
    copy = saved_copy(request)
    if copy is not None:
        content, content_type = copy
        response = HttpResponse(content, content_type=content_type, status=503)
        response["X-Mishov-Copy"] = "saved"
    else:
        response = render_without_database(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _worth_keeping(request, response):
    return (
        response.status_code == 200
        and request.method == "GET"
        and not request.GET
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        # Personal pages (a commenter's pending comment, an editor's view) are private or set
        # cookies; only what every anonymous reader sees is kept.
        and "private" not in response.get("Cache-Control", "")
        and not response.cookies
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith("/admin/")
    )


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
