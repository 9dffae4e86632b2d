"""Moderation actions. Every change of state goes through here, is written to Wagtail's audit
log with who and when, and queues the e-mails it calls for."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry

from apps.caching import invalidation

from . import reports, tasks, threads
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


def apply_many(action, comments, user):
    """apply() for a whole selection (the queue's bulk actions, 500 comments at a time), with
    the same effects as deciding them one by one: the open reports closed, the status set, an
    audit-log entry per comment that changed, the reply e-mails of the newly approved and the
    purge of every thread whose public comments changed. In a fixed number of queries: one
    UPDATE, one insert of log entries, one purge and one task for the e-mails, however many
    comments. Returns how many changed."""
    status = ACTIONS[action][0]
    comments = list(comments)
    reports.decided_many(comments)
    changed = [comment for comment in comments if comment.status != status]
    if changed:
        previous = _set_status_many(changed, status)
        log_many(changed, f"comments.{action}", user)
        _after_status_change(changed, previous, status)
    return len(changed)


def _set_status_many(comments, status):
    """`status` for every one of `comments`, in one UPDATE; {pk: the status before}."""
    previous = {comment.pk: comment.status for comment in comments}
    Comment.objects.filter(pk__in=previous).update(status=status)
    for comment in comments:
        # What the post_save signal would remember after a save (signals.comment_saved).
        comment.status = comment._loaded_status = status
    return previous


def _after_status_change(comments, previous, status):
    """The reply e-mails of the newly approved, and the purge of every thread whose public
    comments changed."""
    public = Comment.Status.APPROVED
    if status == public:
        became_approved_many([c for c in comments if previous[c.pk] != public])
    _threads_changed([c for c in comments if public in (status, previous[c.pk])])


def log_many(comments, action, user):
    """The audit-log entries Wagtail's log() writes for each of `comments`, in one insert."""
    log_registry.scan_for_actions()
    model = log_registry.get_log_model_for_instance(comments[0])
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Comment, for_concrete_model=False)
    now = timezone.now()
    model.objects.bulk_create(
        model(
            content_type=content_type,
            label=model.objects.get_instance_title(comment),
            action=action,
            timestamp=now,
            data={},
            user=user or context.user,
            uuid=context.uuid,
            object_id=str(comment.pk),
        )
        for comment in comments
    )


def _threads_changed(comments):
    """invalidation.thread_changed for every (page, language) thread `comments` are in, once:
    the thread pages to purge are worked out together (threads.purged_pages_many)."""
    if comments:
        invalidation.threads_changed(
            {(c.page_id, c.language) for c in comments},
            lambda: threads.purged_pages_many(comments),
        )


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


def _parents_asking(comments):
    """The ids of the comments `comments` reply to whose authors asked for replies."""
    parent_ids = {comment.parent_id for comment in comments if comment.parent_id}
    asking = Comment.objects.filter(pk__in=parent_ids, notify_replies=True).exclude(email="")
    return set(asking.values_list("pk", flat=True))


def became_approved_many(comments):
    """became_approved() for many comments, their parents read in one query and the e-mails
    sent by one task."""
    asking = _parents_asking(comments)
    replies = [comment.pk for comment in comments if comment.parent_id in asking]
    if replies:
        transaction.on_commit(lambda: tasks.notify_replies.enqueue(replies))
