"""Counting what one client does in a window of time, in the shared cache.

Every limit on the site (comments, password-reset e-mails) counts by the same client address
(clients.py) and in the same way: a counter per client and window, kept in Redis so that every
app server sees it. When the cache cannot count, `hit` says so (None) and the caller decides
what is safe: the comment form holds comments for a moderator, the password reset refuses.
"""

import logging
import math
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def over(count, limit):
    """Whether a `count` from `hit` is past `limit`; an uncounted one (None) is not: the
    caller lets it through."""
    return count is not None and count > limit


def minutes(seconds):
    """Whole minutes to wait, at least one: what the refusal messages tell."""
    return max(1, math.ceil(seconds / 60))


def hit(name, client, window):
    """Count one more `name` for `client` in the current window of `window` seconds.

    Returns (count including this one, seconds until the window ends); count is None when the
    cache is unreachable.
    """
    now = int(time.time())
    started = now // window * window
    key = f"limit:{name}:{client}:{started}"
    retry_after = started + window - now
    try:
        cache.add(key, 0, timeout=window + 5)
        return cache.incr(key), retry_after
    except Exception:  # noqa: BLE001 - any cache failure: Redis down, timeouts
        logger.warning("Cache unavailable; the %s limit cannot count", name, exc_info=True)
        return None, retry_after


def first_time(name, value, seconds):
    """True the first time `value` is seen under `name` within `seconds`, False after; None when
    the cache cannot tell (a single-use token then goes through, under the other checks)."""
    key = f"once:{name}:{value}"
    try:
        cache.add(key, 0, timeout=seconds)
        return cache.incr(key) == 1
    except Exception:  # noqa: BLE001 - any cache failure: Redis down, timeouts
        logger.warning("Cache unavailable; cannot tell whether %s was used", name, exc_info=True)
        return None
