"""No empty rooms, as a reader finds them in Chromium: in each language, every section the menu
offers and every "all …" link on the home page leads to pages to read."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_every_room_the_menu_and_home_offer_has_pages(browser, server_url, lang, width, artifacts):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{server_url}/{lang}/")
    assert page.locator(".empty").count() == 0
    assert page.locator(".home-section").count() >= 1
    for section in page.locator(".home-section").all():
        assert section.locator(".card").count() >= 1
    page.screenshot(path=str(artifacts / f"home-rooms-{lang}-{width}.png"), full_page=True)
    links = page.locator(".main-nav a, .home-section .more a")
    targets = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert targets
    for href in targets:
        response = page.goto(server_url + href)
        assert response.status == 200, href
        assert page.locator(".empty").count() == 0, href
        assert page.locator(".card").count() >= 1, href
    page.close()
