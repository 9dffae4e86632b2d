"""Keeping the index in step with published pages: one page at a time, or everything."""

from collections import Counter

from django.db import connection, transaction
from wagtail.models import Page

from apps.analysis import analyze
from apps.core.pages import article_models
from apps.core.translation import LANGUAGE_CODES

from .documents import document_parts, is_searchable
from .models import TERM_LENGTH, Field, SearchDocument, SearchTerm

BATCH_SIZE = 1000


def index_term(term):
    """Terms longer than the column are cut the same way at index and at query time."""
    return term[:TERM_LENGTH]


def field_terms(parts, lang):
    """(term, field) -> occurrences, for the title, lead and body of one document."""
    counts = Counter()
    fields = ((Field.TITLE, parts.title), (Field.LEAD, parts.lead), (Field.BODY, parts.body))
    for field, text in fields:
        for term in analyze(text, lang):
            counts[index_term(term), field] += 1
    return counts


def remove_page(page_id):
    SearchDocument.objects.filter(page_id=page_id).delete()


def index_page(page, replace=True):
    """(Re)index `page` in every language it exists in; returns the new documents.

    A page that is not live, not searchable or has no language left ends with no documents.
    `replace=False` skips removing the page's old documents (rebuild has emptied the index).
    """
    page = page.specific
    with transaction.atomic():
        if replace:
            remove_page(page.pk)
        if not is_searchable(page):
            return []
        return _save(_documents(page))


def _save(documents):
    """Write the (document, term counts) pairs; the documents, saved."""
    SearchDocument.objects.bulk_create([document for document, _counts in documents])
    insert_terms([row for document in documents for row in _term_rows(*document)])
    return [document for document, _counts in documents]


def _term_rows(document, counts):
    """The term table's rows of one saved document."""
    return [(document.pk, document.language, term, field, n) for (term, field), n in counts.items()]


def _documents(page):
    """(unsaved document, its term counts) for each language the page exists in."""
    documents = []
    for lang in LANGUAGE_CODES:
        parts = document_parts(page, lang)
        if parts is not None:
            document = SearchDocument(page=page, language=lang, title=parts.title, text=parts.text)
            documents.append((document, field_terms(parts, lang)))
    return documents


_TERM_COLUMNS = ("document", "language", "term", "field", "count")


def insert_terms(rows):
    """Write (document id, language, term, field, count) rows in batches.

    A page has hundreds of terms; building a SearchTerm instance for each cost most of a
    reindex's time, so rows go to the database as plain tuples (same table, same constraints).
    """
    meta = SearchTerm._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in _TERM_COLUMNS)
    placeholders = ", ".join(["%s"] * len(_TERM_COLUMNS))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE])


def searchable_pages():
    """Every live content page, specific, in tree order."""
    return Page.objects.live().type(*article_models()).order_by("path").specific()


def _index_all(pages, on_document):
    """Index each of `pages` into an emptied index; documents per language, and "pages" that
    have any."""
    summary, number = Counter(), 0
    total = sum(len(page.languages) for page in pages)
    for page in pages:
        documents = index_page(page, replace=False)
        summary["pages"] += bool(documents)
        for document in documents:
            number += 1
            summary[document.language] += 1
            if on_document is not None:
                on_document(number, total, document)
    return summary


def rebuild(on_document=None):
    """Empty the index and index every searchable page again, in one transaction.

    `on_document(number, total, document)` is called after each document is written. Returns a
    Counter of documents per language plus "pages" and "terms".
    """
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchDocument.objects.all().delete()
        pages = [page for page in searchable_pages() if is_searchable(page)]
        summary = _index_all(pages, on_document)
        summary["terms"] = SearchTerm.objects.count()
    return summary
