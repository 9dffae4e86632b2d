import html
import re

import pytest

from tests.seeds import LANGUAGES, read_seed, sample_text, seed, seed_files, seed_page, url_in

pytestmark = pytest.mark.django_db

SEEDS = seed_files()


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_page_renders_in_its_language(client, path):
    data = read_seed(path)
    page = seed_page(data)
    lang = data["language"]
    url = url_in(page, lang)
    assert url.startswith(f"/{lang}/")

    response = client.get(url)

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert f"<h1>{data['title']}</h1>" in text
    assert sample_text(data) in text
    assert f'<html lang="{lang}"' in text


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_page_is_404_in_the_other_languages(client, path):
    data = read_seed(path)
    page = seed_page(data)
    for other in LANGUAGES:
        if other == data["language"]:
            continue
        url = url_in(page, other)
        assert url.startswith(f"/{other}/")
        response = client.get(url)
        assert response.status_code == 404, url
        body = html.unescape(response.content.decode())
        assert data["title"] not in body
        assert sample_text(data) not in body
        assert f'<html lang="{other}"' in body


def test_seed_page_slug_from_another_language_tree_is_404(client):
    """The Finnish Q&A page's Finnish path under /he/ does not exist."""
    data = seed("001")
    page = seed_page(data)
    fi_url = url_in(page, "fi")
    assert client.get(fi_url).status_code == 200
    assert client.get(fi_url.replace("/fi/", "/he/", 1)).status_code == 404


def test_scrape_chrome_is_not_content(client):
    chrome = ["`html", "מאמרים נוספים", "השאר תגובה", "Sähköpostiosoitettasi", "درصد مطالعه مقاله"]
    for path in SEEDS:
        data = read_seed(path)
        text = client.get(url_in(seed_page(data), data["language"])).content.decode()
        # The site's own comment form may say such things; the page's content must not.
        article = text[text.index("<main") : text.index('id="comments"')]
        # Reading text, not markup: the UI's own labels (data-reading-progress) sit in attributes.
        article = re.sub(r"<[^>]*>", " ", article)
        for fragment in chrome:
            assert fragment not in article, (path.name, fragment)


def test_faq_section_of_seed_000(client):
    data = seed("000")
    faq = next(block["faq"] for block in data["body"] if "faq" in block)
    text = html.unescape(client.get(url_in(seed_page(data), "he")).content.decode())
    assert 'class="faq"' in text
    for item in faq["items"]:
        assert item["question"] in text


def test_question_page_shows_best_answer_first_and_marked(client):
    data = seed("001")
    text = html.unescape(client.get(url_in(seed_page(data), "fi")).content.decode())
    best = next(a for a in data["answers"] if a["best"])
    other = next(a for a in data["answers"] if not a["best"])
    assert "answer--best" in text
    assert text.index(best["body"][0][:50]) < text.index(other["body"][0][:50])
    assert "”asiakas on aina oikeassa”" in text  # the repaired title


def test_post_has_author_box_and_localized_date(client):
    data = seed("004")
    page = seed_page(data)
    text = html.unescape(client.get(url_in(page, "he")).content.decode())
    assert 'class="author-box"' in text
    assert "MCI/EMCI" in text
    shown = re.search(r"<time datetime=\"([^\"]+)\">([^<]+)</time>", text)
    assert shown, "the post shows its publication date"
    assert shown.group(1).startswith(str(page.first_published_at.year))
    # Localized: the month is a Hebrew word, not a number or an English name.
    assert re.search(r"[\u05d0-\u05ea]{3,}", shown.group(2)), shown.group(2)
    assert str(page.first_published_at.year) in shown.group(2)


def test_finnish_date_uses_finnish_month_names(client):
    data = seed("001")
    page = seed_page(data)
    text = client.get(url_in(page, "fi")).content.decode()
    shown = re.search(r"<time datetime=\"[^\"]+\">([^<]+)</time>", text).group(1)
    finnish_months = (
        "tammi",
        "helmi",
        "maalis",
        "huhti",
        "touko",
        "kesä",
        "heinä",
        "elo",
        "syys",
        "loka",
        "marras",
        "joulu",
    )
    assert any(month in shown for month in finnish_months), shown


def test_missing_translation_404_offers_the_languages_the_page_exists_in(client):
    data = seed("003")
    page = seed_page(data)
    response = client.get(url_in(page, "fi"))
    assert response.status_code == 404
    text = html.unescape(response.content.decode())
    fa_url = url_in(page, "fa")
    assert f'<a href="{fa_url}" hreflang="fa"' in text
    assert 'hreflang="he"' not in text.split('class="error-page"')[1]
