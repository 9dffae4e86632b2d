"""Related pages cached under the site's content version (RELATED_PAGES_CACHE_SECONDS, on in
production): reused until anything is published or unpublished."""

import pytest
from django.core.cache import cache

from apps.blog.models import BlogPostPage
from apps.discovery.related import cached_related_page_ids, related_page_ids
from tests.seeds import create_page, seed, seed_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def related_cache_on(settings):
    settings.RELATED_PAGES_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_cached_until_something_is_published(django_assert_num_queries,
                                              django_capture_on_commit_callbacks):
    page = seed_page(seed("004"))
    first = cached_related_page_ids(page, "he")
    assert first == related_page_ids(page, "he")
    with django_assert_num_queries(0):
        assert cached_related_page_ids(page, "he") == first

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = create_page(
            BlogPostPage, "he", "קשור חדש", topics=seed("004")["topics"]
        )
    assert newcomer.pk in cached_related_page_ids(page, "he")

    with django_capture_on_commit_callbacks(execute=True):
        BlogPostPage.objects.get(pk=newcomer.pk).unpublish()
    assert newcomer.pk not in cached_related_page_ids(page, "he")
