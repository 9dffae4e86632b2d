"""Searching from the header box in a real browser, at phone width, in each direction."""

import pytest

pytestmark = pytest.mark.browser

CASES = [
    ("fa", "مشتريان", "rtl", "<mark>مشتریان</mark>"),
    ("he", "ללקוחות", "rtl", "<mark>"),
    ("fi", "asiakkaille", "ltr", "<mark>"),
]


@pytest.mark.parametrize(("lang", "query", "direction", "marked"), CASES)
def test_header_search_box_works_without_javascript(
    browser, server_url, artifacts, lang, query, direction, marked
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(f"{server_url}/{lang}/")
    box = page.locator(".site-header form[role=search] input[type=search]")
    assert box.get_attribute("name") == "q"
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(f"{server_url}/{lang}/search/?q=*")

    assert page.locator("h1").count() == 1
    results = page.locator(".search-result")
    assert results.count() >= 1
    assert marked in results.first.inner_html()
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px of horizontal overflow at 320px"
    page.screenshot(path=str(artifacts / f"search-{lang}-320.png"), full_page=True)
    context.close()


def test_search_box_shows_focus(browser, server_url, artifacts):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server_url}/he/search/?q=" + "שירות הלקוחות")
    # The page's own box: the search page has no second one in its header.
    page.locator("input[type=search]").focus()
    outline = page.evaluate(
        "getComputedStyle(document.querySelector('input[type=search]')).outlineStyle"
    )
    assert outline == "solid"
    page.screenshot(path=str(artifacts / "search-he-1280.png"))
    page.close()
