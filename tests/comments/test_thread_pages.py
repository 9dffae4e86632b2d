"""Long threads a page of top-level comments at a time (COMMENTS_PER_PAGE), each reply on its
parent's page, and each comment's permanent address leading to the page that shows it."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from apps.blog.models import BlogPostPage
from apps.comments import moderation
from apps.comments.models import Comment
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.django_db

PER_PAGE = 3
START = timezone.now() - datetime.timedelta(days=10)


@pytest.fixture(autouse=True)
def three_a_page(settings):
    settings.COMMENTS_PER_PAGE = PER_PAGE


@pytest.fixture
def post():
    return create_page(BlogPostPage, "fi", "Pitkä keskustelu", slug="pitka-keskustelu")


def add(page, name, minutes, parent=None, status=Comment.Status.APPROVED, lang="fi"):
    return Comment.objects.create(
        page=page,
        language=lang,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        name=name,
        body=f"Teksti {name}",
        status=status,
        created_at=START + datetime.timedelta(minutes=minutes),
    )


def thread_of(page, roots):
    """`roots` top-level comments a minute apart, R0 … R(n-1), oldest first."""
    return [add(page, f"R{i}", i) for i in range(roots)]


def names(html):
    """The commenters' names on a page, in the order shown."""
    return re.findall(r'class="comment__author"><bdi>([^<]+)</bdi>', html)


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_thread_of_one_page_has_no_navigation_and_no_second_page(client, post):
    thread_of(post, PER_PAGE)
    url = url_in(post, "fi")
    html = page_html(client, url)
    assert names(html) == ["R0", "R1", "R2"]
    assert "comment-pages" not in html and "?page=" not in html
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert client.get(url + "?page=2").status_code == 404


def test_a_long_thread_is_shown_a_page_at_a_time_oldest_first(client, post):
    thread_of(post, 2 * PER_PAGE + 1)
    url = url_in(post, "fi")
    first, second, third = (
        page_html(client, url + suffix) for suffix in ("", "?page=2", "?page=3")
    )
    assert names(first) == ["R0", "R1", "R2"]
    assert names(second) == ["R3", "R4", "R5"]
    assert names(third) == ["R6"]
    # Every page counts the whole thread.
    assert all("7 kommenttia" in html for html in (first, second, third))
    for missing in ("?page=4", "?page=0", "?page=x"):
        assert client.get(url + missing).status_code == 404, missing
    assert names(page_html(client, url + "?page=1")) == names(first)


def test_the_navigation_names_each_page_and_links_the_neighbours(client, post):
    thread_of(post, 2 * PER_PAGE + 1)
    url = url_in(post, "fi")
    second = page_html(client, url + "?page=2")
    nav = re.search(r'<nav class="pagination comment-pages"[^>]*>.*?</nav>', second, re.S).group()
    assert 'aria-label="Kommenttien sivut"' in nav
    assert f'<a href="{url}#comments" rel="prev">Aiemmat kommentit</a>' in nav
    assert f'<a href="{url}?page=3#comments" rel="next">Myöhemmät kommentit</a>' in nav
    assert '<span aria-current="page">Sivu 2 / 3</span>' in nav
    # Page 2 is its own page for search engines; replying on it keeps the reader on it.
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in second
    assert 'href="?page=2&amp;replyto=' in second
    first = page_html(client, url)
    assert 'rel="prev"' not in first.split('class="pagination comment-pages"')[1]
    assert f'<link rel="canonical" href="http://testserver{url}">' in first


def test_replies_stay_on_their_parents_page_however_late_they_come(client, post):
    roots = thread_of(post, 2 * PER_PAGE)
    late = add(post, "Myöhäinen vastaus", 600, parent=roots[0])
    deeper = add(post, "Vastaus vastaukseen", 700, parent=late)
    add(post, "Odottava vastaus", 800, parent=roots[4], status=Comment.Status.PENDING)
    url = url_in(post, "fi")
    assert names(page_html(client, url)) == [
        "R0",
        "Myöhäinen vastaus",
        "Vastaus vastaukseen",
        "R1",
        "R2",
    ]
    assert names(page_html(client, url + "?page=2")) == ["R3", "R4", "R5"]
    assert deeper.root_id == roots[0].pk


def test_hidden_top_level_comments_take_their_replies_and_no_place(client, post):
    roots = thread_of(post, PER_PAGE + 1)
    add(post, "Vastaus piilotettuun", 100, parent=roots[1])
    roots[1].status = Comment.Status.TRASH
    roots[1].save()
    url = url_in(post, "fi")
    assert names(page_html(client, url)) == ["R0", "R2", "R3"]
    assert client.get(url + "?page=2").status_code == 404


def test_a_permanent_link_leads_to_the_page_that_shows_the_comment(client, post):
    roots = thread_of(post, 2 * PER_PAGE + 1)
    reply = add(post, "Vastaus", 100, parent=roots[4])
    url = url_in(post, "fi")
    for comment, expected in (
        (roots[0], f"{url}#comment-{roots[0].pk}"),
        (roots[6], f"{url}?page=3#comment-{roots[6].pk}"),
        (reply, f"{url}?page=2#comment-{reply.pk}"),
    ):
        response = client.get(f"/fi/comments/{comment.pk}/")
        assert (response.status_code, response["Location"]) == (302, expected)
        assert f'id="comment-{comment.pk}"' in page_html(client, expected.split("#")[0])


def test_comments_readers_do_not_see_have_no_permanent_link(client, post):
    roots = thread_of(post, 2)
    pending = add(post, "Odottaa", 10, status=Comment.Status.PENDING)
    spam = add(post, "Roskaa", 11, status=Comment.Status.SPAM)
    hidden = add(post, "Piilossa", 12, status=Comment.Status.TRASH)
    under_hidden = add(post, "Piilotetun alla", 13, parent=hidden)
    hebrew = add(post, "עברית", 14, lang="he")
    for comment_id in (pending.pk, spam.pk, hidden.pk, under_hidden.pk, 999_999):
        assert client.get(f"/fi/comments/{comment_id}/").status_code == 404, comment_id
    # One address per comment: in its own language (the page has no Hebrew version either).
    assert client.get(f"/he/comments/{roots[0].pk}/").status_code == 404
    assert client.get(f"/fi/comments/{hebrew.pk}/").status_code == 404
    post.unpublish()
    assert client.get(f"/fi/comments/{roots[0].pk}/").status_code == 404


def test_posting_to_a_long_thread_leads_back_to_the_comments_page(client, post):
    from .conftest import form_token

    roots = thread_of(post, PER_PAGE + 1)
    url = url_in(post, "fi")
    data = {
        "name": "Uusi",
        "email": "uusi@example.com",
        "body": "Uusi kommentti.",
        "parent": roots[3].pk,
    }
    data["token"] = form_token(client, url + "?page=2")
    response = client.post(f"/fi/comments/post/{post.pk}/", data)
    reply = Comment.objects.get(name="Uusi")
    assert (response.status_code, response["Location"]) == (303, f"{url}?page=2#comment-{reply.pk}")
    # Awaiting moderation: its writer sees it on that page, nobody has its permanent link yet.
    assert f'id="comment-{reply.pk}"' in page_html(client, url + "?page=2")
    assert client.get(f"/fi/comments/{reply.pk}/").status_code == 404


def test_a_change_purges_the_first_page_and_the_pages_at_the_comment(
    post, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from apps.caching import purge

    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "apps.caching.purge.EncodedCopiesBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    purged = []
    monkeypatch.setattr(purge, "purge", lambda urls: purged.append(set(urls)))
    roots = thread_of(post, 4 * PER_PAGE)
    moderator = User.objects.create_superuser("pages-mod", "mod@example.com", "x-password-1")
    waiting = add(post, "Uusin", 100, status=Comment.Status.PENDING)
    reply = add(post, "Vastaus", 101, parent=roots[4], status=Comment.Status.PENDING)
    url = url_in(post, "fi")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("approve", [waiting], moderator)
    # The 13th top-level comment opens page 5: page 4 gains its "later" link.
    assert purged == [{url, f"{url}?page=4", f"{url}?page=5"}]

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("approve", [reply], moderator)
    assert purged == [{url, f"{url}?page=2"}]

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("trash", [roots[10]], moderator)
    assert purged == [{url, f"{url}?page=3", f"{url}?page=4"}]


def test_with_the_thread_cache_each_page_is_kept_until_the_thread_changes(
    client, post, settings, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.COMMENTS_THREAD_CACHE_SECONDS = 60
    thread_of(post, 2 * PER_PAGE)
    url = url_in(post, "fi") + "?page=2"
    assert names(page_html(client, url)) == ["R3", "R4", "R5"]
    with CaptureQueriesContext(connection) as queries:
        assert names(page_html(client, url)) == ["R3", "R4", "R5"]
    assert not [q for q in queries.captured_queries if '"comments_comment"' in q["sql"]]
    assert client.get(url_in(post, "fi") + "?page=3").status_code == 404

    moderator = User.objects.create_superuser("cache-mod", "mod@example.com", "x-password-1")
    newest = add(post, "R6", 100, status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("approve", [newest], moderator)
    assert names(page_html(client, url_in(post, "fi") + "?page=3")) == ["R6"]
    assert 'rel="next"' in page_html(client, url)
