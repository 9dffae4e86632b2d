"""`make run`'s settings (config.settings.dev) in Chromium: the site's own 404 page in each
language, styled and as wide as the phone, never Django's debug page unless DJANGO_DEBUG=1;
and /favicon.ico answers."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.browser.conftest import _database_url
from tests.live_server import running_server

pytestmark = pytest.mark.browser

DIRECTION = {"he": "rtl", "fa": "rtl", "fi": "ltr"}


@pytest.fixture(scope="module")
def dev_url(django_db_setup, django_db_blocker):
    """The seeded test database served with make run's settings and no DJANGO_DEBUG."""
    with django_db_blocker.unblock():
        url = _database_url()
    saved = os.environ.pop("DJANGO_DEBUG", None)
    try:
        env = {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        with running_server(env, timeout=30) as base:
            yield base
    finally:
        if saved is not None:
            os.environ["DJANGO_DEBUG"] = saved


def _debug(value):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    if value is not None:
        env["DJANGO_DEBUG"] = value
    code = "from config.settings import dev; print(dev.DEBUG)"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_debug_pages_are_opt_in():
    assert _debug(None) == "False"
    assert _debug("1") == "True"


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_make_run_shows_the_sites_own_404(browser, dev_url, artifacts, lang):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    response = page.goto(f"{dev_url}/{lang}/no-such-page/")
    assert response.status == 404
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, DIRECTION[lang])
    text = page.locator("body").inner_text()
    assert "URLconf" not in text and "DEBUG = True" not in text
    assert page.locator(".site-header").count() == 1  # the site's page, with its stylesheet
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artifacts / f"dev-404-{lang}.png"))
    page.close()


def test_favicon_ico_is_an_icon(browser, dev_url, server_url):
    page = browser.new_page()
    for base in (dev_url, server_url):
        response = page.request.get(f"{base}/favicon.ico")
        assert response.status == 200
        assert response.headers["content-type"] == "image/x-icon"
        assert response.body()[:4] == b"\x00\x00\x01\x00"  # the ICO signature
    page.close()
