from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from apps.analysis import strip_unsafe
from apps.core.navigation import main_sections
from apps.core.translation import LANGUAGE_CODES, current_language, language_link, own_value
from apps.taxonomy.views import page_ids_about, topics_with_pages

from . import log
from .highlight import highlight, snippet
from .query import (
    MAX_QUERY_LENGTH,
    RESULTS_PER_PAGE,
    documents_for,
    parse_query,
    rank,
    searchable_pages,
)


@dataclass(frozen=True)
class Result:
    url: str
    title: SafeString
    snippet: SafeString
    section_title: str
    section_url: str


def search_url(lang, query=""):
    with override(lang):
        url = reverse("search")
    return f"{url}?{urlencode({'q': query})}" if query else url


def open_url(page_id, lang, query):
    """The result's link: a redirect that records the opening (log.py), the same for everyone."""
    with override(lang):
        url = reverse("search_open", args=[page_id])
    return f"{url}?{urlencode({'q': query})}"


def _results(hits, query, request, text):
    """Title, link, snippet and section of each hit: two queries however many hits."""
    documents = documents_for(hits)
    parent_paths = {doc.page.path[: -Page.steplen] for doc in documents}
    sections = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    return [
        _result(doc, sections.get(doc.page.path[: -Page.steplen]), query, request, text)
        for doc in documents
    ]


def _result(doc, section, query, request, text):
    """One hit, marked with the query's terms, under its section when that has a title."""
    terms, lang = query.highlight_terms, query.lang
    section_title = (own_value(section, "title", lang) if section else "") or ""
    return Result(
        url=open_url(doc.page_id, lang, text),
        title=highlight(doc.title, lang, terms),
        snippet=snippet(doc.text, lang, terms),
        section_title=section_title,
        section_url=(section.get_url(request) if section_title else "") or "",
    )


def _chosen(value, options):
    """The option whose id the reader picked (a filter), or None."""
    return options.get(int(value)) if (value or "").isdigit() else None


def _filters(request, lang):
    """The section and topic the reader narrowed the search to, and the choices offered."""
    sections = list(main_sections(request))
    topics = topics_with_pages(lang)
    section = _chosen(request.GET.get("section"), {page.pk: page for page in sections})
    topic = _chosen(request.GET.get("topic"), {topic.pk: topic for topic in topics})
    return {
        "sections": sections,
        "topics": [(topic.pk, own_value(topic, "name", lang)) for topic in topics],
        "section": section,
        "topic": topic,
    }


def _shown(value):
    """The slice of hits on the results page asked for (page 1 unless it is a number)."""
    number = int(value) if (value or "").isdigit() and int(value) > 0 else 1
    start = (number - 1) * RESULTS_PER_PAGE
    return slice(start, start + RESULTS_PER_PAGE)


def _hits(request, query, filters):
    site = Site.find_for_request(request)
    root = filters["section"] or (site.root_page if site else None)
    only = page_ids_about(filters["topic"]) if filters["topic"] else None
    shown = _shown(request.GET.get("page"))
    return rank(query, root=root, only=only, shown=shown) if query else []


@require_safe
def search(request):
    """/<lang>/search/?q=… : pages written in the reader's language, best matches first;
    `section` and `topic` narrow them. A first results page rendered is recorded (log.py)."""
    lang = current_language()
    text = " ".join(strip_unsafe(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].split())
    query = parse_query(text, lang)
    filters = _filters(request, lang)
    hits = _hits(request, query, filters)
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    if query and request.GET.get("page", "1") == "1":
        log.record_search(text, lang, paginator.count)
    context = {
        "search_query": text,
        "searched": bool(query),
        "results": _results(results_page.object_list, query, request, text),
        "results_page": results_page,
        "result_count": paginator.count,
        **filters,
        # The language switcher offers this search in the other languages.
        "translation_links": [
            language_link(code, search_url(code, text)) for code in LANGUAGE_CODES
        ],
    }
    return TemplateResponse(request, "search/search.html", context)


@never_cache
@require_safe
def open_result(request, page_id):
    """/<lang>/search/open/<page id>/?q=… : record that a result was opened, then go there."""
    lang = current_language()
    page = get_object_or_404(searchable_pages(lang), pk=page_id)
    text = " ".join(strip_unsafe(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].split())
    if text:
        log.record_opened(text, lang, page)
    return HttpResponseRedirect(page.get_url(request))
