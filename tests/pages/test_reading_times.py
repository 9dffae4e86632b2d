"""A post's or article's reading time, stored per language at every save that writes its text
(apps/content/pages.py), so that cards show it without loading the body: every write path keeps
it equal to what the body reads."""

import re

import pytest
from django.utils.translation import override

from apps.blog.models import BlogPostPage
from apps.content.pages import store_reading_times
from apps.core.pages import article_cards
from apps.kb.models import ArticlePage
from apps.taxonomy.models import Topic
from tests.seeds import create_page, publish_translation

pytestmark = pytest.mark.django_db


def words(count, word="sana"):
    """A body of one paragraph of `count` words."""
    return [{"type": "paragraph", "value": f"<p>{' '.join([word] * count)}</p>"}]


def stored(page):
    return type(page).objects.get(pk=page.pk).reading_times


def card_minutes(client, url):
    """The minutes of each card on the page at `url`, as the reader sees them."""
    text = client.get(url).content.decode()
    return [int(n) for n in re.findall(r'class="card__reading">(\d+)\D', text)]


def test_the_loaded_content_stores_what_its_bodies_read():
    pages = [*BlogPostPage.objects.all(), *ArticlePage.objects.all()]
    assert pages
    for page in pages:
        assert page.reading_times == page.count_reading_times(), page.title
        assert any(minutes > 1 for minutes in page.reading_times.values()), page.title


def test_publishing_counts_again_a_draft_does_not_and_a_revert_goes_back():
    page = create_page(BlogPostPage, "fi", "Lukuaika", body_fi=words(450))
    assert stored(page) == {"he": 1, "fa": 1, "fi": 3}
    first = page.latest_revision
    page.body_fi = words(1000)
    page.save_revision()
    assert stored(page)["fi"] == 3  # the live page still reads 3 minutes
    page.latest_revision.publish()
    assert stored(page)["fi"] == 5
    first.publish()  # what reverting to the first revision publishes
    assert stored(page)["fi"] == 3


def test_a_translation_is_counted_in_its_own_language():
    page = create_page(ArticlePage, "fi", "Käännettävä", body_fi=words(10))
    page = publish_translation(page, title_he="מאמר", body_he=words(650, "מילה"))
    assert stored(page) == {"he": 4, "fa": 1, "fi": 1}


def test_a_save_of_other_fields_keeps_them_and_a_save_of_the_body_counts():
    page = create_page(BlogPostPage, "fi", "Osittain", body_fi=words(10))
    BlogPostPage.objects.filter(pk=page.pk).update(reading_times={})
    page.refresh_from_db()
    page.save(update_fields=["title_fi"])
    assert stored(page) == {}
    page.body_fi = words(250)
    page.save(update_fields=["body_fi"])
    assert stored(page) == {"he": 1, "fa": 1, "fi": 2}


def test_the_migration_counts_the_pages_that_exist():
    page = create_page(BlogPostPage, "fi", "Vanha", body_fi=words(401))
    BlogPostPage.objects.filter(pk=page.pk).update(reading_times={})
    store_reading_times(BlogPostPage, ("he", "fa", "fi"), chunk=2)
    assert stored(page) == {"he": 1, "fa": 1, "fi": 3}


def test_cards_show_the_stored_time_without_loading_the_body(client):
    topic = Topic.objects.create(key="lukuaika", name_fi="Lukuaika", slug_fi="lukuaika")
    post = create_page(BlogPostPage, "fi", "Pitkä", topics=["lukuaika"], body_fi=words(820))
    with override("fi"):
        url = topic.url_in("fi")
    assert card_minutes(client, url) == [5]
    [card] = article_cards([post.pk])
    assert {"body", "body_he", "body_fa", "body_fi"} <= card.get_deferred_fields()
    with override("fi"):
        assert card.card_reading_minutes == 5
