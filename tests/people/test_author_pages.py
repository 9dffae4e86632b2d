"""Author pages: bio, photo and their pages per language, paginated; 404 and unlinked in a
language where the author has no pages (the empty-rooms rule); bylines on cards link them;
the sitemap lists them with their real translations only."""

import pytest

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.kb.models import ArticlePage
from apps.people import views
from apps.people.models import Author
from tests.seeds import create_page, url_in
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    author = Author.objects.create(
        name="Aino Kirjoittaja", key="aino", bio_fi="Aino kirjoittaa asiakaspalvelusta.",
        bio_he="איינו כותבת על שירות לקוחות.",
    )
    for i in range(3):
        create_page(BlogPostPage, "fi", f"Ainon kirjoitus {i}", author=author)
    create_page(ArticlePage, "he", "מאמר של איינו", author=author)
    return author


def test_the_author_page_lists_their_pages_in_the_language_only(client, writer):
    fi = client.get("/fi/kirjoittajat/aino/")
    text = fi.content.decode()
    assert fi.status_code == 200
    assert "Aino kirjoittaa asiakaspalvelusta." in text and "איינו כותבת" not in text
    assert text.count('class="card"') == 3 and "מאמר של איינו" not in text
    he = client.get(views.author_url(writer, "he")).content.decode()
    assert "מאמר של איינו" in he and 'hreflang="fi"' in he and 'hreflang="fa"' not in he
    # No pages in Persian: no author page there.
    assert client.get(views.author_url(writer, "fa")).status_code == 404


def test_the_listing_is_paginated_in_the_path(client, writer, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    first = client.get("/fi/kirjoittajat/aino/").content.decode()
    assert first.count('class="card"') == 2
    assert 'rel="next" href="/fi/kirjoittajat/aino/2/"' in first
    second = client.get("/fi/kirjoittajat/aino/2/").content.decode()
    assert second.count('class="card"') == 1
    assert 'rel="prev" href="/fi/kirjoittajat/aino/"' in second
    assert client.get("/fi/kirjoittajat/aino/3/").status_code == 404


def test_a_page_of_the_listing_loads_only_its_own_pages(client, writer, monkeypatch):
    """However many pages an author has, a page of the listing builds only the pages it shows
    (the rest are counted and skipped in SQL)."""
    from django.db.models.signals import post_init

    monkeypatch.setattr(views, "PER_PAGE", 2)
    for i in range(5):
        create_page(BlogPostPage, "fi", f"Ainon lisäkirjoitus {i}", author=writer)
    url = "/fi/kirjoittajat/aino/"
    client.get(url)  # per-process caches warm up first
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance.pk)

    post_init.connect(count, sender=BlogPostPage)
    try:
        response = client.get(url)
    finally:
        post_init.disconnect(count, sender=BlogPostPage)
    assert response.content.decode().count('class="card"') == 2
    assert len(built) == 2


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_cards_carry_a_byline_linking_the_author_page(client, lang):
    author = Author.objects.create(name="Byline Author", key="byline")
    page = create_page(BlogPostPage, lang, f"Kortti {lang}", author=author)
    listing = client.get(url_in(BlogIndexPage.objects.get(), lang)).content.decode()
    link = views.author_url(author, lang)
    assert f'<a href="{link}"><bdi>Byline Author</bdi></a>' in listing
    assert client.get(link).status_code == 200
    assert f'href="{link}"' in client.get(url_in(page, lang)).content.decode()  # author box


def test_the_sitemap_lists_author_pages_where_they_exist(client, writer):
    sitemap = sitemap_text(client)  # the index's files
    entries = [u for u in sitemap.split("<url>") if "/aino/</loc>" in u]
    locs = sorted(u.split("<loc>")[1].split("</loc>")[0].split("testserver")[1] for u in entries)
    assert locs == [views.author_url(writer, "fi"), views.author_url(writer, "he")]
    assert all('hreflang="fa"' not in u for u in entries)
