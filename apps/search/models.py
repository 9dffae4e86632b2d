"""The search index: one document per (page, language), and the document's terms.

A term row says "this analysed term occurs `count` times in this field of this document". The
field's value is its weight in ranking (title > lead > body). Terms carry their document's
language so that the (language, term) index answers a query without touching the documents.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

TERM_LENGTH = 64


class Field(models.IntegerChoices):
    """Where a term occurs; the value is the weight of one occurrence there."""

    TITLE = 4
    LEAD = 2
    BODY = 1


class SearchDocument(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title = models.TextField()
    # Lead (or question details), body and answers as plain text: the source of snippets.
    text = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="search_document_one_per_page_language"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.title}"


class SearchTerm(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(max_length=8)
    term = models.CharField(max_length=TERM_LENGTH)
    field = models.PositiveSmallIntegerField(choices=Field.choices)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["language", "term"], name="search_term_lookup")]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "term", "field"], name="search_term_one_per_field"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.term} ×{self.count}"


class LoggedSearch(models.Model):
    """One search a reader made, with nothing that says who: no address, no cookie, and the
    text with phone numbers and e-mail addresses masked. `need` is the query's analysed terms,
    sorted, so that לקוחות, ללקוח and הלקוח are one need."""

    language = models.CharField(max_length=8)
    need = models.CharField(max_length=255)
    query = models.CharField(max_length=200)
    results = models.PositiveIntegerField()
    searched_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")
        indexes = [models.Index(fields=["language", "need"], name="search_log_need")]

    def __str__(self):
        return f"{self.language} {self.need} ({self.results})"


class OpenedResult(models.Model):
    """A reader opened a result of a search for `need`: the report's "nobody opened" test."""

    language = models.CharField(max_length=8)
    need = models.CharField(max_length=255)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("opened result")
        verbose_name_plural = _("opened results")
        indexes = [models.Index(fields=["language", "need"], name="search_opened_need")]

    def __str__(self):
        return f"{self.language} {self.need} -> {self.page_id}"
