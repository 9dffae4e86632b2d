"""What a page type needs to take comments: a per-page switch and the thread on the page."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from . import cookies


class CommentPolicy(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    AUTO = "auto", _("Open, closing automatically (see Settings → Comments)")


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

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if cookies.personalizes(request):
            # The form is filled in or the reader's own pending comments are shown: this copy
            # belongs to this reader alone and must never come out of a shared cache.
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response
