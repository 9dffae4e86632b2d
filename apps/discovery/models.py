"""Related pages an editor picks, in order, on posts, articles and questions.

The link model is abstract: a ParentalKey needs a concrete page model, so blog, kb and qa each
declare a small subclass pointing at their page type, all with related_name="related_links".
Links carry no language: a picked page that does not exist in the reader's language is skipped
when the page is shown (see apps.discovery.related).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel, PageChooserPanel
from wagtail.models import Orderable

MAX_RELATED = 6
RELATED_PAGE_TYPES = ["blog.BlogPostPage", "kb.ArticlePage", "qa.QuestionPage"]


class RelatedPageLink(Orderable):
    related = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related", page_type=RELATED_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def clean(self):
        super().clean()
        if self.related_id and self.related_id == getattr(self, "page_id", None):
            raise ValidationError({"related": _("A page cannot be related to itself.")})


def related_pages_panel():
    return InlinePanel(
        "related_links",
        label=_("Related pages"),
        max_num=MAX_RELATED,
        help_text=_(
            "Shown in this order at the end of the page. When fewer are picked, the most "
            "related pages in the reader's language fill the remaining places."
        ),
    )
