"""The results page and the header's search box, through HTTP."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import ngettext, override

from apps.blog.models import BlogIndexPage
from apps.core.dates import native_digits
from apps.kb.models import KnowledgeBaseIndexPage
from apps.qa.models import QuestionIndexPage
from tests.seeds import read_seed, seed, seed_files, seed_page, url_in

from .utils import add_post, search, titles

pytestmark = pytest.mark.django_db

SUMMARY = (
    '%(number)s result for <bdi dir="auto">%(query)s</bdi>',
    '%(number)s results for <bdi dir="auto">%(query)s</bdi>',
)
SECTIONS = (BlogIndexPage, KnowledgeBaseIndexPage, QuestionIndexPage)


def section_urls(lang):
    """The sections that have pages in `lang` (the others are not linked: no empty rooms)."""
    sections = [model.objects.get() for model in SECTIONS]
    return [url_in(section, lang) for section in sections if lang in section.languages]


def page_text(response):
    return html.unescape(response.content.decode())


def summary(lang, count, query):
    with override(lang):
        number = native_digits(count, lang)  # Persian digits in Persian
        return ngettext(*SUMMARY, count) % {"number": number, "query": query}


@pytest.mark.parametrize(
    ("lang", "query", "count"), [("he", "לקוח", 3), ("fa", "مشتری", 1), ("fi", "asiakas", 1)]
)
def test_result_count_uses_the_language_plural(client, lang, query, count):
    response, results = search(client, lang, query)
    assert len(results) == count
    text = page_text(response)
    assert summary(lang, count, query) in text
    assert f'<html lang="{lang}"' in text


def test_hebrew_result_count_has_singular_dual_and_plural():
    """Hebrew has four plural categories (1, 2, tens above ten, other)."""
    query = '<bdi dir="auto">q</bdi>'
    assert summary("he", 1, "q") == f"תוצאה אחת עבור {query}"
    assert summary("he", 2, "q") == f"שתי תוצאות עבור {query}"
    assert summary("he", 3, "q") == f"3 תוצאות עבור {query}"
    assert summary("he", 20, "q") == f"20 תוצאות עבור {query}"
    assert summary("fa", 2, "q") == f"۲ نتیجه برای {query}"
    assert summary("fi", 1, "q") == f"1 tulos haulla {query}"
    assert summary("fi", 2, "q") == f"2 tulosta haulla {query}"


def test_result_has_title_link_section_and_highlighted_snippet(client):
    data = seed("004")
    response, results = search(client, "he", "לקוח")
    result = next(r for r in results if r["title"] == data["title"])
    # The link opens the page through the redirect that counts the opening (apps/search/log.py).
    opened = client.get(html.unescape(result["url"]))
    assert opened.status_code == 302
    assert opened["Location"] == url_in(seed_page(data), "he")
    assert result["title_html"] == "<mark>הלקוח</mark> תמיד צודק"
    assert "<mark>הלקוח</mark>" in result["snippet_html"]
    blog = BlogIndexPage.objects.get()
    assert (
        f'<p class="search-result__section"><a href="{url_in(blog, "he")}">בלוג</a></p>'
        in html.unescape(response.content.decode())
    )


def test_persian_highlight_keeps_the_written_form(client):
    _response, results = search(client, "fa", "مشتريان")
    (result,) = results
    assert "<mark>مشتریان</mark>" in result["snippet_html"]
    assert "<mark>مشتری</mark>" in result["title_html"]


def test_finnish_highlight_marks_inflected_forms(client):
    _response, results = search(client, "fi", "asiakkaille")
    (result,) = results
    assert result["title_html"].count("<mark>asiakas</mark>") == 2
    assert re.search(r"<mark>[Aa]siak\w+</mark>", result["snippet_html"])


def test_query_is_escaped_and_isolated(client):
    response, results = search(client, "fi", '<b>kumiankka</b>"\u202e')
    text = response.content.decode()
    assert results == []
    assert "<b>kumiankka" not in text
    assert '<bdi dir="auto">&lt;b&gt;kumiankka&lt;/b&gt;&quot;</bdi>' in text
    assert "\u202e" not in text  # bidi override stripped from the echo
    assert 'name="q" value="&lt;b&gt;kumiankka&lt;/b&gt;&quot;" dir="auto"' in text


@pytest.mark.parametrize("query", ["", "   ", "?!…"])
def test_empty_query_page_explains_and_links_the_sections(client, query):
    response, results = search(client, "fi", query)
    text = page_text(response)
    assert results == []
    assert 'class="search-summary"' not in text
    assert 'class="search-suggestions"' in text
    for url in section_urls("fi"):
        assert f'href="{url}"' in text
    assert '<meta name="robots" content="noindex">' in text


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_no_results_page_suggests_and_links_the_sections(client, lang):
    response, results = search(client, lang, "xyzzyplugh")
    text = page_text(response)
    assert results == []
    assert 'class="search-summary" role="status"' in text
    assert '<bdi dir="auto">xyzzyplugh</bdi>' in text
    suggestions = re.search(r'<div class="search-suggestions">.*?</div>', text, re.S).group(0)
    assert section_urls(lang)
    assert suggestions.count("<li>") == 3 + len(section_urls(lang))  # three tips, the sections
    for url in section_urls(lang):
        assert f'href="{url}"' in suggestions


def test_language_switcher_offers_the_same_search_in_each_language(client):
    response, _results = search(client, "fi", "asiakas")
    nav = re.search(r'<nav class="lang-switcher".*?</nav>', response.content.decode(), re.S)
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav.group(0)))
    assert links == {"/he/search/?q=asiakas": "he", "/fa/search/?q=asiakas": "fa"}


def test_results_are_paginated(client):
    for number in range(12):
        add_post("fi", f"Kumiankka {number}", f"kumiankka-{number}", paragraphs=["Kumiankka."])

    response, first = search(client, "fi", "kumiankka")
    assert len(first) == 10
    text = page_text(response)
    assert summary("fi", 12, "kumiankka") in text
    assert 'rel="next"' in text and 'rel="prev"' not in text
    assert '<ol class="search-results" start="1">' in text

    response, second = search(client, "fi", "kumiankka", page=2)
    assert len(second) == 2
    assert '<ol class="search-results" start="11">' in response.content.decode()
    assert not set(titles(first)) & set(titles(second))

    _response, clamped = search(client, "fi", "kumiankka", page=99)
    assert titles(clamped) == titles(second)


def test_query_count_does_not_grow_with_the_number_of_results(client):
    for number in range(10):
        paragraphs = ["Kumiankka ja vesipuisto." if number < 2 else "Kumiankka."]
        add_post("fi", f"Ankka {number}", f"ankka-{number}", paragraphs=paragraphs)
    search(client, "fi", "kumiankka")  # warm the site and URL caches

    counts = {}
    for query, expected in (("vesipuisto", 2), ("kumiankka", 10)):
        with CaptureQueriesContext(connection) as queries:
            _response, results = search(client, "fi", query)
        assert len(results) == expected
        counts[query] = len(queries)

    assert counts["vesipuisto"] == counts["kumiankka"], counts


def _header_form(text):
    header = re.search(r'<header class="site-header">.*?</header>', text, re.S).group(0)
    return re.search(r'<form class="site-search" role="search".*?</form>', header, re.S).group(0)


def _page_urls():
    urls = [(lang, f"/{lang}/") for lang in ("he", "fa", "fi")]
    for model in SECTIONS:
        urls += [(lang, url_in(model.objects.get(), lang)) for lang in ("he", "fa", "fi")]
    for path in seed_files():
        data = read_seed(path)
        urls.append((data["language"], url_in(seed_page(data), data["language"])))
    urls += [(lang, f"/{lang}/search/?q=asiakas") for lang in ("he", "fa", "fi")]
    urls += [(lang, f"/{lang}/no-such-page/") for lang in ("he", "fa", "fi")]
    return urls


def test_every_page_type_has_the_search_box_in_its_header(client):
    for lang, url in _page_urls():
        if "/search/" in url:
            continue  # the search page's own form is its one search box (below)
        response = client.get(url)
        assert response.status_code in (200, 404), url
        form = _header_form(response.content.decode())
        assert f'action="/{lang}/search/"' in form, url
        assert 'method="get"' in form
        label = re.search(r'<label class="visually-hidden" for="([\w-]+)">([^<]+)</label>', form)
        assert label, url
        assert f'id="{label.group(1)}" type="search" name="q"' in form
        assert re.search(r'<button class="site-search__button" type="submit">[^<]+</button>', form)


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_search_page_has_one_search_box(client, lang):
    text = client.get(f"/{lang}/search/?q=asiakas").content.decode()
    assert text.count('type="search"') == 1
    assert 'class="site-search"' not in text


def test_search_answers_head_and_refuses_post(client):
    assert client.head("/fi/search/?q=asiakas").status_code == 200
    assert client.post("/fi/search/", {"q": "asiakas"}).status_code == 405


@pytest.mark.parametrize(
    ("page", "shown", "start"),
    [("1", 10, 1), ("2", 2, 11), ("99", 2, 11), ("0", 2, 11), ("abc", 10, 1), ("", 10, 1)],
)
def test_results_are_paged_in_rank_order_with_the_count_of_all(client, page, shown, start):
    """Ten a page, read from the database a page at a time; a page past the last (or not a
    page) shows the last (the first), as Django's Paginator does."""
    for number in range(12):
        add_post(
            "fi",
            f"Kumiankka {number}",
            f"kumiankka-{number}",
            paragraphs=["Kumiankka."] * (number + 1),
        )
    _response, everything = search(client, "fi", "kumiankka")
    response, results = search(client, "fi", "kumiankka", page=page)
    text = page_text(response)
    assert summary("fi", 12, "kumiankka") in text
    assert len(results) == shown
    assert f'<ol class="search-results" start="{start}">' in text
    # The most occurrences first: post 11 leads page 1, posts 1 and 0 are page 2.
    expected = [f"Kumiankka {number}" for number in range(11, -1, -1)]
    assert titles(results) == expected[start - 1 : start - 1 + shown]
    assert titles(everything) == expected[:10]
