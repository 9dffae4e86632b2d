"""Canonical and hreflang tags name only the languages a page really exists in."""

import pytest

from tests.markup import canonical, head, hreflangs
from tests.seeds import publish_translation, seed, seed_page, url_in

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def absolute(page, lang):
    return BASE + url_in(page, lang)


def test_finnish_only_page_names_only_finnish_and_x_default(client):
    page = seed_page(seed("001"))
    text = client.get(url_in(page, "fi")).content.decode()
    assert canonical(text) == absolute(page, "fi")
    assert hreflangs(text) == {"fi": absolute(page, "fi"), "x-default": absolute(page, "fi")}


def test_translated_page_names_both_and_x_default_is_hebrew(client):
    page = publish_translation(
        seed_page(seed("002")),
        title_fi="Asiakkaat – ystäviä vai vihollisia?",
        slug_fi="asiakkaat-ystavia-vai-vihollisia",
        body_fi=[{"type": "paragraph", "value": "<p>Suomeksi.</p>"}],
    )
    expected = {
        "he": absolute(page, "he"),
        "fi": absolute(page, "fi"),
        "x-default": absolute(page, "he"),
    }
    for lang in ("he", "fi"):
        text = client.get(url_in(page, lang)).content.decode()
        assert hreflangs(text) == expected
        assert canonical(text) == absolute(page, lang)


def test_x_default_without_hebrew_is_the_first_existing_language(client):
    page = publish_translation(
        seed_page(seed("003")),  # fa
        title_fi="Onko asiakas aina oikeassa?",
        slug_fi="onko-asiakas-aina-oikeassa",
        body_fi=[{"type": "paragraph", "value": "<p>Suomeksi.</p>"}],
    )
    text = client.get(url_in(page, "fi")).content.decode()
    assert hreflangs(text) == {
        "fa": absolute(page, "fa"),
        "fi": absolute(page, "fi"),
        "x-default": absolute(page, "fa"),
    }


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_home_and_sections_exist_in_every_language(client, lang):
    text = client.get(f"/{lang}/").content.decode()
    assert canonical(text) == f"{BASE}/{lang}/"
    assert hreflangs(text) == {
        "he": f"{BASE}/he/",
        "fa": f"{BASE}/fa/",
        "fi": f"{BASE}/fi/",
        "x-default": f"{BASE}/he/",
    }
    # The blog has posts in Hebrew only: no alternates to its empty translations.
    blog = client.get("/he/בלוג/").content.decode()
    assert set(hreflangs(blog)) == {"he", "x-default"}


def test_404_has_no_canonical_or_hreflang(client):
    text = client.get("/he/no-such-page/").content.decode()
    assert canonical(text) is None
    assert hreflangs(text) == {}


@pytest.mark.parametrize("url", ["/he/", "/fa/", "/fi/kysymykset/", "/he/no-such-page/"], ids=str)
def test_every_page_links_its_language_feeds(client, url):
    text = head(client.get(url).content.decode())
    lang = url.split("/")[1]
    assert f'<link rel="alternate" type="application/rss+xml" href="/{lang}/feed/rss/"' in text
    assert f'<link rel="alternate" type="application/atom+xml" href="/{lang}/feed/atom/"' in text


def test_content_page_links_its_language_feeds(client):
    data = seed("003")
    text = head(client.get(url_in(seed_page(data), "fa")).content.decode())
    assert 'type="application/rss+xml" href="/fa/feed/rss/"' in text
