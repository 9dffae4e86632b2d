from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from apps.core.listing import live_in_language, newest_first
from apps.core.pages import ContentPage, TranslatedPage


class BlogIndexPage(TranslatedPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*TranslatedPage.content_panels, FieldPanel("intro")]
    subpage_types = ["blog.BlogPostPage"]
    max_count = 1

    class Meta:
        verbose_name = _("blog index")

    def posts(self):
        return newest_first(
            live_in_language(BlogPostPage).descendant_of(self).select_related("author")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = self.posts()
        return context


class BlogPostPage(ContentPage):
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")
