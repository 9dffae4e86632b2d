"""E-mails, sent by background tasks so that a slow mail server never slows a reader down."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from django_tasks import task

from .models import Comment
from .rendering import masked_text


def moderator_addresses():
    User = get_user_model()
    users = User.objects.filter(
        Q(is_superuser=True) | Q(groups__name="Moderators"), is_active=True
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _admin_url(comment):
    edit = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{edit}"


def _page_url(comment):
    page = comment.page.specific
    with override(comment.language):
        return page.get_full_url()


@task()
def notify_moderators(comment_id):
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    recipients = moderator_addresses()
    if comment is None or comment.status != Comment.Status.PENDING or not recipients:
        return 0
    context = {
        "comment": comment,
        "excerpt": masked_text(comment.body),
        "admin_url": _admin_url(comment),
        "page_url": _page_url(comment),
    }
    # Moderators read the admin in its default language.
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("comments/email/moderators_subject.txt", context).strip()
        body = render_to_string("comments/email/moderators.txt", context)
    return send_mail(subject, body, None, recipients)


@task()
def notify_reply(reply_id):
    reply = Comment.objects.select_related("parent", "page").filter(pk=reply_id).first()
    if reply is None or reply.status != Comment.Status.APPROVED or reply.parent is None:
        return 0
    parent = reply.parent
    if not (parent.notify_replies and parent.email):
        return 0
    context = {
        "reply": reply,
        "parent": parent,
        "excerpt": masked_text(reply.body),
        "url": f"{_page_url(reply)}#comment-{reply.pk}",
    }
    # The commenter is written to in the language they commented in.
    with override(parent.language):
        subject = render_to_string("comments/email/reply_subject.txt", context).strip()
        body = render_to_string("comments/email/reply.txt", context)
    return send_mail(subject, body, None, [parent.email])
