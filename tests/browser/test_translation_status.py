"""The translation workflow in the real admin, in Chromium, in the Hebrew, Persian and Finnish
admin: from the dashboard's "missing Finnish" count to the pages that lack Finnish, then
withdrawing one language of a page and restoring it, as readers see it."""

import html
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import User
from django.utils.encoding import iri_to_uri
from django.utils.translation import override
from wagtail.users.models import UserProfile

from apps.blog.models import BlogPostPage
from tests.seeds import create_page, publish_translation

PASSWORD = "workflow-password-1"  # noqa: S105 - a test account
ADMIN_LANGUAGES = ("he", "fa", "fi")
HEBREW_ONLY = "רק בעברית לדפדפן"
BOTH = "בשתי שפות לדפדפן"
FINNISH = "Kahdella kielellä selaimelle"


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    """An editor per admin language, a Hebrew-only post and a Hebrew and Finnish one."""
    with django_db_blocker.unblock():
        for lang in ADMIN_LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"workflow-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        hebrew = create_page(BlogPostPage, "he", HEBREW_ONLY, slug="rak-beivrit-dafdefan")
        both = create_page(BlogPostPage, "he", BOTH, slug="bishtei-safot-dafdefan")
        both = publish_translation(
            both, title_fi=FINNISH, slug_fi="kahdella-kielella-selaimelle", lead_fi="Johdanto."
        )
        urls = {}
        for lang in ("he", "fi"):
            with override(lang):
                urls[lang] = both.get_url()
        yield {"both": both.pk, "urls": urls}
        BlogPostPage.objects.filter(pk__in=[hebrew.pk, both.pk]).delete()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - test server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def sitemap_text(server_url):
    """Every file the sitemap index (/sitemap.xml) lists, one after the other."""
    index = fetch(server_url + "/sitemap.xml")[1]
    files = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index):
        parts = urllib.parse.urlsplit(html.unescape(loc))
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        files.append(fetch(server_url + path)[1])
    return "\n".join(files)


def reader_sees(server_url, urls):
    """Whether the Finnish version answers, is on the Finnish home and in the sitemap, and
    whether the Hebrew version answers."""
    sitemap = urllib.parse.unquote(sitemap_text(server_url))
    return {
        "fi": fetch(server_url + iri_to_uri(urls["fi"]))[0],
        "fi home": FINNISH in fetch(server_url + "/fi/")[1],
        "fi sitemap": urls["fi"] in sitemap,
        "he": fetch(server_url + iri_to_uri(urls["he"]))[0],
    }


def signed_in(browser, server_url, lang):
    page = browser.new_page()
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"workflow-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


def header_action(page, href_end):
    """Click an action in the page header's "more" menu."""
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator(f"a[href$='{href_end}']").click()


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_missing_finnish_in_one_click_then_withdraw_and_restore(
    browser, server_url, browser_data, lang, artifacts
):
    page = signed_in(browser, server_url, lang)
    assert page.locator("html").get_attribute("lang") == lang
    page.locator("a[href='/admin/translations/?language=fi&state=missing']").click()
    page.wait_for_url("**/admin/translations/?language=fi&state=missing")
    page.screenshot(path=artifacts / f"admin-missing-finnish-{lang}.png", full_page=True)
    table = page.locator("table.listing").inner_text()
    assert HEBREW_ONLY in table
    assert BOTH not in table

    present = {"fi": 200, "fi home": True, "fi sitemap": True, "he": 200}
    assert reader_sees(server_url, browser_data["urls"]) == present
    both = browser_data["both"]
    page.goto(f"{server_url}/admin/pages/{both}/edit/")
    header_action(page, f"/{both}/withdraw/fi/")
    page.wait_for_url(f"**/translations/pages/{both}/withdraw/fi/")
    page.screenshot(path=artifacts / f"admin-withdraw-{lang}.png", full_page=True)
    page.locator("#language-action-form button[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{both}/edit/")
    withdrawn = {"fi": 404, "fi home": False, "fi sitemap": False, "he": 200}
    assert reader_sees(server_url, browser_data["urls"]) == withdrawn

    header_action(page, f"/{both}/restore/fi/")
    page.locator("#language-action-form button[type=submit]").click()
    page.wait_for_url(f"**/admin/pages/{both}/edit/")
    assert reader_sees(server_url, browser_data["urls"]) == present
    page.close()
