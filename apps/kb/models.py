from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from apps.comments.pages import CommentsMixin
from apps.content.pages import ContentPage
from apps.core.listing import live_in_language
from apps.core.pages import SectionIndexPage, card_rows
from apps.discovery.models import RelatedPageLink, related_pages_panel


class KnowledgeBaseIndexPage(SectionIndexPage):
    listing_name = "articles"
    subpage_types = ["kb.ArticlePage"]

    class Meta:
        verbose_name = _("knowledge base")

    def listing(self):
        pages = live_in_language(ArticlePage).descendant_of(self).select_related("author")
        return card_rows(pages).order_by("path")


class ArticlePage(CommentsMixin, ContentPage):
    """A knowledge-base article: evergreen, organised in sections by its headings."""

    schema_type = "Article"

    promote_panels = [*ContentPage.promote_panels, related_pages_panel()]
    parent_page_types = ["kb.KnowledgeBaseIndexPage"]
    subpage_types = []
    settings_panels = [*ContentPage.settings_panels, *CommentsMixin.comment_panels]

    class Meta:
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")


class ArticleRelatedPage(RelatedPageLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
