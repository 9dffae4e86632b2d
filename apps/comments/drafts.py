"""A comment that was not posted, kept for its writer at the form's own address.

Every post that goes wrong (a refusal, a field to correct, the database away) answers with a
redirect to the form's address, `/<lang>/comments/post/<page>/`, and keeps what was typed in
the shared cache under a random key named by a cookie on that one path (POST, redirect, GET).
The writer can reload that address as often as they like without being asked to send the form
again; anyone else opening it (a shared link) is led to the page's own form. The cookie holds
only the key: a comment is up to 5,000 characters, more than a cookie may carry.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

COOKIE = "mishov_draft"
MAX_AGE = 3600
KEPT_FIELDS = ("name", "email", "body", "remember", "notify", "parent")


def _key(value):
    return f"comment-draft:{value}"


def keep(response, path, data, told):
    """Keep the typed fields and `told` (what to tell the writer: message, status, back,
    retry_after); False when the cache cannot."""
    value = secrets.token_urlsafe(18)
    draft = {"data": {field: data.get(field, "") for field in KEPT_FIELDS}, **told}
    try:
        cache.set(_key(value), draft, timeout=MAX_AGE)
    except Exception:  # noqa: BLE001 - any cache failure: the answer is rendered at once instead
        logger.warning("Cache unavailable; the comment comes back in the answer", exc_info=True)
        return False
    response.set_cookie(
        COOKIE, value, max_age=MAX_AGE, path=path, httponly=True, samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return True


def kept(request):
    """The writer's draft at this address (a dict as `keep` stored it), or None."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return None
    try:
        return cache.get(_key(value))
    except Exception:  # noqa: BLE001 - any cache failure: as if there were no draft
        return None


def drop(request, response, path):
    """Forget the draft once the comment is posted."""
    value = request.COOKIES.get(COOKIE)
    if value:
        try:
            cache.delete(_key(value))
        except Exception:  # noqa: BLE001 - it expires on its own
            logger.warning("Cache unavailable; a posted draft expires on its own", exc_info=True)
        response.delete_cookie(COOKIE, path=path, samesite="Lax")
