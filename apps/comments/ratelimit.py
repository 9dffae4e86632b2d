"""How many comments one client address has posted lately, counted in the cache.

The cache is Redis in production, so every web worker sees the same counts. The address is
stored only as a keyed hash. When the cache is unreachable the count is unknown, and the
comment is held for a moderator rather than refused or waved through.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

OK, HOLD, REFUSE = "ok", "hold", "refuse"


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, client_address(request).encode(), hashlib.sha256).hexdigest()


def check(request):
    """Count this post and say whether it may go on (OK), must wait (HOLD) or is refused.

    Returns (decision, seconds until the window ends).
    """
    window = settings.COMMENTS_RATE_WINDOW
    started = int(time.time()) // window * window
    key = f"comments:rate:{client_hash(request)}:{started}"
    retry_after = started + window - int(time.time())
    try:
        cache.add(key, 0, timeout=window + 5)
        count = cache.incr(key)
    except Exception:  # noqa: BLE001  (any cache failure: Redis down, timeouts)
        logger.warning("Comment rate limit unavailable; holding the comment", exc_info=True)
        return HOLD, retry_after
    if count > settings.COMMENTS_RATE_LIMIT:
        return REFUSE, retry_after
    if count > settings.COMMENTS_RATE_HOLD:
        return HOLD, retry_after
    return OK, retry_after
