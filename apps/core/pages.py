"""The base every Mishov page type builds on: one page, up to three languages."""

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from apps.blocks.blocks import BodyBlock

from .panels import PageLanguagesPanel
from .text import anchor_id, block_text, html_text, reading_minutes
from .translation import (
    LANGUAGE_CODES,
    current_language,
    in_language_any,
    language_link,
    own_value,
    page_languages,
    url_in,
)

# A table of contents helps from this many headings on; shorter pages are read straight through.
TABLE_OF_CONTENTS_MIN_HEADINGS = 3


def topics_in_language(page):
    """The page's topics that have a name in the reader's language."""
    lang = current_language()
    return [t for t in page.topics.all() if own_value(t, "name", lang)]


class TranslatedPageForm(WagtailAdminPageForm):
    """Requires a title in at least one language instead of always in Hebrew."""

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"title_{lang}") or "").strip() for lang in LANGUAGE_CODES):
            self.add_error(
                f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}",
                _("Give the page a title in at least one language."),
            )
        return cleaned


class TranslatedPage(Page):
    """A page that exists in the languages whose title it has, and 404s in the others."""

    base_form_class = TranslatedPageForm
    content_panels = [PageLanguagesPanel(), *Page.content_panels]

    class Meta:
        abstract = True

    @cached_property
    def languages(self):
        return page_languages(self)

    def exists_in(self, lang):
        return lang in self.languages

    def description_in(self, lang):
        """What the page is about, in `lang` only: its search description, else its lead,
        introduction or a question's details, as one line of plain text."""
        for field in ("search_description", "lead", "intro", "details"):
            value = own_value(self, field, lang) if hasattr(self, field) else None
            if value and value.strip():
                return " ".join((html_text(value) if field == "intro" else value).split())
        return ""

    @property
    def meta_description(self):
        return self.description_in(current_language())

    @property
    def html_title(self):
        lang = current_language()
        return own_value(self, "seo_title", lang) or own_value(self, "title", lang) or ""

    def serve(self, request, *args, **kwargs):
        if current_language() not in self.languages:
            # Not found in this language; the page offers the languages it does exist in.
            return TemplateResponse(
                request, "404.html", {"page": self, "missing_translation": True}, status=404
            )
        return super().serve(request, *args, **kwargs)

    def translation_links(self, request=None):
        """A link (code, name, url, dir) for each language this page exists in."""
        return [language_link(lang, url_in(self, lang, request)) for lang in self.languages]


class ContentPage(TranslatedPage):
    """What posts and knowledge-base articles share: lead, body, author, topics."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences that open the page.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    author = models.ForeignKey(
        "people.Author",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )

    content_panels = [
        *TranslatedPage.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    promote_panels = [
        *TranslatedPage.promote_panels,
        FieldPanel("author"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *TranslatedPage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    @cached_property
    def reading_minutes(self):
        return reading_minutes(" ".join([self.lead or "", block_text(self.body)]))

    def topics_in_language(self):
        return topics_in_language(self)

    @cached_property
    def table_of_contents(self):
        """The body's headings (and FAQ sections) as links, for pages long enough to need them.

        Anchors are the ones the heading and FAQ templates give, so the links always land.
        """
        entries, seen = [], set()
        for block in self.body:
            if block.block_type == "heading":
                text, level = block.value["text"], block.value["level"]
            elif block.block_type == "faq":
                text, level = block.value["heading"], "h2"
            else:
                continue
            anchor = anchor_id(text)
            if text and anchor not in seen:
                seen.add(anchor)
                entries.append({"anchor": anchor, "text": text, "level": level})
        return entries if len(entries) >= TABLE_OF_CONTENTS_MIN_HEADINGS else []


class SectionIndexPage(TranslatedPage):
    """A section of the site (blog, knowledge base, Q&A): an introduction and its listing."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*TranslatedPage.content_panels, FieldPanel("intro")]
    max_count = 1
    listing_name = "items"

    class Meta:
        abstract = True

    @cached_property
    def languages(self):
        """A section exists in a language when it has a title and a live page in it: an empty
        room is neither linked (menu, home, sitemap, language switcher) nor served."""
        own = page_languages(self)
        if not own:
            return own
        rows = (
            self.get_children()
            .live()
            .filter(in_language_any(own))
            .values_list(*(f"title_{lang}" for lang in own))
        )
        filled = {lang for row in rows for lang, title in zip(own, row, strict=True) if title}
        return [lang for lang in own if lang in filled]

    def listing(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context[self.listing_name] = self.listing()
        return context
