"""The related-reading section cached under the site's content version
(FRAGMENT_CACHE_SECONDS, on in production): reused until anything is published or
unpublished."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.blog.models import BlogPostPage
from tests.seeds import create_page, seed, seed_page, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def related_cache_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def related_section(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    section = re.search(r'<section class="related".*?</section>', html, re.S)
    return (section.group(0) if section else ""), len(queries.captured_queries)


def test_cached_until_something_is_published_or_unpublished(
    client, django_capture_on_commit_callbacks
):
    url = url_in(seed_page(seed("004")), "he")
    first, first_queries = related_section(client, url)
    assert first
    again, fewer_queries = related_section(client, url)
    assert again == first and fewer_queries < first_queries

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = create_page(BlogPostPage, "he", "קריאה קשורה חדשה", topics=seed("004")["topics"])
    assert "קריאה קשורה חדשה" in related_section(client, url)[0]

    with django_capture_on_commit_callbacks(execute=True):
        BlogPostPage.objects.get(pk=newcomer.pk).unpublish()
    assert "קריאה קשורה חדשה" not in related_section(client, url)[0]


def test_each_language_has_its_own_section(client):
    page = seed_page(seed("004"))
    he_section = related_section(client, url_in(page, "he"))[0]
    fi_page = seed_page(seed("001"))
    fi_section = related_section(client, url_in(fi_page, "fi"))[0]
    assert he_section != fi_section
