"""/sitemap.xml (an index of files) and /robots.txt, outside the language prefix."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils.translation import override

from apps.blog.models import BlogPostPage
from apps.taxonomy.models import Topic
from tests.seeds import (
    create_page,
    publish_translation,
    read_seed,
    seed,
    seed_files,
    seed_page,
    url_in,
)
from tests.sitemap import sitemap_files

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "http://localhost"


def sitemap(client):
    """loc -> {hreflang: href} for every <url> of the sitemap's files (on host localhost)."""
    entries = {}
    for _path, body in sitemap_files(client, HTTP_HOST="localhost"):
        root = ET.fromstring(body)  # noqa: S314 - our own response
        assert root.tag == f"{SM}urlset"
        for url in root.findall(f"{SM}url"):
            loc = url.findtext(f"{SM}loc")
            assert loc not in entries, f"{loc} listed twice"
            links = url.findall(f"{XHTML}link")
            assert all(link.get("rel") == "alternate" for link in links)
            entries[loc] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def absolute(page, lang):
    return BASE + url_in(page, lang)


def test_every_seed_page_is_listed_in_its_language_only(client):
    entries = sitemap(client)
    for path in seed_files():
        data = read_seed(path)
        page = seed_page(data)
        lang = data["language"]
        own = absolute(page, lang)
        assert entries[own] == {lang: own, "x-default": own}, path.name
        for other in ("he", "fa", "fi"):
            if other != lang:
                assert absolute(page, other) not in entries


def test_finnish_only_page_has_no_hebrew_alternate(client):
    page = seed_page(seed("001"))
    alternates = sitemap(client)[absolute(page, "fi")]
    assert "he" not in alternates
    assert set(alternates) == {"fi", "x-default"}


def test_home_and_sections_in_all_languages(client):
    entries = sitemap(client)
    home = {"he": f"{BASE}/he/", "fa": f"{BASE}/fa/", "fi": f"{BASE}/fi/"}
    for url in home.values():
        assert entries[url] == {**home, "x-default": f"{BASE}/he/"}
    # The blog has posts in Hebrew only: it is listed there, with no empty translations.
    blog = f"{BASE}/he/%D7%91%D7%9C%D7%95%D7%92/"
    assert entries[blog] == {"he": blog, "x-default": blog}
    assert f"{BASE}/fi/blogi/" not in entries


def test_translation_is_listed_in_both_languages_with_the_same_alternates(client):
    page = publish_translation(
        seed_page(seed("003")),  # fa
        title_fi="Onko asiakas aina oikeassa?",
        slug_fi="onko-asiakas-aina-oikeassa",
        body_fi=[{"type": "paragraph", "value": "<p>Suomeksi.</p>"}],
    )
    entries = sitemap(client)
    expected = {
        "fa": absolute(page, "fa"),
        "fi": absolute(page, "fi"),
        "x-default": absolute(page, "fa"),  # no Hebrew: the first existing language
    }
    assert entries[absolute(page, "fa")] == expected
    assert entries[absolute(page, "fi")] == expected
    assert absolute(page, "he") not in entries


def test_unpublished_and_draft_pages_are_not_listed(client):
    draft = create_page(BlogPostPage, "he", "טיוטה", live=False)
    gone = create_page(BlogPostPage, "he", "הוסר")
    gone.unpublish()
    entries = sitemap(client)
    assert absolute(draft, "he") not in entries
    assert absolute(gone, "he") not in entries


def test_topics_are_listed_in_the_languages_they_have_names_and_pages_in(client):
    topic = Topic.objects.get(key="business-strategy")  # pages in Hebrew and Finnish
    topic.name_fa = ""
    topic.save()
    entries = sitemap(client)
    he, fi = (BASE + topic.url_in(lang) for lang in ("he", "fi"))
    assert entries[he] == {"he": he, "fi": fi, "x-default": he}
    with override("fa"):
        fa = BASE + reverse("topic", kwargs={"slug": topic.slug_fa})
    assert fa not in entries
    assert f"{BASE}/fa/" in entries


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


def test_the_index_splits_each_file_at_the_limit_and_a_missing_part_is_a_404(client, settings):
    whole = sitemap(client)
    settings.SITEMAP_URLS_PER_FILE = 5
    files = sitemap_files(client, HTTP_HOST="localhost")
    paths = [path for path, _body in files]
    assert "/sitemap-pages.xml" in paths and "/sitemap-pages.xml?p=2" in paths
    assert all(body.count(b"<url>") <= 5 for _path, body in files)
    # The same addresses as in one file, each once.
    assert sitemap(client) == whole
    pages = sum(path.startswith("/sitemap-pages.xml") for path in paths)
    assert client.get(f"/sitemap-pages.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
