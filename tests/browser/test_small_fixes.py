"""The smaller reader-facing fixes of issue 18, in Chromium in each language: one site name
(header, home heading, tab title), one search box on the search page, no lone language pill, a
length counter beside the comment box, the gershayim in דוא״ל, and one centred column at 1280 px
on pages without a table of contents."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGS = ["he", "fa", "fi"]
SEARCH = {"he": "/he/search/", "fa": "/fa/search/", "fi": "/fi/search/"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_name_is_one_and_said_once(browser, server_url, seed_urls, lang):
    page = browser.new_page()
    page.goto(f"{server_url}/{lang}/")
    brand = page.locator(".brand").inner_text().strip()
    assert page.locator("h1").inner_text().strip() == brand
    assert page.title().count(brand) == 1
    page.goto(server_url + seed_urls[lang][1])
    assert page.title().count(brand) == 1
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_page_has_one_search_box(browser, server_url, lang):
    page = browser.new_page()
    page.goto(f"{server_url}{SEARCH[lang]}?q=x")
    assert page.locator("input[type=search]").count() == 1
    page.goto(f"{server_url}/{lang}/")
    assert page.locator("input[type=search]").count() == 1  # the header's, elsewhere
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_no_lone_language_pill(browser, server_url, seed_urls, lang):
    page = browser.new_page()
    page.goto(server_url + seed_urls[lang][1])  # each seed page exists in one language
    assert page.locator(".lang-switcher").count() == 0
    page.goto(f"{server_url}/{lang}/")
    assert page.locator(".lang-switcher li").count() == 3
    page.close()


DIGITS = {"he": "12", "fa": "۱۲", "fi": "12"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_comment_box_counts_its_characters(browser, server_url, seed_urls, lang):
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(server_url + seed_urls[lang][1])
    counter = page.locator("#id_body_count")
    assert "aria-describedby" in page.locator("#id_body").evaluate("e => e.outerHTML")
    assert "id_body_count" in page.locator("#id_body").get_attribute("aria-describedby")
    page.fill("#id_body", "x" * 12)
    expect(counter).to_contain_text(DIGITS[lang])
    assert "field__count--over" not in (counter.get_attribute("class") or "")
    page.fill("#id_body", "x" * 5001)
    expect(counter).to_have_class(re.compile("field__count--over"))
    page.close()


def test_the_counter_states_the_limit_without_javascript(browser, server_url, seed_urls):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server_url + seed_urls["fa"][1])
    assert "۵۰۰۰" in page.locator("#id_body_count").inner_text()
    context.close()


def test_the_email_error_writes_gershayim(browser, server_url, seed_urls):
    page = browser.new_page()
    page.goto(server_url + seed_urls["he"][1])
    page.fill("#id_name", "רחל")
    page.fill("#id_email", "not-an-address")
    page.fill("#id_body", "תגובה")
    page.click("#respond button[type=submit]")
    error = page.locator("#id_email_error").inner_text()
    assert "דוא״ל" in error and '"' not in error
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_one_column_pages_are_centred_at_1280(browser, server_url, seed_urls, lang, artifacts):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    checked = 0
    for path in (seed_urls[lang][1], f"{SEARCH[lang]}?q=x", f"/{lang}/no-such-page/"):
        page.goto(server_url + path)
        if page.locator(".toc").count():
            continue
        box = page.locator("main").bounding_box()
        text = page.locator("main p").first.bounding_box()
        assert abs(box["x"] - (1280 - box["x"] - box["width"])) < 2, path
        # The text fills the centred column: no blank column beside it.
        assert text["width"] > box["width"] * 0.9, path
        checked += 1
    page.goto(server_url + seed_urls[lang][1])
    page.screenshot(path=str(artifacts / f"reading-column-{lang}-1280.png"))
    page.close()
    assert checked >= 2
