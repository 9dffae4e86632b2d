"""Publishing, unpublishing and every change to a visible comment purge what they change
(and a comment change also drops the page's cached thread rendering)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from apps.comments import thread_cache
from apps.comments.models import Comment, CommentSettings
from apps.core import content_version
from apps.people.models import Author
from apps.taxonomy.models import Topic

from . import targets
from .purge import purge_after_commit


def page_changed(sender, instance, **kwargs):
    transaction.on_commit(content_version.bump)
    purge_after_commit(lambda: targets.page_urls(instance))


def shared_content_changed(sender, instance=None, raw=False, **kwargs):
    """Something rendered into many pages (an author, a topic, a site, a privacy rule, the
    comment settings) changed: renderings and routes cached under the content version are
    never read again (apps/core/fragments.py, apps/core/routing.py)."""
    if raw:
        return
    if sender is CommentSettings and kwargs.get("created"):
        # Wagtail creates a site's settings with their defaults the first time they are read,
        # in the middle of rendering a page: nothing a reader sees changes.
        return
    transaction.on_commit(content_version.bump)


# Models shown on, or deciding about, many pages at once.
SHARED_CONTENT = (Author, Topic, Site, PageViewRestriction, CommentSettings)


def remember_visibility(sender, instance, raw=False, **kwargs):
    # Read before the comments app's own post_save handler updates _loaded_status.
    instance._was_public = getattr(instance, "_loaded_status", None) == Comment.Status.APPROVED


def public_comment_changed(comment):
    """Forget the page's cached thread rendering and purge the page, once committed."""
    page_id, lang = comment.page_id, comment.language
    transaction.on_commit(lambda: thread_cache.forget(page_id, lang))
    purge_after_commit(lambda: targets.comment_urls(comment))


def comment_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.status == Comment.Status.APPROVED or getattr(instance, "_was_public", False):
        public_comment_changed(instance)


def comment_deleted(sender, instance, **kwargs):
    if instance.status == Comment.Status.APPROVED:
        public_comment_changed(instance)


def connect():
    page_published.connect(page_changed, dispatch_uid="frontcache.published")
    page_unpublished.connect(page_changed, dispatch_uid="frontcache.unpublished")
    # A move changes the page's address in every language; the page cache keeps the old one
    # until it expires.
    post_page_move.connect(page_changed, dispatch_uid="frontcache.moved")
    for model in SHARED_CONTENT:
        for event, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                shared_content_changed, sender=model,
                dispatch_uid=f"frontcache.shared.{model._meta.label}.{event}",
            )
    pre_save.connect(remember_visibility, sender=Comment, dispatch_uid="frontcache.comment_pre")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="frontcache.comment_saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="frontcache.comment_deleted")
