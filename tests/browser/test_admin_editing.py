"""Editors in the real Wagtail admin, in Chromium, in the Hebrew, Persian and Finnish admin."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import User
from django.utils.translation import override
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage
from tests.browser.conftest import ARTIFACTS

PASSWORD = "editor-password-1"  # noqa: S105 - a test account
ADMIN_LANGUAGES = ("he", "fa", "fi")


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    """An editor per admin language, and the pages the tests open."""
    with django_db_blocker.unblock():
        for lang in ADMIN_LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"editor-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        post = BlogPostPage.objects.get(slug_he="הלקוח-תמיד-צודק")
        blog = BlogIndexPage.objects.get()
        with override("fi"):
            finnish = BlogPostPage(
                title_fi="Esikatselu suomeksi",
                slug_fi="esikatselu-suomeksi",
                lead_fi="Johdanto vain suomeksi.",
            )
            blog.add_child(instance=finnish)
            finnish.save_revision().publish()
        yield {"blog": blog.pk, "post": post.pk, "finnish": finnish.pk}
        BlogPostPage.objects.filter(title_fi__startswith="Autotallennus").delete()
        BlogPostPage.objects.filter(pk=finnish.pk).delete()


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - test server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def signed_in(browser, server_url, lang):
    page = browser.new_page()
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"editor-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_a_finnish_post_written_with_autosave_stays_finnish(
    browser, server_url, browser_data, lang, artifacts
):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/pages/add/blog/blogpostpage/{browser_data['blog']}/")
    assert page.locator("html").get_attribute("lang") == lang
    title = f"Autotallennus {lang} reklamaatio"
    show_languages(page, "fi")
    # Wagtail notes the form's initial state two seconds after loading; edits count from then.
    page.wait_for_timeout(2500)
    page.locator("input[name=title_fi]").press_sequentially(title)
    page.locator("textarea[name=lead_fi]").press_sequentially("Johdanto suomeksi.")
    page.keyboard.press("Tab")
    # Wagtail's autosave creates the page and turns the form into its edit form.
    page.wait_for_url("**/edit/**", timeout=20000)
    page.screenshot(path=artifacts / f"admin-autosave-{lang}.png", full_page=True)
    publish(page)
    try:
        page.wait_for_url(f"{server_url}/admin/pages/{browser_data['blog']}/**")
    finally:
        page.screenshot(path=artifacts / f"admin-published-{lang}.png", full_page=True)

    slug = f"autotallennus-{lang}-reklamaatio"
    assert status(f"{server_url}/fi/blogi/{slug}/") == 200
    for other, section in (("he", "בלוג"), ("fa", "وبلاگ")):
        quoted = urllib.parse.quote(f"/{other}/{section}/{slug}/")
        assert status(server_url + quoted) == 404, other
    page.close()


def show_languages(page, *langs):
    """Open wagtail-modeltranslation's language picker for `langs` (it hides each language's
    fields until asked)."""
    for lang in langs:
        toggle = page.locator("button.locale-toggle", has_text=lang)
        if "showing-locale" not in (toggle.get_attribute("class") or ""):
            toggle.click()


def publish(page):
    """Publish from the editor's action menu (under the arrow beside "Save draft")."""
    page.locator(".w-dropdown-button [data-w-dropdown-target=toggle]").click()
    page.locator("button[name=action-publish]").click()


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_each_language_field_has_its_lang_and_dir(browser, server_url, browser_data, lang):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/pages/{browser_data['post']}/edit/")
    show_languages(page, *ADMIN_LANGUAGES)
    for field_lang, field_dir in (("he", "rtl"), ("fa", "rtl"), ("fi", "ltr")):
        for selector in (f"input[name=title_{field_lang}]", f"textarea[name=lead_{field_lang}]"):
            field = page.locator(selector)
            assert field.get_attribute("lang") == field_lang, selector
            assert field.get_attribute("dir") == field_dir, selector
            assert field.evaluate("e => getComputedStyle(e).direction") == field_dir
        # Blocks (quotes, FAQ questions) are drawn by JavaScript inside the language's wrapper.
        body = page.locator(f"input[name=body_{field_lang}-count]")
        assert body.evaluate("e => e.closest('[lang]').lang") == field_lang
        assert body.evaluate("e => getComputedStyle(e.parentElement).direction") == field_dir
    # The Hebrew post's quote and FAQ inputs, in any admin, read right to left.
    block_inputs = page.locator("div[lang=he] [data-contentpath] input[type=text]").all()
    assert block_inputs  # the seed post has a quote and FAQ questions
    for block_input in block_inputs:
        assert block_input.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.close()


def preview_frame(page):
    """Open the editor's preview panel; the frame once it shows a page."""
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("main").wait_for(timeout=20000)
    return frame


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_preview_panel_shows_a_finnish_only_page_in_finnish(
    browser, server_url, browser_data, lang, artifacts
):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/pages/{browser_data['finnish']}/edit/")
    frame = preview_frame(page)
    html = frame.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fi", "ltr")
    assert frame.locator("h1").inner_text() == "Esikatselu suomeksi"
    assert "Johdanto vain suomeksi." in frame.locator("main").inner_text()
    page.screenshot(path=artifacts / f"admin-preview-fi-in-{lang}-admin.png")
    page.close()


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_preview_of_a_persian_translation_being_typed(browser, server_url, browser_data, lang):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/pages/{browser_data['post']}/edit/")
    show_languages(page, "fa")
    page.wait_for_timeout(2500)  # see test_a_finnish_post_written_with_autosave_stays_finnish
    # The Persian preview first, then the typing: the panel follows what is typed in the mode
    # it shows (picking the mode while a refresh for the typing is pending can be lost).
    frame = preview_frame(page)
    page.select_option("#id_preview_mode", "fa")
    frame.locator("html[lang=fa]").wait_for(state="attached", timeout=20000)
    # (Autosave keeps what an earlier admin language typed as a draft; type it afresh.)
    for selector, text in (
        ("input[name=title_fa]", "پیش‌نمایش فارسی"),
        ("textarea[name=lead_fa]", "مقدمه فارسی."),
    ):
        page.fill(selector, "")
        page.locator(selector).press_sequentially(text)
    try:
        frame.locator("h1", has_text="پیش‌نمایش فارسی").wait_for(timeout=20000)
    finally:
        page.screenshot(path=ARTIFACTS / f"admin-preview-fa-in-{lang}-admin.png")
    assert frame.locator("html").get_attribute("dir") == "rtl"
    assert frame.locator("h1").inner_text() == "پیش‌نمایش فارسی"
    assert "مقدمه فارسی." in frame.locator("main").inner_text()
    # Previewing did not save the translation, and the live page is still Hebrew only.
    assert status(server_url + urllib.parse.quote("/fa/وبلاگ/پیش‌نمایش-فارسی/")) == 404
    page.close()
