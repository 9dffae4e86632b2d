"""Readers report published comments; enough different readers hide one until a moderator
decides.

A report counts once per reader (the keyed hash of their address, as the post's rate limit
counts them): sending it again changes its reason, not the count. When the open reports of a
published comment reach the site's threshold (Settings → Comments), the comment goes back to
waiting for a moderator, held as "reported"; the status change is what invalidates the caches
(signals.py). Any moderator decision on the comment closes its open reports.
"""

from django.db import transaction
from wagtail.log_actions import log

from .models import Comment, CommentReport, HeldReason

HIDDEN_ACTION = "comments.hidden_by_reports"


def is_reportable(comment):
    """Published, or already hidden by readers' reports (a late report is still taken)."""
    return comment.status == Comment.Status.APPROVED or (
        comment.status == Comment.Status.PENDING and HeldReason.REPORTED in comment.held_reasons
    )


def report(comment, reason, client, threshold):
    """Record `client`'s report of `comment` and hide the comment at `threshold` different
    readers. Returns True when this report hid it."""
    with transaction.atomic():
        CommentReport.objects.update_or_create(
            comment=comment, client_hash=client, defaults={"reason": reason, "resolved": False}
        )
        reporters = comment.reports.filter(resolved=False).count()
        if comment.status != Comment.Status.APPROVED or reporters < threshold:
            return False
        comment.status = Comment.Status.PENDING
        if HeldReason.REPORTED not in comment.held_reasons:
            comment.held_reasons = [*comment.held_reasons, HeldReason.REPORTED]
        comment.save(update_fields=["status", "held_reasons"])
        log(instance=comment, action=HIDDEN_ACTION)
    return True


def decided(comment):
    """A moderator acted on `comment`: its open reports are closed."""
    comment.reports.filter(resolved=False).update(resolved=True)


def decided_many(comments):
    """decided() for many comments, in one UPDATE."""
    CommentReport.objects.filter(comment__in=comments, resolved=False).update(resolved=True)


def open_counts(comment):
    """[(reason label, how many open reports)] for the moderation screen."""
    labels = dict(CommentReport._meta.get_field("reason").choices)
    counts = {}
    for reason in comment.reports.filter(resolved=False).values_list("reason", flat=True):
        counts[reason] = counts.get(reason, 0) + 1
    return [(str(labels.get(reason, reason)), n) for reason, n in sorted(counts.items())]
