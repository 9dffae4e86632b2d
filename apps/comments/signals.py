"""Whatever admin view changed a comment, the same consequences follow: reaching "approved" tells
the commenter answered, and any change to what readers see of a thread is said to the caches
(apps/caching/invalidation.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.caching import invalidation

from . import threads
from .models import Comment, CommentSettings
from .moderation import became_approved

PUBLIC = Comment.Status.APPROVED


def _thread_changed(comment):
    """The pages of the thread that show (or showed) `comment` go from the caches; which ones
    is worked out only when there is a page cache to purge."""
    invalidation.thread_changed(
        comment.page_id, comment.language, lambda: threads.purged_pages(comment)
    )


@receiver(post_save, sender=Comment, dispatch_uid="comments.saved")
def comment_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = None if created else getattr(instance, "_loaded_status", None)
    if instance.status == PUBLIC and previous != PUBLIC:
        became_approved(instance)
    if PUBLIC in (instance.status, previous):
        _thread_changed(instance)
    instance._loaded_status = instance.status


@receiver(post_delete, sender=Comment, dispatch_uid="comments.deleted")
def comment_deleted(sender, instance, **kwargs):
    if instance.status == PUBLIC:
        _thread_changed(instance)


@receiver(post_save, sender=CommentSettings, dispatch_uid="comments.settings_saved")
@receiver(post_delete, sender=CommentSettings, dispatch_uid="comments.settings_deleted")
def settings_changed(sender, instance, created=False, raw=False, **kwargs):
    # Wagtail creates a site's settings with their defaults the first time they are read, in the
    # middle of rendering a page: nothing a reader sees changes then.
    if not raw and not created:
        invalidation.shared_content_changed()
