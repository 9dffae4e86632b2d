"""The outage copy of a page (apps/caching/saved_copies.py) holds only what every anonymous
reader sees: never a commenter's remembered name and e-mail, nor their comment awaiting
moderation."""

import pytest
from django.core.cache import cache

from apps.caching.saved_copies import _copy_key

from .conftest import commentable, post_comment

pytestmark = pytest.mark.django_db


def saved_copy(url):
    copy = cache.get(_copy_key(url))
    return copy[0].decode() if copy else None


def test_an_anonymous_reading_is_saved(client):
    _page, url = commentable("fi")
    assert client.get(url).status_code == 200
    assert saved_copy(url) is not None


def test_a_commenters_own_page_is_never_saved(client):
    response, _page, url = post_comment(
        client, "fi", name="Aino Personal", email="aino@example.com", remember="on"
    )
    assert response.status_code in (302, 303)
    cache.clear()  # forget the anonymous copy saved while fetching the form
    page = client.get(url)  # the commenter's cookies: remembered fields, pending comment
    text = page.content.decode()
    assert "Aino Personal" in text and "aino@example.com" in text
    assert "private" in page["Cache-Control"]
    assert saved_copy(url) is None
