"""Routing by stored URL path (apps/caching/routes.py) finds what wagtail-modeltranslation's
child-by-child walk finds, in one query however many pages share a section."""

from urllib.parse import unquote

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override
from wagtail.models import Page, Site
from wagtail_modeltranslation.patch_wagtailadmin import _new_route

from apps.blog.models import BlogPostPage
from apps.caching.routes import route_by_url_path
from apps.core.translation import LANGUAGE_CODES
from tests.seeds import create_page, seed, seed_page, url_in

pytestmark = pytest.mark.django_db


def components(url, lang):
    return [part for part in unquote(url).removeprefix(f"/{lang}/").split("/") if part]


def routed(route, lang, parts):
    root = Site.objects.get(is_default_site=True).root_page.specific
    with override(lang):
        try:
            return route(root, RequestFactory().get("/"), parts).page.pk
        except Exception as error:  # noqa: BLE001 - compared, not hidden
            return type(error).__name__


def test_every_page_in_every_language_routes_as_before():
    pages = [page for page in Page.objects.filter(depth__gt=2).specific() if page.url_path]
    assert len(pages) >= 8
    for page in pages:
        for lang in LANGUAGE_CODES:
            parts = components(url_in(page, lang), lang)
            assert routed(route_by_url_path, lang, parts) == routed(_new_route, lang, parts)
            assert routed(route_by_url_path, lang, parts) == page.pk


@pytest.mark.parametrize(
    "parts", [["no-such-page"], ["בלוג", "no-such-post"], ["בלוג", "x", "y", "z"]]
)
def test_unknown_paths_are_not_found_as_before(parts):
    assert routed(route_by_url_path, "he", parts) == "Http404"
    assert routed(_new_route, "he", parts) == "Http404"


def test_a_draft_is_not_found():
    draft = create_page(BlogPostPage, "he", "טיוטה שלא פורסמה", live=False)
    parts = components(url_in(draft, "he"), "he")
    assert routed(route_by_url_path, "he", parts) == "Http404"


def test_queries_do_not_grow_with_the_section():
    post = seed_page(seed("004"))
    parts = components(url_in(post, "he"), "he")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert routed(route_by_url_path, "he", parts) == post.pk
        return len(captured.captured_queries)

    before = queries()
    for number in range(15):
        create_page(BlogPostPage, "he", f"שכן בבלוג {number}")
    assert queries() == before
