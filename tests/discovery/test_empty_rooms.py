"""No empty rooms: in each language, the menu, the home page and the sitemap link only to
sections and topics that have pages in that language, and those pages are not served empty."""

import re
from urllib.parse import unquote, urlsplit

import pytest

from apps.blog.models import BlogPostPage
from tests.seeds import create_page
from tests.sitemap import sitemap_locations

pytestmark = pytest.mark.django_db

LANGUAGES = ("he", "fa", "fi")
# In the seed content, per language, the sections that have pages (the empty rooms are
# the others: Persian blog and Q&A, Finnish blog and knowledge base, Hebrew Q&A).
SECTIONS = {
    "he": {"/he/בלוג/", "/he/מאגר-ידע/"},
    "fa": {"/fa/پایگاه-دانش/"},
    "fi": {"/fi/kysymykset/"},
}
TOPIC_SEGMENTS = {"נושאים", "موضوعات", "aiheet"}


def menu_links(text):
    nav = re.search(r'<nav class="main-nav".*?</nav>', text, re.S).group(0)
    return {unquote(href) for href in re.findall(r'href="([^"]+)"', nav)}


def assert_not_empty(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    text = response.content.decode()
    assert 'class="card' in text, f"{path} has nothing to read"
    assert 'class="empty"' not in text, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_links_only_sections_with_pages_in_the_language(client, lang):
    text = client.get(f"/{lang}/").content.decode()
    assert menu_links(text) == SECTIONS[lang]
    for path in SECTIONS[lang]:
        assert_not_empty(client, path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_no_empty_section(client, lang):
    text = client.get(f"/{lang}/").content.decode()
    assert 'class="empty"' not in text
    sections = re.findall(r'<section class="home-section".*?</section>', text, re.S)
    assert sections
    for section in sections:
        assert 'class="card' in section
        for href in re.findall(r'<p class="more"><a href="([^"]+)"', section):
            assert unquote(href) in SECTIONS[lang]


def test_the_sitemap_lists_no_empty_section_or_topic(client):
    locations = sitemap_locations(client, HTTP_HOST="localhost")
    paths = [unquote(urlsplit(loc).path) for loc in locations]
    sections = {
        path for path in paths if path.count("/") == 3 and path.split("/")[2] not in TOPIC_SEGMENTS
    }
    assert sections == set().union(*SECTIONS.values())
    topics = [p for p in paths if p.count("/") == 4 and p.split("/")[2] in TOPIC_SEGMENTS]
    assert len(topics) == 8  # 12 topic pages, 4 of them empty
    for path in [*sections, *topics]:
        assert_not_empty(client, path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_empty_section_or_topic_is_not_served(client, lang):
    for section in ({"/he/שאלות-ותשובות/"}, {"/fa/وبلاگ/", "/fa/پرسش-و-پاسخ/"},
                    {"/fi/blogi/", "/fi/tietopankki/"})[LANGUAGES.index(lang)]:  # fmt: skip
        assert client.get(section).status_code == 404
    empty_topics = {"he": [], "fa": ["/fa/موضوعات/کوچینگ/"], "fi": ["/fi/aiheet/valmennus/"]}
    for path in empty_topics[lang]:
        assert client.get(path).status_code == 404


def test_a_section_appears_with_its_first_page_in_the_language(client):
    assert "/fi/blogi/" not in menu_links(client.get("/fi/").content.decode())
    create_page(BlogPostPage, "fi", "Ensimmäinen kirjoitus")
    assert "/fi/blogi/" in menu_links(client.get("/fi/").content.decode())
    assert_not_empty(client, "/fi/blogi/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_links_what_the_language_has(client, lang):
    text = client.get(f"/{lang}/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', text, re.S).group(0)
    links = [unquote(href) for href in re.findall(r'href="([^"]+)"', footer)]
    topic_index = {"he": "/he/נושאים/", "fa": "/fa/موضوعات/", "fi": "/fi/aiheet/"}[lang]
    assert links == [
        *sorted(SECTIONS[lang], key=links.index),
        topic_index,
        f"/{lang}/feed/rss/",
        f"/{lang}/feed/atom/",
    ]
    for path in [*SECTIONS[lang], topic_index]:
        assert client.get(path).status_code == 200
