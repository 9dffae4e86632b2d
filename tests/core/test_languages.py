import html
import io
import re

import pytest
from django.core.management import call_command

from tests.seeds import publish_translation, read_seed, seed, seed_files, seed_page, url_in

pytestmark = pytest.mark.django_db

DIRECTIONS = {"he": "rtl", "fa": "rtl", "fi": "ltr"}


@pytest.mark.parametrize("lang", DIRECTIONS)
def test_html_lang_and_dir_match_the_language(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{DIRECTIONS[lang]}">' in response.content.decode()


@pytest.mark.parametrize("lang", DIRECTIONS)
def test_404_page_speaks_the_language_of_its_url(client, lang):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert f'<html lang="{lang}" dir="{DIRECTIONS[lang]}">' in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("fa-IR,fa;q=0.9,en;q=0.5", "/fa/"),
        ("fi-FI,fi;q=0.9", "/fi/"),
        ("he-IL,he;q=0.9", "/he/"),
        ("de-DE,en;q=0.8", "/he/"),
        ("", "/he/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def _switcher(text):
    nav = re.search(r'<nav class="lang-switcher".*?</nav>', text, re.S).group(0)
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))
    return nav, {lang: url for url, lang in links.items()}


def test_switcher_on_home_links_to_each_language_home(client):
    nav, links = _switcher(client.get("/he/").content.decode())
    assert links == {"fa": "/fa/", "fi": "/fi/"}
    assert 'aria-current="true" lang="he"' in nav


def test_switcher_offers_only_languages_the_page_exists_in(client):
    data = seed("004")
    text = client.get(url_in(seed_page(data), "he")).content.decode()
    # Hebrew only: no other language to offer, and no lone pill for the current one.
    assert 'class="lang-switcher"' not in text


def test_translation_is_linked_and_served_with_its_own_slug(client):
    data = seed("002")
    page = publish_translation(
        seed_page(data),
        title_fi="Asiakkaat – ystäviä vai vihollisia?",
        slug_fi="asiakkaat-ystavia-vai-vihollisia",
        lead_fi="Suomenkielinen johdanto.",
        body_fi=[{"type": "paragraph", "value": "<p>Suomenkielinen teksti.</p>"}],
    )
    fi_url = url_in(page, "fi")
    assert fi_url == "/fi/blogi/asiakkaat-ystavia-vai-vihollisia/"

    _nav, links = _switcher(client.get(url_in(page, "he")).content.decode())
    assert links == {"fi": fi_url}

    finnish = html.unescape(client.get(fi_url).content.decode())
    assert '<html lang="fi" dir="ltr">' in finnish
    assert "<h1>Asiakkaat – ystäviä vai vihollisia?</h1>" in finnish
    assert "Suomenkielinen teksti." in finnish
    assert data["title"] not in finnish
    _nav, back = _switcher(finnish)
    assert back == {"he": url_in(page, "he")}
    assert client.get(url_in(page, "fa")).status_code == 404


def test_title_only_translation_never_shows_hebrew_body(client):
    """A page with a Persian title but no Persian body must not fill in Hebrew text."""
    data = seed("004")
    page = publish_translation(
        seed_page(data), title_fa="همیشه حق با مشتری است", slug_fa="همیشه-حق-با-مشتری"
    )
    text = html.unescape(client.get(url_in(page, "fa")).content.decode())
    assert "<h1>همیشه حق با مشتری است</h1>" in text
    assert data["lead"][:40] not in text
    assert re.search(r"[\u05d0-\u05ea]{4,}", re.sub(r"<nav.*?</nav>", "", text, flags=re.S)) is None


@pytest.mark.parametrize("lang", DIRECTIONS)
def test_listings_show_only_pages_in_the_reader_language(client, lang):
    text = html.unescape(client.get(f"/{lang}/").content.decode())
    for path in seed_files():
        data = read_seed(path)
        if data["language"] == lang:
            assert data["title"] in text
        else:
            assert data["title"] not in text


@pytest.mark.django_db
def test_update_translation_fields_again_gives_no_page_a_new_language():
    """A deployment runs update_translation_fields after every migrate; with content in the
    database it must not copy Persian or Finnish text into the empty Hebrew fields."""
    from apps.taxonomy.models import Topic
    from tests.seeds import read_seed, seed_files, seed_page

    pages = [seed_page(read_seed(path)) for path in seed_files()]
    before = {page.pk: page.languages for page in pages}
    topics_before = {t.pk: (t.name_he, t.name_fa, t.name_fi) for t in Topic.objects.all()}
    assert any(langs == ["fa"] for langs in before.values())

    call_command("update_translation_fields", stdout=io.StringIO())
    call_command("set_translation_url_paths", stdout=io.StringIO())

    after = {page.pk: type(page).objects.get(pk=page.pk).languages for page in pages}
    assert after == before
    assert {t.pk: (t.name_he, t.name_fa, t.name_fi) for t in Topic.objects.all()} == topics_before
    persian = next(page for page in pages if before[page.pk] == ["fa"])
    fresh = type(persian).objects.get(pk=persian.pk)
    assert not fresh.lead_he and not fresh.title_he
