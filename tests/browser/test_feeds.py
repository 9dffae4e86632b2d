"""Feeds as a feed reader finds them from a page in Chromium: the page's head links its
language's feeds, and they carry every content type the language has."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_feeds_a_page_links_list_what_its_language_has(browser, server_url, lang):
    page = browser.new_page()
    page.goto(f"{server_url}/{lang}/")
    cards = page.locator(".home-section .card__title a")
    home_titles = {cards.nth(i).inner_text().strip() for i in range(cards.count())}
    assert home_titles
    rss = page.locator('link[rel=alternate][type="application/rss+xml"]').get_attribute("href")
    atom = page.locator('link[rel=alternate][type="application/atom+xml"]').get_attribute("href")
    rss_root = ET.fromstring(page.request.get(server_url + rss).body())  # noqa: S314
    atom_root = ET.fromstring(page.request.get(server_url + atom).body())  # noqa: S314
    page.close()
    rss_titles = {item.findtext("title") for item in rss_root.iter("item")}
    atom_titles = {entry.findtext(f"{ATOM}title") for entry in atom_root.iter(f"{ATOM}entry")}
    # Every post, article and question the home page shows is in both feeds.
    assert home_titles <= rss_titles
    assert home_titles <= atom_titles
