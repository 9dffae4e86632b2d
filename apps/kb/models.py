from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from apps.core.listing import live_in_language
from apps.core.pages import ContentPage, TranslatedPage


class KnowledgeBaseIndexPage(TranslatedPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*TranslatedPage.content_panels, FieldPanel("intro")]
    subpage_types = ["kb.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("knowledge base")

    def articles(self):
        return live_in_language(ArticlePage).descendant_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.articles()
        return context


class ArticlePage(ContentPage):
    """A knowledge-base article: evergreen, organised in sections by its headings."""

    parent_page_types = ["kb.KnowledgeBaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")
