"""The shared thread rendering (COMMENTS_THREAD_CACHE_SECONDS, on in production): served from
the cache until a public comment changes, never to a reader with their own pending comments."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.comments import moderation
from apps.comments.models import Comment

from .conftest import commentable, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thread_cache_on(settings):
    settings.COMMENTS_THREAD_CACHE_SECONDS = 60


@pytest.fixture
def moderator():
    return User.objects.create_superuser("thread-cache-mod", "mod@example.com", "x-password-1")


def without_token(html):
    return re.sub(r'name="token" value="[^"]*"', "", html)


def comment_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).content.decode()
    return [q for q in queries.captured_queries if '"comments_comment"' in q["sql"]], body


def test_second_view_reads_no_comments(client):
    _page, url = commentable("he")
    first, body = comment_queries(client, url)
    assert first and "comment-list" in body
    second, again = comment_queries(client, url)
    assert second == []
    # The same page, but for the form's signed timestamp.
    assert without_token(again) == without_token(body)


def test_approving_editing_and_removing_show_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    page, url = commentable("he")
    comment = Comment.objects.create(
        page=page, language="he", name="Noa", body="נראה אחרי אישור", status="pending"
    )
    assert "נראה אחרי אישור" not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("approve", [comment], moderator)
    assert "נראה אחרי אישור" in client.get(url).content.decode()

    comment.refresh_from_db()
    comment.body = "נערך אחרי אישור"
    with django_capture_on_commit_callbacks(execute=True):
        comment.save()
    assert "נערך אחרי אישור" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("trash", [comment], moderator)
    assert "נערך אחרי אישור" not in client.get(url).content.decode()


def test_the_thread_of_another_language_is_kept_apart(client):
    _page, he_url = commentable("he")
    _page, fi_url = commentable("fi")
    he_body = client.get(he_url).content.decode()
    fi_body = client.get(fi_url).content.decode()
    assert 'lang="fi"' in fi_body and he_body != fi_body


def test_a_commenter_with_pending_comments_sees_them_under_the_cached_thread(client):
    _page, url = commentable("he")
    client.get(url)  # the shared rendering is now cached
    response, _page, url = post_comment(client, "he", body="ממתינה אצלי בלבד")
    assert response.status_code == 303
    mine = client.get(url).content.decode()
    assert "ממתינה אצלי בלבד" in mine and "comment__pending" in mine
    assert "ממתינה אצלי בלבד" not in Client().get(url).content.decode()
