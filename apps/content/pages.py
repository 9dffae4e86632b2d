"""What posts and knowledge-base articles share: a lead, a body of blocks (apps/blocks), an
author and topics, a reading time and a table of contents. Blog posts and articles are this page
in two sections; questions have their own shape (apps/qa)."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from apps.blocks.blocks import BodyBlock
from apps.core.pages import TranslatedPage, topics_in_language
from apps.core.text import anchor_id, block_text, reading_minutes
from apps.core.translation import own_value

# A table of contents helps from this many headings on; shorter pages are read straight through.
TABLE_OF_CONTENTS_MIN_HEADINGS = 3


def _heading(block):
    """(text, level) of a heading or an FAQ section's heading; None for other blocks."""
    if block.block_type == "heading":
        return block.value["text"], block.value["level"]
    if block.block_type == "faq":
        return block.value["heading"], "h2"
    return None


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

    is_article = True

    class Meta:
        abstract = True

    def search_text(self, lang):
        return own_value(self, "lead", lang) or "", block_text(own_value(self, "body", lang))

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
        entries = {}
        for text, level in filter(None, map(_heading, self.body)):
            anchor = anchor_id(text)
            if text and anchor not in entries:
                entries[anchor] = {"anchor": anchor, "text": text, "level": level}
        entries = list(entries.values())
        return entries if len(entries) >= TABLE_OF_CONTENTS_MIN_HEADINGS else []


