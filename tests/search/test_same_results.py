"""Ranking and snippets paged by the database (issue 20) give what they gave before, on the seed
site, for every query of bench/search_queries.py.

The reference is the code as it was: a ranking query returning every hit to Python, and
snippets that analysed every word of the text. Both are kept here, verbatim, to compare with.
"""

import pytest
from django.db.models import Case, F, IntegerField, Q, Sum, Value, When
from django.utils.html import escape
from wagtail.models import Page

from apps.search.highlight import (
    _RAW_WORD,
    ELLIPSIS,
    _marked,
    _persian_joined,
    _terms,
    _window_end,
    _window_start,
    snippet,
)
from apps.search.models import Field, SearchTerm
from apps.search.query import _has_any, documents_for, parse_query, rank, searchable_pages
from bench.search_queries import QUERIES

pytestmark = pytest.mark.django_db

CASES = [(lang, text) for lang, cases in QUERIES.items() for text, _pages in cases]
# The seed site finds at most a few pages per query: a page of one hit reads past the first page.
PAGE = 1


def rank_before(query, root=None, only=None):
    """The ranking query as it was: every hit as (document id, coverage, title coverage, score)."""
    if not query:
        return []
    required = query.required_terms
    coverage = sum((_has_any(slot.terms) for slot in query.slots), start=Value(0))
    title_coverage = sum(
        (_has_any(slot.terms, Q(field=Field.TITLE)) for slot in query.slots), start=Value(0)
    )
    score = Sum(
        Case(
            When(term__in=required, then=F("field") * F("count")),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    rows = (
        SearchTerm.objects.filter(
            language=query.lang,
            term__in=query.all_terms,
            document__page__in=searchable_pages(query.lang, root, only).values("pk"),
        )
        .values("document_id")
        .annotate(
            required=_has_any(required),
            coverage=coverage,
            title_coverage=title_coverage,
            score=score,
        )
        .filter(required=1)
        .order_by("-coverage", "-title_coverage", "-score", "document_id")
        .values_list("document_id", "coverage", "title_coverage", "score")
    )
    return list(rows)


def words_before(text, lang):
    spans = [m.span() for m in _RAW_WORD.finditer(text)]
    joined = None
    for here, following in zip(spans, [*spans[1:], None], strict=True):
        if joined:
            joined = None
            continue
        joined = following and lang == "fa" and _persian_joined(text, here, following)
        start, end = here
        end, terms = joined or (end, _terms(text[start:end], lang))
        yield start, end, terms


def snippet_before(text, lang, terms, length=260):
    """The snippet as it was: every word of the text analysed, then the window cut."""
    text = text or ""
    spans = (
        [(start, end) for start, end, found in words_before(text, lang) if found & terms]
        if text and terms
        else []
    )
    if len(text) <= length:
        start, end = 0, len(text)
    else:
        start = _window_start(text, spans[0][0] if spans else 0, length)
        end = _window_end(text, start, spans[0][1] if spans else start, length)
    before = ELLIPSIS + " " if start > 0 else ""
    after = " " + ELLIPSIS if end < len(text) else ""
    return before + _marked(text, spans, start, end).strip() + after


def as_rows(hits):
    return [(hit.document_id, hit.coverage, hit.title_coverage, hit.score) for hit in hits]


def paged(query, size, root=None):
    """Every hit, a page of `size` at a time as the results page reads them: each page with
    the count of all hits in one query; the counts read on every page, and past the last."""
    hits, counts, start = [], set(), 0
    while True:
        ranking = rank(query, root=root, shown=slice(start, start + size))
        count = ranking.count()
        counts.add(count)
        if start >= count:
            return hits, counts
        hits += ranking[start : min(start + size, count)]
        start += size


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_ranking_is_the_same_in_the_same_order(lang, text):
    query = parse_query(text, lang)
    before = rank_before(query)
    ranking = rank(query)
    if not query:
        assert ranking == before == []
        return
    assert ranking.count() == len(before)
    assert as_rows(ranking) == before
    hits, counts = paged(query, PAGE)
    assert as_rows(hits) == before
    assert counts == {len(before)}


def test_the_seed_queries_find_pages_on_more_than_one_page_of_results():
    """The comparison above reads pages past the first for many queries, not only one page."""
    counts = [len(rank_before(parse_query(text, lang))) for lang, text in CASES]
    assert sum(count > PAGE for count in counts) >= 30


@pytest.mark.parametrize(("lang", "text"), [("he", "לקוח"), ("he", "שירות של"), ("fi", "asiakas")])
def test_ranking_within_a_section_is_the_same(lang, text):
    query = parse_query(text, lang)
    for section in Page.objects.filter(depth=3):
        before = rank_before(query, root=section)
        hits, counts = paged(query, PAGE, root=section)
        assert as_rows(hits) == before
        assert counts == {len(before)}


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_snippets_are_the_same(lang, text):
    query = parse_query(text, lang)
    terms = query.highlight_terms
    for document in documents_for(list(rank(query))):
        expected = snippet_before(document.text, lang, terms)
        assert snippet(document.text, lang, terms) == expected
        assert snippet(document.text, lang, terms, length=60) == snippet_before(
            document.text, lang, terms, length=60
        )


def test_snippet_without_a_match_in_the_text_starts_at_its_beginning():
    text = "Ensimmäinen lause. " * 40
    assert snippet(text, "fi", frozenset({"kumiankka"})) == snippet_before(
        text, "fi", frozenset({"kumiankka"})
    )
    assert snippet(text, "fi", frozenset({"kumiankka"})).startswith(escape("Ensimmäinen"))
