"""From what a reader typed to ranked documents, with the same analysis the index used.

A query is a list of slots, one per word the reader typed. A slot holds the terms that satisfy
it: the word's own term, and the term of the word written together with its neighbours, so
that "راه حل" also finds "راه‌حل", "asiakas palvelu" finds "asiakaspalvelu" and "ה לקוח" finds
"הלקוח". Very common words (של, و, ja) are stop words: they count towards ranking but do not
select documents by themselves, unless the query has nothing else.

Ranking is one aggregate query over the term table, in this order:
1. how many of the reader's words the document has (all words above some),
2. how many of them are in its title (title matches above body matches),
3. occurrences weighted by field (title 4, lead 2, body 1); the document id keeps ties stable.
The database sorts and pages: a results page asks for its ten hits (LIMIT and OFFSET) with the
number of all hits beside them (COUNT(*) OVER ()), still one query, and no hit past the page
comes back to Python.
"""

import functools
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Max, Q, Sum, Value, When, Window
from wagtail.models import Page

from apps.analysis import analyze, compound_parts, spelling_variants, tokens
from apps.core.translation import in_language

from .indexer import index_term
from .models import Field, SearchDocument, SearchTerm

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
FIRST_PAGE = slice(0, RESULTS_PER_PAGE)
HIT_COLUMNS = ("document_id", "coverage", "title_coverage", "score")
MAX_WORDS = 10
# Words typed apart that may be one word in the text: up to three (کسب و کار -> کسب‌وکار).
LONGEST_JOIN = 3

STOP_WORDS = {
    "he": """של את על עם זה זו זאת הוא היא הם הן אני אתה את אנחנו אתם לא כי גם או אם כל מה
             מי יש אין רק עוד כמו אבל אז כך כן עד אל מן לו לה לי""",
    "fa": """و در به از که این آن را با برای است هم یا تا بر هر نیز اما اگر یک بود شد شود
             می ها ای او ما من شما آنها""",
    "fi": """ja on ei se että kun tai mutta oli ovat myös vain jos kuin niin he hän me te minä
             sinä ole olla tämä joka mitä ne nyt""",
}


@functools.cache
def stop_terms(lang):
    """Analyzed on first use, not at import: starting a process loads no dictionaries."""
    return frozenset(index_term(term) for term in analyze(STOP_WORDS.get(lang, ""), lang))


@dataclass(frozen=True)
class Slot:
    word: str
    terms: frozenset
    stop: bool


@dataclass
class ParsedQuery:
    lang: str
    slots: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.slots)

    @property
    def all_terms(self):
        return frozenset().union(*(slot.terms for slot in self.slots))

    @property
    def required_terms(self):
        """Terms a document needs at least one of: those of the words that are not stop words."""
        content = [slot.terms for slot in self.slots if not slot.stop]
        return frozenset().union(*content) if content else self.all_terms

    highlight_terms = required_terms


def _analyze_word(word, lang):
    return {index_term(term) for term in analyze(word, lang)}


def _word_terms(word, lang):
    """The word's terms, and those of the spellings it may stand for (Finnish without ä/ö)."""
    terms = _analyze_word(word, lang)
    for variant in spelling_variants(word, lang):
        terms |= _analyze_word(variant, lang)
    return terms


def _split_compounds(slots, lang):
    """A compound's slot becomes one slot per part, each also met by the compound itself:
    asiakaspalvelu finds pages with asiakaspalvelu first, then pages with asiakas and palvelu."""
    split = []
    for slot in slots:
        parts = compound_parts(slot.word, lang)
        if len(parts) < 2:
            split.append(slot)
            continue
        split += [Slot(slot.word, slot.terms | {index_term(part)}, slot.stop) for part in parts]
    return split


def _runs(count):
    """(start, end) of each run of two to LONGEST_JOIN neighbouring words out of `count`."""
    return [
        (start, end)
        for start in range(count)
        for end in range(start + 2, min(start + LONGEST_JOIN, count) + 1)
    ]


def _with_joined_terms(words, own, lang):
    """Each word's terms plus those of every run of neighbours it is part of, read as one
    word (a word typed apart: asiakas palvelu, می روم)."""
    alternatives = [set(terms) for terms in own]
    for start, end in _runs(len(words)):
        joined = _analyze_word("".join(words[start:end]), lang)
        for index in range(start, end):
            alternatives[index] |= joined
    return alternatives


def parse_query(text, lang):
    words = list(dict.fromkeys(tokens(text[:MAX_QUERY_LENGTH])))[:MAX_WORDS]
    own = [_analyze_word(word, lang) for word in words]
    alternatives = _with_joined_terms(words, [_word_terms(word, lang) for word in words], lang)
    stop = stop_terms(lang)
    slots = [
        Slot(word=word, terms=frozenset(terms), stop=own_terms <= stop)
        for word, own_terms, terms in zip(words, own, alternatives, strict=True)
        if terms
    ]
    return ParsedQuery(lang=lang, slots=_split_compounds(slots, lang))


@dataclass(frozen=True)
class Hit:
    document_id: int
    coverage: int
    title_coverage: int
    score: int


def _has_any(terms, condition=None):
    when = Q(term__in=terms) if condition is None else Q(term__in=terms) & condition
    return Max(Case(When(when, then=Value(1)), default=Value(0), output_field=IntegerField()))


def searchable_pages(lang, root=None, only=None):
    """Pages a reader may find: live, public, existing in `lang`, on this site (under `root`),
    and among the page ids `only` when it is given (a topic's pages)."""
    pages = Page.objects.live().public().filter(in_language(lang))
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    if only is not None:
        pages = pages.filter(pk__in=only)
    return pages


def _ranked_rows(query, pages):
    """One row per document with a required term: (document id, coverage, title coverage,
    score), best first; the document id keeps ties in a stable order."""
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
    return (
        SearchTerm.objects.filter(
            language=query.lang, term__in=query.all_terms, document__page__in=pages
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
    )


def _total(rows, shown):
    """The count of all hits, read with the rows of the slice `shown`: None when the slice is
    past the last hit (then unknown), 0 when there are none."""
    if rows:
        return rows[0][-1]
    return None if shown.start else 0


class Ranking:
    """The hits of a query, best first, as a sequence the database pages (Django's Paginator
    takes it). The slice it is made for, the results page the reader asked for, is read with
    the number of all hits in one query: LIMIT and OFFSET, and COUNT(*) OVER (). Any other
    slice, or the count when that page is past the last, is a query of its own."""

    def __init__(self, rows, shown):
        self._rows = rows
        self._shown = shown
        self._read = None

    def _read_shown(self):
        """(hits, count of all hits) of the slice shown; count None when it is past the end."""
        if self._read is None:
            counted = self._rows.annotate(total=Window(Count("*")))
            rows = list(counted.values_list(*HIT_COLUMNS, "total")[self._shown])
            self._read = ([Hit(*row[:-1]) for row in rows], _total(rows, self._shown))
        return self._read

    def count(self):
        total = self._read_shown()[1]
        return self._rows.count() if total is None else total

    __len__ = count

    def _within_shown(self, index):
        """Whether `index` is the shown slice or its beginning (the Paginator's request)."""
        shown = self._shown
        return isinstance(index, slice) and index.start == shown.start and (
            (index.stop or 0) <= shown.stop
        )

    def __getitem__(self, index):
        if self._within_shown(index):
            return self._read_shown()[0][: index.stop - self._shown.start]
        rows = self._rows.values_list(*HIT_COLUMNS)[index]
        return [Hit(*row) for row in rows] if isinstance(index, slice) else Hit(*rows)

    def __iter__(self):
        return (Hit(*row) for row in self._rows.values_list(*HIT_COLUMNS))


def rank(query, root=None, only=None, shown=FIRST_PAGE):
    """Ranked hits for `query` among the pages a reader of query.lang may find, as a Ranking
    that reads the slice `shown` (the results page asked for) and the count in one query."""
    if not query:
        return []
    pages = searchable_pages(query.lang, root, only).values("pk")
    return Ranking(_ranked_rows(query, pages), shown)


def documents_for(hits):
    """The hits' documents with their pages, in the hits' order; one query."""
    documents = SearchDocument.objects.select_related("page").in_bulk(
        [hit.document_id for hit in hits]
    )
    return [documents[hit.document_id] for hit in hits if hit.document_id in documents]
