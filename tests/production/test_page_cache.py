"""The page cache in front of Django, through real HTTP: nginx with the deployed config, a
server process on the test database, purges sent by publishing and moderation in this process.

These tests change the database in autocommit (the server process must see the changes and
purges go out on commit) and remove everything they create.
"""

import urllib.error
import urllib.request

import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.comments import moderation
from apps.comments.models import Comment
from apps.core.translation import url_in
from tests.seeds import create_page, seed, seed_page

THREAD_SEED = "004"  # the Hebrew coaching post


@pytest.fixture
def site(nginx, settings, django_db_blocker):
    """Database access in autocommit, with purges going to the test's nginx."""
    base, purge_url = nginx
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "apps.caching.purge.EncodedCopiesBackend",
            "LOCATION": purge_url,
        }
    }
    with django_db_blocker.unblock():
        yield base
        # Beside Playwright's loop the connections belong to this context, not to the thread
        # that pytest-django closes at the end: close them, or the test database cannot be
        # dropped.
        connections.close_all()


def get(base, path, cookie=None):
    """(status, X-Cache, body) of a GET through nginx."""
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(base + path, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), error.read().decode()


def warm(base, path):
    """Make sure `path` is in the cache; returns the cached body."""
    get(base, path)
    status, state, body = get(base, path)
    assert (status, state) == (200, "HIT"), f"{path} was not cached: {status} {state}"
    return body


@pytest.fixture
def moderator_user(site):
    user = User.objects.create_superuser("cache-test-editor", "editor@example.com", "x-password-1")
    yield user
    user.delete()


@pytest.fixture
def new_post(site):
    """A live Hebrew post sharing the coaching post's topics, deleted afterwards."""
    topics = seed(THREAD_SEED)["topics"]
    post = create_page(BlogPostPage, "he", "מטמון נבדק ראשון", slug="cache-test", topics=topics)
    yield post
    BlogPostPage.objects.filter(pk=post.pk).delete()


def test_anonymous_readers_share_the_cached_page(site):
    get(site, "/he/")
    status, state, body = get(site, "/he/")
    assert (status, state) == (200, "HIT")
    assert '<html lang="he" dir="rtl"' in body


def test_editors_and_commenters_bypass_the_cache_and_fill_nothing(site, moderator_user):
    path = url_in(seed_page(seed(THREAD_SEED)), "he")
    warm(site, path)
    client = Client()
    client.force_login(moderator_user)
    session = f"sessionid={client.cookies['sessionid'].value}"

    status, state, body = get(site, path, cookie=session)
    assert (status, state) == (200, "BYPASS")
    assert "wagtail-userbar" in body  # the editor's own page, with Wagtail's user bar

    for cookie in ("mishov_pending=anything", "mishov_commenter=anything", f"a=1; {session}"):
        assert get(site, path, cookie=cookie)[1] == "BYPASS", cookie
    # Unrelated cookies do not split the cache.
    assert get(site, path, cookie="theme=dark")[1] == "HIT"
    # Nothing personal was stored for anonymous readers.
    status, state, body = get(site, path)
    assert (status, state) == (200, "HIT")
    assert "wagtail-userbar" not in body


def test_publishing_purges_the_page_its_listings_feeds_topics_and_neighbours(site, new_post):
    neighbour = seed_page(seed(THREAD_SEED))
    index = BlogIndexPage.objects.get()
    with override("he"):
        feed = reverse("feed-rss")
    topic_url = new_post.topics.first().url_in("he")
    paths = [url_in(new_post, "he"), "/he/", url_in(index, "he"), feed, topic_url,
             url_in(neighbour, "he")]
    for path in paths:
        assert "מטמון נבדק ראשון" in warm(site, path), path

    new_post.title_he = "מטמון נבדק שני"
    new_post.save_revision().publish()

    for path in paths:
        status, state, body = get(site, path)
        assert (status, state) == (200, "MISS"), path
        assert "מטמון נבדק שני" in body, path
        # (The post's body repeats its first title; everywhere else only the title is shown.)
        assert path == paths[0] or "מטמון נבדק ראשון" not in body, path

    post_path = url_in(new_post, "he")
    BlogPostPage.objects.get(pk=new_post.pk).unpublish()
    assert get(site, post_path)[0] == 404
    assert "מטמון נבדק שני" not in get(site, "/he/")[2]


def test_moderation_purges_the_page_in_the_comment_language(site, moderator_user):
    page = seed_page(seed(THREAD_SEED))
    path = url_in(page, "he")
    comment = Comment.objects.create(
        page=page, language="he", name="בודקת", body="תגובה שממתינה לאישור המטמון",
        status=Comment.Status.PENDING,
    )
    try:
        assert "תגובה שממתינה לאישור המטמון" not in warm(site, path)

        moderation.apply("approve", [comment], moderator_user)
        status, state, body = get(site, path)
        assert (status, state) == (200, "MISS")
        assert "תגובה שממתינה לאישור המטמון" in body
        warm(site, path)

        comment.refresh_from_db()
        comment.body = "תגובה שנערכה אחרי האישור"
        comment.save()
        assert "תגובה שנערכה אחרי האישור" in get(site, path)[2]
        warm(site, path)

        moderation.apply("trash", [comment], moderator_user)
        status, state, body = get(site, path)
        assert state == "MISS" and "תגובה שנערכה אחרי האישור" not in body
        warm(site, path)
    finally:
        comment.delete()
    # Deleting a comment that was no longer public leaves the cached page alone.
    assert get(site, path)[1] == "HIT"


def test_withdrawing_a_language_purges_its_pages_and_restoring_brings_them_back(site, new_post):
    from apps.core import withdrawal
    from tests.seeds import publish_translation

    post = publish_translation(
        new_post, title_fi="Välimuistin kieliversio", slug_fi="valimuistin-kieliversio"
    )
    with override("fi"):
        feed = reverse("feed-rss")
    fi_path, he_path = url_in(post, "fi"), url_in(post, "he")
    listings = ["/fi/", url_in(BlogIndexPage.objects.get(), "fi"), feed]
    for path in [fi_path, *listings]:
        assert "Välimuistin kieliversio" in warm(site, path), path
    warm(site, he_path)

    withdrawal.withdraw(post, "fi")
    assert get(site, fi_path)[0] == 404
    for path in listings:
        # (Purged and rendered again; the Finnish blog, left without posts, answers 404.)
        _status, state, body = get(site, path)
        assert state == "MISS", path
        assert "Välimuistin kieliversio" not in body, path
    assert get(site, he_path)[0] == 200  # the Hebrew version stays

    withdrawal.restore(post, "fi")
    assert get(site, fi_path)[0] == 200
    assert "Välimuistin kieliversio" in get(site, "/fi/")[2]
