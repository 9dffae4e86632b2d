"""Section and topic listings a page at a time (apps/core/listing.py): ?page=N with rel links
to the pages beside it, its own canonical address, and a 404 for a page that is not there."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.taxonomy.models import Topic
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_posts(settings):
    """Three Finnish posts about one topic, newest last; two cards a page."""
    settings.LISTING_PAGE_SIZE = 2
    topic = Topic.objects.create(key="sivutus", name_fi="Sivutus", slug_fi="sivutus")
    start = timezone.now() - datetime.timedelta(days=10)
    for number in range(3):
        create_page(BlogPostPage, "fi", f"Sivutettu kirjoitus {number}", topics=["sivutus"],
                    published=start + datetime.timedelta(days=number))
    with override("fi"):
        topic_url = reverse("topic", kwargs={"slug": topic.slug_fi})
    return [url_in(BlogIndexPage.objects.get(), "fi"), topic_url]


@pytest.mark.parametrize("listing", [0, 1], ids=["section", "topic"])
def test_listings_go_a_page_at_a_time(client, three_posts, listing):
    path = three_posts[listing]
    first = client.get(path).content.decode()
    assert "Sivutettu kirjoitus 2" in first and "Sivutettu kirjoitus 0" not in first
    assert f'href="{path}?page=2" rel="next"' in first
    assert 'rel="prev"' not in first
    assert f'<link rel="canonical" href="http://testserver{path}">' in first

    second = client.get(path + "?page=2").content.decode()
    assert "Sivutettu kirjoitus 0" in second and "Sivutettu kirjoitus 2" not in second
    # Page 1 is the address without ?page: one address, one cache key.
    assert f'href="{path}" rel="prev"' in second
    assert 'rel="next"' not in second
    assert f'<link rel="canonical" href="http://testserver{path}?page=2">' in second
    assert '<link rel="alternate" hreflang' not in second


@pytest.mark.parametrize("page", ["3", "0", "-1", "kaksi"])
def test_a_page_that_is_not_there_is_a_404(client, three_posts, page):
    for path in three_posts:
        assert client.get(path, {"page": page}).status_code == 404, path
