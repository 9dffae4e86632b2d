"""Signing in to the admin, and asking for a new password, without letting anyone lock editors out.

Failed sign-ins are counted by django-axes per (account, client address): one address guessing
can lock that account only for itself, never for the editor at their own address, and a
colleague's mistakes never lock another account. While an (account, address) pair is locked,
the password is not even checked. How fast one address may try at all (many usernames, many
passwords) is nginx's limit on the sign-in form (deploy/nginx.conf.template), which refuses a
flood before it costs a password hash.

Password-reset e-mails are limited per client address (a 429 with the form kept) and per e-mail
address typed: past that, the form says "sent" as usual and sends nothing, so that no one can
fill an editor's inbox, nor keep its owner from resetting with the mails already there.
"""


from django.conf import settings
from django.forms.utils import ErrorDict
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView, PasswordResetView

from . import limits
from .clients import client_hash, keyed_hash


def _wait_message(seconds):
    minutes = limits.minutes(seconds)
    return ngettext(
        "Too many failed sign-in attempts. Please wait %(minutes)d minute and try again.",
        "Too many failed sign-in attempts. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def lockout_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def axes_username(request, credentials):
    """One account, however its name is typed: "Editor " and "editor" count together."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return username.strip().casefold()


def with_form_error(view, form, message, status, retry_after):
    """The view's form again, showing what was typed and `message`, without checking it."""
    form.cleaned_data = {}
    form._errors = ErrorDict()
    form.add_error(None, message)
    response = view.render_to_response(view.get_context_data(form=form))
    response.status_code = status
    response["Retry-After"] = str(retry_after)
    return response


class SignInView(LoginView):
    """Wagtail's sign-in; a locked (account, address) gets the form back with a 429."""

    def form_invalid(self, form):
        if getattr(self.request, "axes_locked_out", False):
            seconds = lockout_seconds()
            return with_form_error(self, form, _wait_message(seconds), 429, seconds)
        return super().form_invalid(form)


def lockout_response(request, original_response=None, credentials=None):
    """What axes answers when it locks a request out: SignInView's own page where it made one."""
    if original_response is not None and original_response.status_code == 429:
        return original_response
    seconds = lockout_seconds()
    response = HttpResponse(_wait_message(seconds), status=429, content_type="text/plain")
    response["Retry-After"] = str(seconds)
    return response


def _reset_verdict(per_client, per_email, allowed):
    """"send", "quiet" (the address had its mails: say sent, send none) or "wait" (this client
    asked too often, or the counts are unknown), from this hour's counts."""
    if per_email is not None and per_email > allowed and (per_client or 0) <= allowed:
        return "quiet"
    if per_client is None or per_email is None or per_client > allowed:
        return "wait"
    return "send"


def _reset_wait_message(minutes):
    return ngettext(
        "Too many password reset requests. Please wait %(minutes)d minute and try again.",
        "Too many password reset requests. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most a few e-mails per address and per hour."""

    def form_valid(self, form):
        window = settings.PASSWORD_RESET_WINDOW
        email = form.cleaned_data["email"].strip().casefold()
        per_client, retry_after = limits.hit("password-reset", client_hash(self.request), window)
        per_email, _ = limits.hit("password-reset-email", keyed_hash(email), window)
        verdict = _reset_verdict(per_client, per_email, settings.PASSWORD_RESET_LIMIT)
        if verdict == "quiet":
            # That address has its recent mails, whose links still work: say "sent" as usual
            # and send no more, so that no one can fill the inbox or lock its owner out.
            return HttpResponseRedirect(self.get_success_url())
        if verdict == "wait":
            message = _reset_wait_message(limits.minutes(retry_after))
            return with_form_error(self, form, message, 429, retry_after)
        return super().form_valid(form)

