"""Redis really stops under a running site: pages come from the database, comments are held."""

import pytest

from .conftest import SITE_DB
from .helpers import comment_form, get, page_url, post_comment

pytestmark = pytest.mark.django_db


def latest_comment(postgres):
    row = postgres.query(
        SITE_DB, "SELECT body, status, held_reasons FROM comments_comment ORDER BY id DESC LIMIT 1"
    )
    return row.split("|")


def test_with_redis_down_pages_render_and_comments_wait_for_a_moderator(running, redis, postgres):
    site = running
    path = page_url("004", "he")
    action, token = comment_form(get(site, path).text)

    redis.stop()
    for url in (path, "/fa/", "/fi/search/?q=asiakas", "/he/feed/rss/", "/sitemap.xml"):
        assert get(site, url).status_code == 200, url
    response = post_comment(site, action, token, "Redis is down and this still arrives.")
    assert response.status_code == 303
    body, status, reasons = latest_comment(postgres)
    assert body == "Redis is down and this still arrives."
    assert status == "pending"
    assert "rate" in reasons

    redis.start()
    assert get(site, path).status_code == 200
    response = post_comment(site, action, token, "Redis is back.")
    assert response.status_code == 303
    assert "rate" not in latest_comment(postgres)[2]


def test_the_database_down_with_redis_down_still_answers_503(running, redis, postgres):
    redis.stop()
    postgres.stop()
    response = get(running, "/fi/")
    assert response.status_code == 503
    assert "X-Mishov-Copy" not in response.headers
    assert 'lang="fi"' in response.text
