"""What a reader sees, in a real browser: direction, language, layout from 320 px."""

import pytest

pytestmark = pytest.mark.browser

EXPECTED_DIRECTION = {"he": "rtl", "fa": "rtl", "fi": "ltr"}


@pytest.mark.parametrize("lang", EXPECTED_DIRECTION)
def test_seed_page_direction_and_screenshot(browser, server_url, seed_urls, artifacts, lang):
    data, path = seed_urls[lang]
    for width in (320, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        response = page.goto(server_url + path)
        assert response.status == 200

        assert page.evaluate("document.documentElement.lang") == lang
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert direction == EXPECTED_DIRECTION[lang]
        assert page.locator("h1").inner_text().strip() == data["title"]
        # Responsive: nothing forces sideways scrolling, even at 320 px.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow}px of horizontal overflow at {width}px"
        # The self-hosted font for the script is the one in use.
        family = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert ("Vazirmatn" if lang == "fa" else "Heebo") in family.split(",")[0]
        page.screenshot(path=str(artifacts / f"seed-{lang}-{width}.png"), full_page=True)
        page.close()


def test_fonts_load_from_this_site_only(browser, server_url, seed_urls):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    _data, path = seed_urls["fa"]
    page.goto(server_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'سلام')")
    assert hosts == {server_url.split("/")[2]}
    page.close()


def test_language_switcher_goes_to_the_other_home_page(browser, server_url):
    page = browser.new_page()
    page.goto(server_url + "/he/")
    page.locator(".lang-switcher a[hreflang=fi]").click()
    page.wait_for_url(server_url + "/fi/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    page.close()
