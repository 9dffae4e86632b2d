"""E-mails, sent by background tasks so that a slow mail server never slows a reader down."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from django_tasks import task
from wagtail.permission_policies import ModelPermissionPolicy

from . import mailing, permalinks
from .models import Comment, MailConsent
from .rendering import masked_text


def moderators():
    """Active users who may moderate comments (change them: superusers, the Moderators group,
    anyone given the permission), with or without an address. By permission, not by a group's
    name, so that renaming the group in Settings keeps the mails coming."""
    return ModelPermissionPolicy(Comment).users_with_permission("change")


def moderator_addresses_by_language():
    """{admin language: sorted addresses}: each moderator is written to in the language they
    read the admin in (their Account setting, else the site's default)."""
    from wagtail.users.models import UserProfile

    users = moderators().exclude(email="")
    chosen = dict(
        UserProfile.objects.filter(user__in=users).values_list("user_id", "preferred_language")
    )
    groups = {}
    for user_id, email in users.values_list("pk", "email"):
        lang = chosen.get(user_id) or settings.LANGUAGE_CODE
        groups.setdefault(lang, set()).add(email)
    return {lang: sorted(addresses) for lang, addresses in groups.items()}


def _admin_url(comment):
    """The comment's moderation screen, at the configured admin address."""
    screen = reverse("comments_admin:detail", args=[comment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{screen}"


def _page_url(comment):
    page = comment.page.specific
    with override(comment.language):
        return page.get_full_url()


def _site_url(comment):
    """The public site's root URL for the links in a commenter's e-mail."""
    return comment.page.get_site().root_url


def _send_to_commenter(template, context, lang, consent, comment):
    """One e-mail in the commenter's language, with its stop link."""
    context = {**context, "stop_url": mailing.link(consent, mailing.STOP, lang, _site_url(comment))}
    with override(lang):
        subject = render_to_string(f"comments/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"comments/email/{template}.txt", context)
    return send_mail(subject, body, None, [consent.email])


@task()
def ask_to_confirm(consent_id, comment_id):
    """The double opt-in: a link that confirms reply e-mails for the address."""
    consent = MailConsent.objects.filter(pk=consent_id, confirmed_at__isnull=True).first()
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if consent is None or comment is None:
        return 0
    context = {
        "confirm_url": mailing.link(consent, mailing.CONFIRM, comment.language,
                                    _site_url(comment)),
        "title": comment.page.specific.title,
    }
    return _send_to_commenter("confirm", context, comment.language, consent, comment)


@task()
def notify_moderators(comment_id):
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    context = {
        "comment": comment,
        "excerpt": masked_text(comment.body),
        "admin_url": _admin_url(comment),
        "page_url": _page_url(comment),
    }
    sent = 0
    for lang, recipients in sorted(moderator_addresses_by_language().items()):
        with override(lang):
            subject = render_to_string("comments/email/moderators_subject.txt", context).strip()
            body = render_to_string("comments/email/moderators.txt", context)
        sent += send_mail(subject, body, None, recipients)
    return sent


@task()
def notify_reply(reply_id):
    return _notify_reply(reply_id)


@task()
def notify_replies(reply_ids):
    """notify_reply for each of a bulk approval's replies, in one task."""
    return sum(_notify_reply(reply_id) for reply_id in reply_ids)


def _is_public_reply(reply):
    return reply is not None and reply.status == Comment.Status.APPROVED and reply.parent_id


def _wants_replies(comment):
    """The commenter asked for replies and confirmed the address."""
    return comment.notify_replies and comment.email and mailing.may_mail(comment.email)


def _notify_reply(reply_id):
    """Tell the commenter `reply_id` answers, when they asked for it and confirmed their address."""
    reply = Comment.objects.select_related("parent", "page").filter(pk=reply_id).first()
    if not (_is_public_reply(reply) and _wants_replies(reply.parent)):
        return 0
    parent = reply.parent
    context = {
        "reply": reply,
        "parent": parent,
        "excerpt": masked_text(reply.body),
        # The reply's permanent address: it leads to the page of the thread that shows it.
        "url": urljoin(_site_url(reply), permalinks.address(reply)),
    }
    # The commenter is written to in the language they commented in.
    consent = mailing.consent_for(parent.email, parent.language)
    return _send_to_commenter("reply", context, parent.language, consent, reply)


@task()
def send_data_link(email, lang, base_url):
    """The link to a commenter's own comments: a copy or their deletion."""
    from . import data_requests

    context = {"url": data_requests.link(email, lang, base_url)}
    with override(lang):
        subject = render_to_string("comments/email/my_data_subject.txt", context).strip()
        body = render_to_string("comments/email/my_data.txt", context)
    return send_mail(subject, body, None, [email])
