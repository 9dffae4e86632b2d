"""What posts and knowledge-base articles share: a lead, a body of blocks (apps/blocks), an
author and topics, a reading time and a table of contents. Blog posts and articles are this page
in two sections; questions have their own shape (apps/qa)."""

from copy import deepcopy

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
from apps.core.translation import LANGUAGE_CODES, current_language, own_value
from apps.feedback.panels import HelpfulPanel

# A table of contents helps from this many headings on; shorter pages are read straight through.
TABLE_OF_CONTENTS_MIN_HEADINGS = 3


# The fields whose text the reading time counts; a save that writes any of them counts again.
READ_FIELDS = ("lead", "body")


def minutes_to_read(lead, body):
    """Minutes to read a lead (plain text) and a body (StreamField value), read from a copy of
    the body: reading a StreamField value converts its blocks, and a save would then store them
    in their newest format (a list's items with ids) where the loader compares the stored data
    with its files."""
    if body:
        body = body.stream_block.to_python(deepcopy(list(body.raw_data)))
    return reading_minutes(" ".join([lead or "", block_text(body)]))


def reading_times_of(page, languages):
    """{language: minutes to read `page`'s own lead and body in it}, for each of `languages`
    (a page, or a migration's historical model with the same lead_<lang> and body_<lang>)."""
    return {
        lang: minutes_to_read(own_value(page, "lead", lang), own_value(page, "body", lang))
        for lang in languages
    }


def _writes_text(update_fields):
    """Whether a save of `update_fields` (None: every field) writes a lead or a body."""
    if update_fields is None:
        return True
    return any(name.split("_")[0] in READ_FIELDS for name in update_fields)


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
    # Minutes to read the page in each of its languages ({"he": 4, "fi": 2}), counted from its
    # lead and body at every save that writes them, so that a card shows them without loading
    # the body (card_reading_minutes).
    reading_times = models.JSONField(default=dict, editable=False)
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
        HelpfulPanel(),
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
    # Cards show the byline (templates/includes/page_card.html) and not the body, the largest
    # part of the row by far (each language's blocks).
    card_prefetch = ("author",)
    card_deferred = ("body",)

    class Meta:
        abstract = True

    def search_text(self, lang):
        return own_value(self, "lead", lang) or "", block_text(own_value(self, "body", lang))

    def save(self, *args, **kwargs):
        if _writes_text(kwargs.get("update_fields")):
            self.reading_times = self.count_reading_times()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "reading_times"]
        return super().save(*args, **kwargs)

    def count_reading_times(self):
        """{language: minutes to read the page's own lead and body in it}, for every language."""
        return reading_times_of(self, LANGUAGE_CODES)

    @cached_property
    def reading_minutes(self):
        """Minutes to read the page in the reader's language, counted from its body: the page
        itself, a preview or a revision, whose stored reading_times may be older than it."""
        return minutes_to_read(self.lead, self.body)

    @property
    def card_reading_minutes(self):
        """The reading time a card shows, as stored at the last save (the card's row is loaded
        without its body)."""
        stored = self.reading_times.get(current_language())
        return self.reading_minutes if stored is None else stored

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


def store_reading_times(model, languages, chunk=500):
    """Count and store the reading_times of every page of `model` in `languages` (a
    migration's historical model, whose lead_<lang> and body_<lang> columns those are), `chunk`
    pages at a time."""
    fields = [f"{name}_{lang}" for name in READ_FIELDS for lang in languages]
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        pages = list(model.objects.filter(pk__in=ids[start : start + chunk]).only(*fields))
        for page in pages:
            page.reading_times = reading_times_of(page, languages)
        model.objects.bulk_update(pages, ["reading_times"])
