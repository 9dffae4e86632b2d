from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from apps.comments.pages import CommentsMixin
from apps.core.admin_forms import LanguageFieldsForm
from apps.core.listing import live_in_language, newest_first
from apps.core.pages import (
    SectionIndexPage,
    TranslatedPage,
    TranslatedPageForm,
    topics_in_language,
)
from apps.core.text import first_line, html_text, reading_minutes
from apps.core.translation import current_language, own_value
from apps.discovery.models import RelatedPageLink, related_pages_panel
from apps.feedback.panels import HelpfulPanel

ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuestionIndexPage(SectionIndexPage):
    listing_name = "questions"
    subpage_types = ["qa.QuestionPage"]

    class Meta:
        verbose_name = _("questions and answers index")

    def listing(self):
        pages = live_in_language(QuestionPage).descendant_of(self)
        return newest_first(pages).prefetch_related(*QuestionPage.card_prefetch)


def _kept_as_best(form):
    """Whether an answer's form marks it best and does not delete it."""
    data = form.cleaned_data
    return bool(data.get("is_best") and not data.get("DELETE"))


class QuestionPageForm(TranslatedPageForm):
    def clean(self):
        cleaned = super().clean()
        answers = self.formsets.get("answers")
        if answers is not None and sum(map(_kept_as_best, answers.forms)) > 1:
            raise forms.ValidationError(_("Only one answer can be marked as the best answer."))
        return cleaned


class QuestionPage(CommentsMixin, TranslatedPage):
    """A reader's question (the page title) with answers in order, one of them the best."""

    schema_type = "QAPage"
    is_article = True
    summary_field = "details"
    card_prefetch = ("answers", "answers__author")

    details = models.TextField(_("question details"), blank=True)
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )

    base_form_class = QuestionPageForm
    content_panels = [
        *TranslatedPage.content_panels,
        HelpfulPanel(),
        FieldPanel("details"),
        InlinePanel("answers", label=_("Answers"), min_num=0),
    ]
    promote_panels = [
        *TranslatedPage.promote_panels,
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        related_pages_panel(),
    ]
    search_fields = [*TranslatedPage.search_fields, index.SearchField("details")]
    parent_page_types = ["qa.QuestionIndexPage"]
    subpage_types = []
    settings_panels = [*TranslatedPage.settings_panels, *CommentsMixin.comment_panels]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    @property
    def lead(self):
        """What cards show under the question's title: its details."""
        return self.details

    def visible_answers(self):
        """Answers that have text in the reader's language, in the editor's order."""
        # The answers with their authors in one query each, however many answers there are,
        # and only when they are shown: the page's article is kept as a fragment, and a card
        # has them prefetched already.
        prefetch_related_objects([self], "answers__author")
        lang = current_language()
        return [a for a in self.answers.all() if own_value(a, "body", lang)]

    @property
    def answer_summary(self):
        """What a card says of the answers: how many, and the best one's first line."""
        answers = self.visible_answers()
        best = next((a for a in answers if a.is_best), None)
        lang = current_language()
        return {
            "count": len(answers),
            "best_line": first_line(own_value(best, "body", lang)) if best else "",
        }

    @property
    def reading_minutes(self):
        text = " ".join(html_text(a.body) for a in self.visible_answers())
        return reading_minutes(f"{self.details} {text}")

    # A card counts it from the answers it loads anyway (card_prefetch).
    card_reading_minutes = reading_minutes

    def topics_in_language(self):
        return topics_in_language(self)

    def search_text(self, lang):
        """The question's details, and its answers as the body."""
        answers = (html_text(own_value(answer, "body", lang)) for answer in self.answers.all())
        return own_value(self, "details", lang) or "", "\n\n".join(a for a in answers if a)


class Answer(Orderable):
    page = ParentalKey(QuestionPage, on_delete=models.CASCADE, related_name="answers")
    body = RichTextField(_("answer"), features=ANSWER_FEATURES)
    is_best = models.BooleanField(_("best answer"), default=False)
    author = models.ForeignKey(
        "people.Author",
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    base_form_class = LanguageFieldsForm  # each language's fields in its direction
    panels = [
        FieldPanel("body"),
        FieldPanel("is_best"),
        FieldPanel("author"),
        FieldPanel("answered_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")


class QuestionRelatedPage(RelatedPageLink):
    page = ParentalKey(QuestionPage, on_delete=models.CASCADE, related_name="related_links")
