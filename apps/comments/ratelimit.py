"""How many comments one client has posted lately.

Counted per client address (apps/security: the address nginx saw, never nginx's own) in the
shared cache, so every web worker sees the same counts. When the cache is unreachable the count
is unknown, and the comment is held for a moderator rather than refused or waved through.
"""

from django.conf import settings

from apps.security import limits
from apps.security.clients import client_hash

OK, HOLD, REFUSE = "ok", "hold", "refuse"


def check(request):
    """Count this post and say whether it may go on (OK), must wait (HOLD) or is refused.

    Returns (decision, seconds until the window ends).
    """
    count, retry_after = limits.hit("comments", client_hash(request), settings.COMMENTS_RATE_WINDOW)
    if count is None:
        return HOLD, retry_after
    if count > settings.COMMENTS_RATE_LIMIT:
        return REFUSE, retry_after
    if count > settings.COMMENTS_RATE_HOLD:
        return HOLD, retry_after
    return OK, retry_after
