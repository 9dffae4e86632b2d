"""A reader answers "was this helpful?" without JavaScript, in each language; readers search; an
editor reads both reports in the Hebrew, Persian and Finnish admin and starts a missing page."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.users.models import UserProfile

from apps.feedback.models import Vote
from apps.search.models import LoggedSearch, OpenedResult
from tests.browser.test_page_types import AXE

pytestmark = pytest.mark.browser

PASSWORD = "report-password-1"  # noqa: S105 - a test account
LANGUAGES = ("he", "fa", "fi")
REASON_TEXT = {"he": "חסר מחיר 050-1234567", "fa": "قیمت نیامده بود", "fi": "Hinta puuttui"}
# What a reader searches for in each language: one that finds pages, one that finds nothing.
SEARCHES = {"he": ("הלקוחות", "מזגן שבור"), "fa": ("مشتریان", "یخچال خراب"),
            "fi": ("asiakkaille", "jääkaappi rikki")}  # fmt: skip
# The reports' own words, which must not be left in English in the he/fa/fi admin.
ENGLISH = ("What readers search for", "Results opened", "Missing page", "Start a page",
           "Was this helpful?", "Trend (30 days)", "Reasons")  # fmt: skip


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    with django_db_blocker.unblock():
        # The reports count this module's votes and searches only: other browser modules run
        # earlier on the same database (pytest-xdist) may have left theirs, e.g. test_search.py's
        # "ללקוחות", the same need as "הלקוחות", which the report would show as its example.
        for model in (Vote, LoggedSearch, OpenedResult):
            model.objects.all().delete()
        for lang in LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"report-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
    yield
    with django_db_blocker.unblock():
        for model in (Vote, LoggedSearch, OpenedResult):
            model.objects.all().delete()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_no_with_its_reason_without_javascript(browser, server_url, seed_urls, artifacts, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    path = seed_urls[lang][1]
    page.goto(server_url + path)
    section = page.locator("#helpful")
    assert section.locator(".helpful__done").first.is_hidden()
    section.locator("summary").click()
    section.locator("input[name=reason]").first.check()
    section.locator("textarea[name=text]").fill(REASON_TEXT[lang])
    section.locator("button[value=no]").click()
    page.wait_for_url(re.compile(r"#helpful-thanks$"))

    assert page.url.split("#")[0] == server_url + path  # the page's own address, reloadable
    assert page.locator("#helpful-thanks").is_visible()
    assert page.locator("#helpful .helpful__form").is_hidden()
    assert context.cookies() == []
    page.screenshot(path=str(artifacts / f"helpful-{lang}-375.png"), full_page=False)
    # The same reader again today: counted once, and told so.
    page.goto(server_url + path)
    page.locator("#helpful button[value=yes]").click()
    page.wait_for_url(re.compile(r"#helpful-counted$"))
    assert page.locator("#helpful-counted").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_form_has_no_accessibility_violations(browser, server_url, seed_urls, scheme):
    page = browser.new_page(color_scheme=scheme, bypass_csp=True)
    page.goto(server_url + seed_urls["fa"][1])
    page.locator("#helpful summary").click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run('#helpful', {resultTypes: ['violations']})")
    page.close()
    assert [v["id"] for v in result["violations"]] == []


def signed_in(browser, server_url, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"report-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_report_after_a_few_searches(browser, server_url, artifacts, lang):
    found, missing = SEARCHES[lang]
    reader = browser.new_page()
    for query in (missing, found):
        reader.goto(f"{server_url}/{lang}/search/?q={query}")
    reader.locator(".search-result__title a").first.click()  # opened, through the redirect
    reader.wait_for_load_state()
    assert "/search/" not in reader.url
    reader.close()

    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/reports/searches/?language={lang}")
    table = page.locator("table.listing")
    assert table.get_by_text(found).count() == 1 and table.get_by_text(missing).count() == 1
    assert page.locator("html").get_attribute("lang") == lang
    text = page.locator("main").inner_text()
    assert [word for word in ENGLISH if word in text] == []
    page.screenshot(path=str(artifacts / f"admin-search-report-{lang}.png"), full_page=True)

    page.goto(f"{server_url}/admin/reports/helpful/?language={lang}")
    assert page.locator("table.listing tbody tr").count() == 1
    assert [word for word in ENGLISH if word in page.locator("main").inner_text()] == []
    page.screenshot(path=str(artifacts / f"admin-helpful-report-{lang}.png"), full_page=True)

    # The missing page, started from the report: its title is there, in its language's field.
    page.goto(f"{server_url}/admin/reports/searches/?language={lang}&show=missing")
    page.locator("table.listing a[href*='/pages/add/']").first.click()
    page.wait_for_load_state()
    assert page.locator(f"#id_title_{lang}").input_value() == missing
    page.close()
