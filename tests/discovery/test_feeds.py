"""RSS 2.0 and Atom per language: only that language's posts and articles, newest first."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from apps.blog.models import BlogPostPage
from apps.kb.models import ArticlePage
from apps.qa.models import QuestionPage
from tests.seeds import (
    create_page,
    publish_translation,
    read_seed,
    seed,
    seed_files,
    seed_page,
    url_in,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "http://testserver"
FEED_TYPES = ("blog.BlogPostPage", "kb.ArticlePage", "qa.QuestionPage")


def seeds_in(lang):
    """Seed posts and articles written in `lang`."""
    return [
        data
        for data in map(read_seed, seed_files())
        if data["language"] == lang and data["type"] in FEED_TYPES
    ]


def summary(data):
    """What a feed says under a seed page's title: a post's lead, else its search description."""
    return data.get("lead") or data.get("question") or data["search_description"]


def rss(client, lang):
    response = client.get(f"/{lang}/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    return channel


def atom(client, lang):
    response = client.get(f"/{lang}/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{required}") or "").strip(), required
    assert root.find(f"{ATOM}author/{ATOM}name").text  # entries may omit theirs
    return root


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_rss_lists_only_the_language_posts_and_articles(client, lang):
    channel = rss(client, lang)
    assert channel.findtext("language") == lang
    assert channel.findtext("link") == f"{BASE}/{lang}/"
    items = channel.findall("item")
    expected = {data["title"]: data for data in seeds_in(lang)}
    assert {item.findtext("title") for item in items} == set(expected)
    for item in items:
        data = expected[item.findtext("title")]
        page = seed_page(data)
        assert item.findtext("link") == BASE + url_in(page, lang)
        assert item.findtext("description") == summary(data)
        assert parsedate_to_datetime(item.findtext("pubDate")) == page.first_published_at.replace(
            microsecond=0
        )
        author = item.findtext(f"{DC}creator")
        assert author == ("Shmayad" if data.get("author") == "shmayad" else None)


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_atom_lists_only_the_language_posts_and_articles(client, lang):
    feed = atom(client, lang)
    assert feed.get(XML_LANG) == lang
    entries = feed.findall(f"{ATOM}entry")
    expected = {data["title"]: data for data in seeds_in(lang)}
    assert {e.findtext(f"{ATOM}title") for e in entries} == set(expected)
    for entry in entries:
        data = expected[entry.findtext(f"{ATOM}title")]
        assert entry.find(f"{ATOM}link").get("href") == BASE + url_in(seed_page(data), lang)
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}summary") == summary(data)


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_finnish_feeds_carry_the_finnish_question(client, feed):
    data = seed("001")  # a question, Finnish only
    if feed == "rss":
        found = rss(client, "fi").findall("item")
        items = [(i.findtext("title"), i.findtext("description")) for i in found]
    else:
        entries = atom(client, "fi").findall(f"{ATOM}entry")
        items = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary")) for e in entries]
    assert items == [(data["title"], data["search_description"])]


def test_every_content_type_of_a_language_is_in_its_feed(client):
    create_page(QuestionPage, "he", "האם מותר לסרב ללקוח?", details_he="שאלה של קורא.")
    titles = {item.findtext("title") for item in rss(client, "he").findall("item")}
    assert "האם מותר לסרב ללקוח?" in titles
    assert {data["title"] for data in seeds_in("he")} < titles


def test_newest_first_and_at_most_twenty(client):
    start = datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.UTC)  # after the seed question
    for i in range(22):
        create_page(
            (BlogPostPage, ArticlePage)[i % 2],
            "fi",
            f"Kirjoitus {i}",
            lead=f"Johdanto {i}.",
            published=start + datetime.timedelta(days=i),
        )
    items = rss(client, "fi").findall("item")
    assert len(items) == 20
    assert [item.findtext("title") for item in items] == [
        f"Kirjoitus {i}" for i in range(21, 1, -1)
    ]
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)
    entries = atom(client, "fi").findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}title") == "Kirjoitus 21"


def test_translation_appears_in_its_language_feed_with_its_own_text(client):
    data = seed("002")
    publish_translation(
        seed_page(data),
        title_fi="Asiakkaat – ystäviä vai vihollisia?",
        slug_fi="asiakkaat-ystavia-vai-vihollisia",
        lead_fi="Suomenkielinen johdanto.",
        body_fi=[{"type": "paragraph", "value": "<p>Suomeksi.</p>"}],
    )
    items = rss(client, "fi").findall("item")
    assert ("Asiakkaat – ystäviä vai vihollisia?", "Suomenkielinen johdanto.") in [
        (i.findtext("title"), i.findtext("description")) for i in items
    ]
    assert data["title"] in {i.findtext("title") for i in rss(client, "he").findall("item")}


def test_unpublished_posts_are_not_in_feeds(client):
    seed_page(seed("002")).unpublish()
    titles = {i.findtext("title") for i in rss(client, "he").findall("item")}
    assert seed("002")["title"] not in titles
    assert seed("004")["title"] in titles


def test_feed_items_carry_topics_in_the_feed_language(client):
    item = next(
        i for i in rss(client, "he").findall("item") if i.findtext("title") == seed("002")["title"]
    )
    assert [c.text for c in item.findall("category")] == ["שירות לקוחות"]
