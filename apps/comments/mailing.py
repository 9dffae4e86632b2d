"""Reply e-mails only to addresses that said yes twice (double opt-in), and a way out of every
e-mail in one click.

A commenter who ticks "e-mail me about replies" gets one e-mail with a link; only opening it
and pressing its button confirms the address, and until then no reply is mailed. Every e-mail
to a commenter carries a stop link. Links are signed with the consent's id and what they do;
opening one shows a button, and only pressing it (a POST) acts, so mail scanners that follow
links change nothing.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from apps.security import limits

from .models import Comment, MailConsent

SALT = "mishov.comments.mail"
CONFIRM, STOP = "confirm", "stop"
CONFIRM_MAX_AGE = 14 * 24 * 3600


def consent_for(email, lang):
    """The address's consent record (created, unconfirmed, the first time it is asked)."""
    consent, _created = MailConsent.objects.get_or_create(
        email=email.strip().lower(), defaults={"language": lang}
    )
    return consent


def may_mail(email):
    """Whether reply e-mails may go to `email`: it confirmed and has not stopped."""
    return MailConsent.objects.filter(
        email=email.strip().lower(), confirmed_at__isnull=False
    ).exists()


def link(consent, action, lang, base_url):
    """The absolute signed link that does `action` for `consent`, in `lang`."""
    token = signing.dumps([consent.pk, action], salt=SALT)
    with override(lang):
        path = reverse("comments:mail", args=[action, token])
    return f"{base_url.rstrip('/')}{path}"


def read(token, action):
    """The consent a link names for `action`, or None when it is forged, for another action,
    or (for confirmation) too old."""
    max_age = CONFIRM_MAX_AGE if action == CONFIRM else None
    try:
        consent_id, signed_action = signing.loads(token, salt=SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if signed_action != action:
        return None
    return MailConsent.objects.filter(pk=consent_id).first()


def confirm(consent):
    consent.confirmed_at = timezone.now()
    consent.stopped_at = None
    consent.save(update_fields=["confirmed_at", "stopped_at"])


def stop(consent):
    """No more reply e-mails to this address, for any comment it wrote."""
    with transaction.atomic():
        consent.confirmed_at = None
        consent.stopped_at = timezone.now()
        consent.save(update_fields=["confirmed_at", "stopped_at"])
        Comment.objects.filter(email__iexact=consent.email).update(notify_replies=False)


def ask_to_confirm(comment):
    """After a comment that asked for reply e-mails: mail the confirmation link unless the
    address confirmed already (at most one such e-mail an hour per address)."""
    if not (comment.notify_replies and comment.email) or may_mail(comment.email):
        return
    consent = consent_for(comment.email, comment.language)
    if limits.first_time("reply-confirmation", consent.pk, 3600) is False:
        return
    from . import tasks

    transaction.on_commit(lambda: tasks.ask_to_confirm.enqueue(consent.pk, comment.pk))
