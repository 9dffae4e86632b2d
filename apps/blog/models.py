from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from apps.comments.pages import CommentsMixin
from apps.content.pages import ContentPage
from apps.core.listing import live_in_language, newest_first
from apps.core.pages import SectionIndexPage, card_rows
from apps.discovery.models import RelatedPageLink, related_pages_panel


class BlogIndexPage(SectionIndexPage):
    listing_name = "posts"
    subpage_types = ["blog.BlogPostPage"]

    class Meta:
        verbose_name = _("blog index")

    def listing(self):
        pages = live_in_language(BlogPostPage).descendant_of(self).select_related("author")
        return newest_first(card_rows(pages))


class BlogPostPage(CommentsMixin, ContentPage):
    schema_type = "BlogPosting"
    promote_panels = [*ContentPage.promote_panels, related_pages_panel()]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    settings_panels = [*ContentPage.settings_panels, *CommentsMixin.comment_panels]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")


class BlogPostRelatedPage(RelatedPageLink):
    page = ParentalKey(BlogPostPage, on_delete=models.CASCADE, related_name="related_links")
