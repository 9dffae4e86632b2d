"""Each topic has a page per language it has a name in, listing that language's pages."""

import html
import re
from urllib.parse import unquote

import pytest
from django.utils.translation import override

from apps.blog.models import BlogPostPage
from apps.taxonomy.models import Topic
from tests.markup import canonical, hreflangs
from tests.seeds import create_page, read_seed, seed, seed_files, seed_page, url_in

pytestmark = pytest.mark.django_db

TOPIC_URLS = {
    ("customer-service", "he"): "/he/נושאים/שירות-לקוחות/",
    ("customer-service", "fa"): "/fa/موضوعات/خدمات-مشتری/",
    ("customer-service", "fi"): "/fi/aiheet/asiakaspalvelu/",
}


def listed(text):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', text)


def test_topic_urls_are_in_the_reader_language():
    topic = Topic.objects.get(key="customer-service")
    for (_key, lang), url in TOPIC_URLS.items():
        assert unquote(topic.url_in(lang)) == url


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_topic_page_lists_only_pages_in_the_current_language(client, lang):
    response = client.get(TOPIC_URLS[("customer-service", lang)])
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    topic = Topic.objects.get(key="customer-service")
    assert f"<h1>{getattr(topic, f'name_{lang}')}</h1>" in text
    expected = [
        data["title"]
        for data in map(read_seed, seed_files())
        if data["language"] == lang and "customer-service" in data.get("topics", [])
    ]
    assert expected
    assert sorted(listed(text)) == sorted(expected)


def test_topic_page_lists_newest_first_and_not_unpublished_or_other_topics(client):
    create_page(BlogPostPage, "fi", "Uusin", topics=["customer-service"])
    create_page(BlogPostPage, "fi", "Luonnos", topics=["customer-service"], live=False)
    create_page(BlogPostPage, "fi", "Muu aihe", topics=["coaching"])
    gone = create_page(BlogPostPage, "fi", "Poistettu", topics=["customer-service"])
    gone.unpublish()
    text = html.unescape(client.get(TOPIC_URLS[("customer-service", "fi")]).content.decode())
    assert listed(text) == ["Uusin", seed("001")["title"]]


def test_topic_without_a_name_in_the_language_has_no_page(client):
    topic = Topic.objects.get(key="coaching")
    fi_url = topic.url_in("fi")
    topic.name_fi = ""
    topic.save()
    assert topic.url_in("fi") is None
    response = client.get(fi_url)
    assert response.status_code == 404
    assert '<html lang="fi"' in response.content.decode()
    assert client.get(topic.url_in("he")).status_code == 200


def test_topic_known_only_in_hebrew_is_404_elsewhere(client):
    topic = Topic(key="hebrew-only", name_he="רק בעברית", slug_he="רק-בעברית")
    topic.save()
    create_page(BlogPostPage, "he", "על נושא בעברית בלבד", topics=["hebrew-only"])
    assert client.get(topic.url_in("he")).status_code == 200
    assert client.get("/fi/aiheet/רק-בעברית/").status_code == 404
    assert client.get("/fa/موضوعات/רק-בעברית/").status_code == 404


def test_slug_of_another_language_is_404(client):
    assert client.get("/fi/aiheet/שירות-לקוחות/").status_code == 404


def test_topic_labels_on_pages_link_to_topic_pages(client):
    data = seed("004")
    text = html.unescape(client.get(url_in(seed_page(data), "he")).content.decode())
    topics = re.search(r'<ul class="topic-list">.*?</ul>', text, re.S).group(0)
    tags = re.findall(r'<a href="([^"]+)" rel="tag">([^<]+)</a>', topics)
    links = {name: unquote(href) for href, name in tags}
    assert links == {
        "שירות לקוחות": "/he/נושאים/שירות-לקוחות/",
        "תלונות": "/he/נושאים/תלונות/",
        "אימון": "/he/נושאים/אימון/",
    }
    for href in links.values():
        assert client.get(href).status_code == 200


def test_topic_page_head_and_switcher_name_only_its_languages(client):
    topic = Topic.objects.get(key="business-strategy")  # pages in Hebrew and Finnish
    topic.name_fa = ""
    topic.save()
    text = client.get(topic.url_in("fi")).content.decode()
    base = "http://testserver"
    assert canonical(text) == base + topic.url_in("fi")
    assert hreflangs(text) == {
        "he": base + topic.url_in("he"),
        "fi": base + topic.url_in("fi"),
        "x-default": base + topic.url_in("he"),
    }
    switcher = re.search(r'<nav class="lang-switcher".*?</nav>', text, re.S).group(0)
    assert 'hreflang="he"' in switcher and 'hreflang="fa"' not in switcher


def test_missing_slug_is_made_from_the_name():
    topic = Topic(key="new", name_fi="Uusi aihe")
    with override("he"):
        topic.full_clean(exclude=["name", "slug", "name_he", "slug_he"])
    assert topic.slug_fi == "uusi-aihe"
