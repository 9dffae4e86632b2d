"""Paginated listings, long comment threads and the sitemap index through the deployed nginx:
each listing page, thread page and sitemap file is cached under its own key (page / p kept,
anything else dropped), and publishing or a comment purges them."""

import datetime
import urllib.error
import urllib.request

import pytest
from django.utils import timezone

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.caching.purge import purge
from apps.caching.targets import page_urls
from apps.comments import moderation
from apps.comments.models import Comment
from apps.core.translation import url_in
from tests.production.test_page_cache import (  # noqa: F401 - fixtures
    get,
    moderator_user,
    new_post,
    site,
    warm,
)
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


@pytest.fixture
def long_thread(site, settings):  # noqa: F811
    """A Hebrew post whose thread has a second page (the server shows COMMENTS_PER_PAGE
    top-level comments a page), and a comment waiting for approval, newest of all."""
    post = create_page(BlogPostPage, "he", "שרשור ארוך במטמון", slug="thread-cache-pages")
    start = timezone.now() - datetime.timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(
            page=post,
            language="he",
            name=f"קורא {number}",
            body=f"תגובה {number}",
            status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(minutes=number),
        )
        for number in range(settings.COMMENTS_PER_PAGE + 1)
    )
    waiting = Comment.objects.create(
        page=post,
        language="he",
        name="ממתינה",
        body="תגובה חדשה בעמוד השני",
        status=Comment.Status.PENDING,
    )
    yield url_in(post, "he"), waiting
    Comment.objects.filter(page=post).delete()
    BlogPostPage.objects.filter(pk=post.pk).delete()


def test_a_threads_second_page_is_cached_and_purged_when_a_comment_joins_it(
    site,  # noqa: F811
    long_thread,
    moderator_user,  # noqa: F811
):
    path, waiting = long_thread
    first = warm(site, path)
    second = warm(site, path + "?page=2")
    assert 'rel="next"' in first and 'rel="prev"' in second and second != first
    assert get(site, path + "?page=2&utm_source=x")[1:] == ("HIT", second)
    assert get(site, path + "?page=3")[0] == 404

    moderation.apply("approve", [waiting], moderator_user)
    status, state, body = get(site, path + "?page=2")
    assert (status, state) == (200, "MISS")
    assert "תגובה חדשה בעמוד השני" in body
    assert get(site, path)[1] == "MISS"  # page 1 counts the thread

    # Its permanent address, never cached, leads there.
    # (HEAD, as link checkers ask.)
    request = urllib.request.Request(f"{site}/he/comments/{waiting.pk}/", method="HEAD")  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request, timeout=20)
    assert answer.value.code == 302
    assert answer.value.headers["Location"].endswith(f"?page=2#comment-{waiting.pk}")
    assert answer.value.headers.get("X-Cache") is None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
