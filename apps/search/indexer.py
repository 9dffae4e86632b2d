"""Keeping the index in step with published pages: one page at a time, or everything."""

from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from wagtail.models import Page

from apps.analysis import analyze
from apps.core.models import LanguageWithdrawal
from apps.core.pages import article_models
from apps.core.translation import LANGUAGE_CODES, is_filled

from .documents import document_parts, is_searchable
from .models import TERM_LENGTH, Field, SearchDocument, SearchTerm

BATCH_SIZE = 1000
# Pages loaded at a time by a rebuild: a few megabytes of page text, whatever the site's size.
CHUNK_SIZE = 100
# What a page's search text and labels read besides its own columns, where its type has it.
INDEXED_RELATIONS = ("topics", "author", "answers")


def index_term(term):
    """Terms longer than the column are cut the same way at index and at query time."""
    return term[:TERM_LENGTH]


def field_terms(parts, lang):
    """(term, field) -> occurrences, for the title, lead and body of one document."""
    counts = Counter()
    fields = (
        (Field.TITLE, parts.title),
        (Field.LEAD, parts.lead),
        (Field.BODY, parts.body),
        (Field.BODY, parts.labels),
    )
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


def _searchable_rows():
    """(id, languages it exists in) of every live, non-alias content page, in tree order: its
    titles and its withdrawals in two queries, however many pages there are."""
    titles = [f"title_{lang}" for lang in LANGUAGE_CODES]
    pages = Page.objects.live().type(*article_models()).filter(alias_of__isnull=True)
    withdrawn = defaultdict(set)
    for page_id, lang in LanguageWithdrawal.objects.values_list("page_id", "language"):
        withdrawn[page_id].add(lang)
    return [
        (pk, [lang for lang in filled_languages(row) if lang not in withdrawn[pk]])
        for pk, *row in pages.order_by("path").values_list("pk", *titles)
    ]


def filled_languages(titles):
    """The languages whose title in `titles` (one per language, in the site's order) is
    filled, as titled_languages reads a page."""
    return [lang for lang, title in zip(LANGUAGE_CODES, titles, strict=True) if is_filled(title)]


def _prefetch(pages):
    """What indexing reads of each of `pages` (withdrawn languages, topics, author, answers),
    a few queries per page type."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, group in by_type.items():
        related = [name for name in INDEXED_RELATIONS if hasattr(model, name)]
        prefetch_related_objects(group, "language_withdrawals", *related)


def _chunk(ids):
    """The specific pages with `ids`, in that order, with what indexing reads prefetched."""
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    _prefetch(pages.values())
    return [pages[pk] for pk in ids if pk in pages]


def _pages(ids):
    """The pages with `ids`, CHUNK_SIZE at a time (memory stays flat)."""
    for start in range(0, len(ids), CHUNK_SIZE):
        yield from _chunk(ids[start : start + CHUNK_SIZE])


def _index_all(rows, on_document):
    """Index the pages of `rows` (_searchable_rows) into an emptied index; documents per
    language, and "pages" that have any."""
    summary, number = Counter(), 0
    total = sum(len(languages) for _pk, languages in rows)
    for page in _pages([pk for pk, _languages in rows]):
        documents = index_page(page, replace=False)
        summary["pages"] += bool(documents)
        for document in documents:
            number += 1
            summary[document.language] += 1
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
        summary = _index_all(_searchable_rows(), on_document or (lambda *_args: None))
        summary["terms"] = SearchTerm.objects.count()
    return summary
