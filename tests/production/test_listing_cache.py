"""Paginated listings and the sitemap index through the deployed nginx: each listing page and
each sitemap file is cached under its own key (page / p kept, anything else dropped), and
publishing purges them."""

import pytest

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.caching.purge import purge
from apps.caching.targets import page_urls
from apps.core.translation import url_in
from tests.production.test_page_cache import get, new_post, site, warm  # noqa: F401 - fixtures
from tests.seeds import create_page


@pytest.fixture
def two_listing_pages(site, settings):  # noqa: F811
    """The Hebrew blog listing with a second page (the server lists 24 cards a page). The posts
    come and go without a purge each; the pages that list them are purged once."""
    backends = settings.WAGTAILFRONTENDCACHE
    settings.WAGTAILFRONTENDCACHE = {}
    made = [
        create_page(BlogPostPage, "he", f"עמוד ברשימה {number}", slug=f"listing-cache-{number}")
        for number in range(settings.LISTING_PAGE_SIZE)
    ]
    showing = page_urls(made[0])
    settings.WAGTAILFRONTENDCACHE = backends
    purge(showing)
    yield url_in(BlogIndexPage.objects.get(), "he")
    settings.WAGTAILFRONTENDCACHE = {}
    BlogPostPage.objects.filter(pk__in=[page.pk for page in made]).delete()
    settings.WAGTAILFRONTENDCACHE = backends
    purge(showing)


def test_each_listing_page_has_its_own_cache_key(site, two_listing_pages):  # noqa: F811
    path = two_listing_pages
    first = warm(site, path)
    assert get(site, path + "?page=1")[1:] == ("HIT", first)  # page 1 is the plain address
    status, state, second = get(site, path + "?page=2")
    assert (status, state) == (200, "MISS")
    assert 'rel="prev"' in second and second != first
    # Unknown parameters reach neither Django nor the key.
    assert get(site, path + "?page=2&utm_source=x")[1:] == ("HIT", second)
    assert get(site, path + "?page=3")[0] == 404

    create_page(BlogPostPage, "he", "עמוד ברשימה חדש", slug="listing-cache-new")
    try:
        # Publishing moved every card one place on: the second page was purged too.
        assert get(site, path + "?page=2")[1] == "MISS"
    finally:
        BlogPostPage.objects.filter(slug_he="listing-cache-new").delete()


def test_the_sitemap_files_are_cached_and_purged_on_publish(site, new_post):  # noqa: F811
    address = url_in(new_post, "he")
    files = ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-topics.xml"]
    for path in files:
        warm(site, path)
    assert address in get(site, "/sitemap-pages.xml")[2]
    assert get(site, "/sitemap-pages.xml?p=1&x=2")[1] == "HIT"
    assert get(site, "/sitemap-pages.xml?p=2")[0] == 404  # one part only

    BlogPostPage.objects.get(pk=new_post.pk).unpublish()
    for path in files:
        assert get(site, path)[1] == "MISS", path
    assert address not in get(site, "/sitemap-pages.xml")[2]
