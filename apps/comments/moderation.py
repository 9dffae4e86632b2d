"""Moderation actions. Every change of state goes through here, is written to Wagtail's audit
log with who and when, and queues the e-mails it calls for."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import reports, tasks
from .models import Comment, CommentSettings

ACTIONS = {
    # action: (status it sets, audit-log label, audit-log message)
    "approve": (Comment.Status.APPROVED, _("Approve comment"), _("Comment approved")),
    "spam": (Comment.Status.SPAM, _("Mark comment as spam"), _("Comment marked as spam")),
    "trash": (Comment.Status.TRASH, _("Move comment to trash"), _("Comment moved to trash")),
}
REPLY_ACTION = "comments.reply"
DISMISS_ACTION = "comments.dismiss_reports"
PERSONAL_DATA_ACTIONS = {True: "comments.show_personal_data", False: "comments.mask_personal_data"}
LOG_ACTIONS = {
    **{f"comments.{name}": (label, message) for name, (_s, label, message) in ACTIONS.items()},
    REPLY_ACTION: (_("Reply as author"), _("Replied as the page's author")),
    PERSONAL_DATA_ACTIONS[True]: (_("Show personal data"), _("Personal data shown")),
    PERSONAL_DATA_ACTIONS[False]: (_("Mask personal data"), _("Personal data masked")),
    reports.HIDDEN_ACTION: (_("Hidden by reports"), _("Hidden after readers reported it")),
    DISMISS_ACTION: (_("Dismiss reports"), _("Reports dismissed; the comment stays")),
}


def comment_posted(comment):
    """A reader's new comment: tell the moderators when it waits for them."""
    if comment.status != Comment.Status.PENDING:
        return
    rules = CommentSettings.for_site(comment.page.get_site())
    if rules.notify_moderators:
        transaction.on_commit(lambda: tasks.notify_moderators.enqueue(comment.pk))


def apply(action, comments, user):
    """Set the status named by `action` on each comment; returns how many changed."""
    status = ACTIONS[action][0]
    changed = 0
    for comment in comments:
        reports.decided(comment)
        if comment.status == status:
            continue
        comment.status = status
        comment.save(update_fields=["status"])
        log(instance=comment, action=f"comments.{action}", user=user)
        changed += 1
    return changed


def dismiss_reports(comment, user):
    """The moderator read the reports and keeps the comment as it is."""
    reports.decided(comment)
    log(instance=comment, action=DISMISS_ACTION, user=user)


def set_personal_data_visible(comment, visible, user):
    comment.show_personal_data = visible
    comment.save(update_fields=["show_personal_data"])
    log(instance=comment, action=PERSONAL_DATA_ACTIONS[visible], user=user)


def author_reply_name(page, user):
    """The name an author reply is signed with by default: the page's author snippet, else the
    moderator's full name; empty when neither is known (the username is a login, not a name)."""
    author = getattr(page, "author", None)
    return author.name if author else user.get_full_name().strip()


def reply_as_author(comment, body, user, name):
    """Publish at once a reply signed `name` with the author badge, nested under `comment`.

    Answering a comment that still waits approves it: the reply must not hang in the air.
    """
    with transaction.atomic():
        if comment.status != Comment.Status.APPROVED:
            apply("approve", [comment], user)
        reply = Comment.objects.create(
            page_id=comment.page_id,
            language=comment.language,
            parent=comment,
            depth=comment.depth + 1,
            name=name,
            email=user.email or "",
            body=body,
            status=Comment.Status.APPROVED,
            is_author_reply=True,
            replied_by=user,
        )
        log(instance=reply, action=REPLY_ACTION, user=user)
    return reply


def became_approved(comment):
    """Side effects of a comment reaching the public page: the commenter answered is told."""
    parent = comment.parent
    if parent is not None and parent.notify_replies and parent.email:
        transaction.on_commit(lambda: tasks.notify_reply.enqueue(comment.pk))
