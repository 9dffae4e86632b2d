from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core.listing import live_in_language, newest_first
from apps.core.pages import TranslatedPage, card_rows
from apps.kb.models import ArticlePage, KnowledgeBaseIndexPage
from apps.qa.models import QuestionIndexPage, QuestionPage

LATEST_COUNT = 6


def _latest(model):
    """The newest cards of a page type with an author (posts, articles) in the reader's
    language."""
    pages = card_rows(live_in_language(model).select_related("author"))
    return list(newest_first(pages)[:LATEST_COUNT])


class HomePage(TranslatedPage):
    """The site root, one per site; it exists in every language the site speaks."""

    schema_type = "WebSite"

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*TranslatedPage.content_panels, FieldPanel("intro")]
    subpage_types = ["blog.BlogIndexPage", "kb.KnowledgeBaseIndexPage", "qa.QuestionIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: a cached rendering of the sections (templates/home/home_page.html) neither
        # builds nor runs any of these queries.
        context.update(
            latest_posts=SimpleLazyObject(lambda: _latest(BlogPostPage)),
            articles=SimpleLazyObject(lambda: _latest(ArticlePage)),
            questions=SimpleLazyObject(
                lambda: list(newest_first(live_in_language(QuestionPage)).prefetch_related(
                    *QuestionPage.card_prefetch)[:LATEST_COUNT])),
            blog_index=SimpleLazyObject(lambda: live_in_language(BlogIndexPage).first()),
            kb_index=SimpleLazyObject(lambda: live_in_language(KnowledgeBaseIndexPage).first()),
            qa_index=SimpleLazyObject(lambda: live_in_language(QuestionIndexPage).first()),
        )
        return context
