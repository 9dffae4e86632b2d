"""Whatever admin view changed a comment, reaching "approved" has the same consequences."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Comment
from .moderation import became_approved


@receiver(post_save, sender=Comment, dispatch_uid="comments.approved")
def comment_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_loaded_status", None)
    if instance.status == Comment.Status.APPROVED and (created or previous != instance.status):
        became_approved(instance)
    instance._loaded_status = instance.status
