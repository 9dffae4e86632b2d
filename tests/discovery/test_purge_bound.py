"""Publishing a page that many pages picked as related purges a bounded set of addresses: the
pages whose copies are purged are its own related pages, then the most recently published of
those that picked it (apps/discovery/purging.py); the others catch up within the page cache's
TTL."""

import datetime

import pytest
from django.utils import timezone

from apps.blog.models import BlogPostPage, BlogPostRelatedPage
from apps.caching.targets import page_urls
from apps.core.translation import url_in
from apps.discovery import purging
from apps.kb.models import ArticlePage
from tests.seeds import create_page

pytestmark = pytest.mark.django_db


def picking(target, count, start):
    """`count` Finnish posts that picked `target` by hand, published a day apart."""
    posts = []
    for number in range(start, start + count):
        post = create_page(
            BlogPostPage,
            "fi",
            f"Valitsija {number}",
            slug=f"valitsija-{number}",
            published=timezone.now() - datetime.timedelta(days=1000 - number),
        )
        BlogPostRelatedPage.objects.create(page=post, related=target)
        posts.append(post)
    return posts


def test_the_purge_set_stays_the_same_size_however_many_pages_picked_it(monkeypatch):
    monkeypatch.setattr(purging, "NEIGHBOURS_PURGED", 3)
    target = create_page(ArticlePage, "fi", "Kaikkien valitsema", slug="kaikkien-valitsema")
    picking(target, 3, 0)
    few = page_urls(target)
    newest = picking(target, 12, 3)
    many = page_urls(target)
    assert len(many) == len(few)
    # The most recently published pickers are the ones purged.
    assert url_in(newest[-1], "fi") in many
    assert url_in(newest[0], "fi") not in many
