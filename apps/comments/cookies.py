"""The two cookies a commenter may get, signed so that nobody can forge someone else's.

- remember: name and e-mail, only when the commenter ticks "remember me" (like WordPress).
- pending: the ids of the commenter's comments awaiting moderation, so that they, and only
  they, see them on the page marked "awaiting moderation".
"""

from django.conf import settings
from django.core import signing

REMEMBER = "mishov_commenter"
PENDING = "mishov_pending"
SALT = "mishov.comments"
REMEMBER_AGE = 365 * 24 * 3600
PENDING_AGE = 30 * 24 * 3600
PENDING_MAX = 20


def _read(request, name, max_age):
    value = request.COOKIES.get(name)
    if not value:
        return None
    try:
        return signing.loads(value, salt=f"{SALT}.{name}", max_age=max_age)
    except signing.BadSignature:
        return None


def _write(response, name, value, max_age):
    response.set_cookie(
        name,
        signing.dumps(value, salt=f"{SALT}.{name}", compress=True),
        max_age=max_age,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def personalizes(request):
    return REMEMBER in request.COOKIES or PENDING in request.COOKIES


def remembered(request):
    """{'name': ..., 'email': ...} or {}."""
    value = _read(request, REMEMBER, REMEMBER_AGE)
    if not isinstance(value, dict):
        return {}
    return {k: str(value.get(k, "")) for k in ("name", "email")}


def remember(response, name, email):
    _write(response, REMEMBER, {"name": name, "email": email}, REMEMBER_AGE)


def forget(response):
    response.delete_cookie(REMEMBER, samesite="Lax")


def pending_ids(request):
    value = _read(request, PENDING, PENDING_AGE)
    if not isinstance(value, list):
        return []
    return [i for i in value if isinstance(i, int)][-PENDING_MAX:]


def add_pending(request, response, comment_id):
    ids = [*pending_ids(request), comment_id][-PENDING_MAX:]
    _write(response, PENDING, ids, PENDING_AGE)
