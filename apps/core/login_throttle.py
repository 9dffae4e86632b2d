"""Wagtail's admin sign-in, refused for a while after repeated failures.

Failures are counted per (hashed client address, username), so one person mistyping cannot lock
out another, and per address alone, so guessing many usernames is slowed too. Counts live in
the shared cache; when the cache is unreachable they fall back to this process's memory, which
still slows a guesser down instead of either locking everyone out or letting everyone through.
While refused, the password is not even checked, so guesses teach nothing.
"""

import hashlib
import logging
import math

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.forms.utils import ErrorDict
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView

from apps.comments.ratelimit import client_hash

logger = logging.getLogger(__name__)

fallback_cache = LocMemCache("admin-login-fallback", {})


def _limits():
    return (
        getattr(settings, "ADMIN_LOGIN_FAILURES_PER_USER", 5),
        getattr(settings, "ADMIN_LOGIN_FAILURES_PER_ADDRESS", 20),
        getattr(settings, "ADMIN_LOGIN_WINDOW", 15 * 60),
    )


def _keys(request, username):
    client = client_hash(request)
    user = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
    return f"admin-login:user:{client}:{user}", f"admin-login:addr:{client}"


def _count(key, delta, window):
    """The key's count after adding `delta` (0 to read it)."""
    try:
        cache.add(key, 0, timeout=window)
        return cache.incr(key, delta)
    except Exception:  # noqa: BLE001 - any cache failure: count in this process instead
        logger.warning("Cache unavailable; admin sign-in failures counted locally")
        fallback_cache.add(key, 0, timeout=window)
        return fallback_cache.incr(key, delta)


def _forget(key):
    for store in (cache, fallback_cache):
        try:
            store.delete(key)
        except Exception:  # noqa: BLE001 - nothing to forget in a cache that is down
            logger.warning("Cache unavailable; admin sign-in count not cleared")


class ThrottledLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        per_user, per_address, window = _limits()
        self.user_key, self.address_key = _keys(request, request.POST.get("username", ""))
        if (
            _count(self.user_key, 0, window) >= per_user
            or _count(self.address_key, 0, window) >= per_address
        ):
            return self.refuse(window)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        _per_user, _per_address, window = _limits()
        _count(self.user_key, 1, window)
        _count(self.address_key, 1, window)
        return super().form_invalid(form)

    def form_valid(self, form):
        _forget(self.user_key)
        return super().form_valid(form)

    def refuse(self, window):
        minutes = math.ceil(window / 60)
        message = ngettext(
            "Too many failed sign-in attempts. Please wait %(minutes)d minute and try again.",
            "Too many failed sign-in attempts. Please wait %(minutes)d minutes and try again.",
            minutes,
        ) % {"minutes": minutes}
        # The form shows what was typed and the message, without checking the password.
        form = self.get_form()
        form.cleaned_data = {}
        form._errors = ErrorDict()
        form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 429
        response["Retry-After"] = str(window)
        return response
