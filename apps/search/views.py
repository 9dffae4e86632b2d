from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import override
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from apps.analysis import strip_unsafe
from apps.core.navigation import main_sections
from apps.core.translation import LANGUAGE_CODES, current_language, language_link, own_value

from .highlight import highlight, snippet
from .query import MAX_QUERY_LENGTH, documents_for, parse_query, rank

RESULTS_PER_PAGE = 10


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


def _results(hits, query, request):
    """Title, link, snippet and section of each hit: two queries however many hits."""
    documents = documents_for(hits)
    parent_paths = {doc.page.path[: -Page.steplen] for doc in documents}
    sections = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    return [
        _result(doc, sections.get(doc.page.path[: -Page.steplen]), query, request)
        for doc in documents
    ]


def _result(doc, section, query, request):
    """One hit, marked with the query's terms, under its section when that has a title."""
    terms, lang = query.highlight_terms, query.lang
    section_title = (own_value(section, "title", lang) if section else "") or ""
    return Result(
        url=doc.page.get_url(request),
        title=highlight(doc.title, lang, terms),
        snippet=snippet(doc.text, lang, terms),
        section_title=section_title,
        section_url=(section.get_url(request) if section_title else "") or "",
    )


@require_safe
def search(request):
    """/<lang>/search/?q=… : pages written in the reader's language, best matches first."""
    lang = current_language()
    text = " ".join(strip_unsafe(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].split())
    query = parse_query(text, lang)
    site = Site.find_for_request(request)
    hits = rank(query, root=site.root_page if site else None) if query else []
    paginator = Paginator(hits, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    context = {
        "search_query": text,
        "searched": bool(query),
        "results": _results(results_page.object_list, query, request),
        "results_page": results_page,
        "result_count": paginator.count,
        "sections": list(main_sections(request)),
        # The language switcher offers this search in the other languages.
        "translation_links": [
            language_link(code, search_url(code, text)) for code in LANGUAGE_CODES
        ],
    }
    return TemplateResponse(request, "search/search.html", context)
