"""The topic index of each language (/he/נושאים/, /fa/موضوعات/, /fi/aiheet/): the topics that
have pages in it, the most written about first, linked from every topic page and the sitemap."""

import html
import re
from collections import Counter
from urllib.parse import unquote

import pytest
import yaml

from apps.blog.models import BlogPostPage
from tests.seeds import CONTENT, create_page, read_seed, seed_files
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db

INDEX = {"he": "/he/נושאים/", "fa": "/fa/موضوعات/", "fi": "/fi/aiheet/"}
COUNT = {
    "he": {1: "עמוד אחד", 2: "שני עמודים", 3: "3 עמודים"},
    "fa": {1: "۱ صفحه", 2: "۲ صفحه"},
    "fi": {1: "1 sivu", 2: "2 sivua"},
}


def expected(lang):
    """(name, pages) per topic with pages in `lang`, most first, from the seed files."""
    with open(CONTENT / "topics.yaml", encoding="utf-8") as handle:
        names = {key: topic["name"][lang] for key, topic in yaml.safe_load(handle).items()}
    counts = Counter(
        key
        for data in map(read_seed, seed_files())
        if data["language"] == lang
        for key in data.get("topics", [])
    )
    entries = [(names[key], count) for key, count in counts.items()]
    return sorted(entries, key=lambda entry: (-entry[1], entry[0].casefold()))


def entries(client, lang):
    response = client.get(INDEX[lang])
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    items = re.findall(
        r'<li class="topic-index__item"><a href="([^"]+)">([^<]+)</a> '
        r'<span class="topic-index__count">([^<]+)</span></li>',
        text,
    )
    return text, items


@pytest.mark.parametrize("lang", INDEX)
def test_the_index_lists_the_topics_with_pages_in_the_language(client, lang):
    text, items = entries(client, lang)
    assert '<html lang="' + lang in text
    names = [(name, count) for _href, name, count in items]
    assert expected(lang)
    assert names == [(name, COUNT[lang][count]) for name, count in expected(lang)]
    for href, _name, _count in items:
        assert client.get(unquote(href)).status_code == 200


def test_a_new_page_moves_its_topic_up_and_into_the_index(client):
    _text, before = entries(client, "fi")
    assert "Valmennus" not in [name for _h, name, _c in before]
    for number in range(2):
        create_page(BlogPostPage, "fi", f"Valmennusta {number}", topics=["coaching"])
    _text, after = entries(client, "fi")
    assert [name for _h, name, _c in after][0] == "Valmennus"
    assert after[0][2] == "2 sivua"


def test_each_topic_page_links_the_index(client):
    text = client.get("/fi/aiheet/asiakaspalvelu/").content.decode()
    assert re.search(r'<p class="eyebrow"><a href="/fi/aiheet/">', text)


def test_the_index_is_in_the_sitemap_with_its_translations(client):
    text = sitemap_text(client, HTTP_HOST="localhost")
    for lang, path in INDEX.items():
        assert unquote(text).count(f"http://localhost{path}<") == 1, lang
