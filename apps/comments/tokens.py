"""The comment form's token: which page the form came from, when it was rendered, used once.

A page and its form may be served from the page cache to many readers, so the token in the
page is shared: the first post spends it. site.js asks for a fresh token of the reader's own
when they start writing (the `token` view); without JavaScript, or with a token someone else
spent, the reader gets their text back with a fresh token and sends it once more. A bot must
fetch a token for every post, and each post still meets the rate limit.
"""

import secrets
import time

from django.conf import settings
from django.core import signing

from apps.security import limits

SALT = "mishov.comments.form"
# A page may stay in the page cache for a long time; an older form's text comes back with a
# fresh token.
MAX_AGE = 7 * 24 * 3600

VALID, FORGED, EXPIRED, SPENT, TOO_FAST = "valid", "forged", "expired", "spent", "too-fast"


def _signer():
    return signing.TimestampSigner(salt=SALT)


def issue(page_id):
    """A new token for a form on page `page_id`."""
    return _signer().sign(f"{page_id}:{secrets.token_urlsafe(12)}")


def check(value, page_id):
    """VALID, or why the token cannot be taken; checking a genuine token spends it."""
    signer = _signer()
    try:
        payload = signer.unsign(value or "", max_age=MAX_AGE)
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return FORGED
    token_page, _, nonce = payload.partition(":")
    if token_page != str(page_id) or not nonce:
        return FORGED
    if limits.first_time("comment-token", nonce, MAX_AGE) is False:
        return SPENT
    rendered_at = signing.b62_decode(value.rsplit(signer.sep, 2)[1])
    if time.time() - rendered_at < settings.COMMENTS_MIN_SECONDS:
        return TOO_FAST
    return VALID
