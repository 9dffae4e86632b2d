"""What a page type needs to take comments: a per-page switch and the thread on the page, a
page of it at a time (threads.py)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from apps.caching import threads as thread_cache
from apps.core.listing import listing_page
from apps.core.translation import current_language

from . import cookies, threads


class CommentPolicy(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    AUTO = "auto", _("Open, closing automatically (see Settings → Comments)")


def thread_counts(page, lang, pending_ids=()):
    """The thread's counts (threads.counts) as this reader sees it: the shared ones are kept in
    the cache (apps/caching/threads.py) when the reader has nothing pending."""

    def build():
        return threads.counts(threads.visible_comments(page, lang, pending_ids))

    if thread_cache.enabled() and not pending_ids:
        return thread_cache.cached_counts(page.pk, lang, build)
    return build()


def comment_page(request, page):
    """(the page of the thread that ?page=N asks for, the thread's counts): Django's Page over
    the range of top-level comments, so no query; page 1 without ?page, a 404 past the last."""
    found = thread_counts(page, current_language(), cookies.pending_ids(request))
    return listing_page(request, range(found["roots"]), settings.COMMENTS_PER_PAGE), found


class CommentsMixin(models.Model):
    """Mixed into blog posts, knowledge-base articles and Q&A pages."""

    comment_policy = models.CharField(
        _("comments"), max_length=10, choices=CommentPolicy.choices, default=CommentPolicy.OPEN
    )

    comment_panels = [FieldPanel("comment_policy")]

    class Meta:
        abstract = True

    def comments_open(self, rules):
        if self.comment_policy == CommentPolicy.CLOSED:
            return False
        if self.comment_policy == CommentPolicy.AUTO:
            published = self.first_published_at or timezone.now()
            return timezone.now() < published + datetime.timedelta(days=rules.close_after_days)
        return True

    def get_context(self, request, *args, **kwargs):
        """The thread's page is known before anything renders: the <head> names its address
        (canonical ?page=N, as a listing's page) and an address past the last page is a 404."""
        context = super().get_context(request, *args, **kwargs)
        if self.pk is not None:
            context["listing_page"], context["comment_counts"] = comment_page(request, self)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if cookies.personalizes(request):
            # The form is filled in or the reader's own pending comments are shown: this copy
            # belongs to this reader alone and must never come out of a shared cache.
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response
