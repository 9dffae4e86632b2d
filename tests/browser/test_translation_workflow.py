"""The translator's day in the real admin, in Chromium, in the Hebrew, Persian and Finnish
admin (issue 17): translate a Hebrew page into Persian side by side from the page editor and
publish; edit the Hebrew source and see the Persian flagged outdated with what changed; mark
it up to date."""

import urllib.parse

import pytest
from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage
from tests.browser.test_admin_editing import (
    ADMIN_LANGUAGES,
    publish,
    show_languages,
    signed_in,
    status,
)
from tests.browser.test_admin_editing import browser_data as editors  # noqa: F401

FAQ = {
    "heading": "שאלות",
    "items": [{"type": "item", "value": {"question": "למה לתרגם?", "answer": ""}, "id": "i-1"}],
}


def hebrew_body(lang):
    return [
        {"type": "heading", "value": {"text": "כותרת המדריך", "level": "h2"}, "id": f"h-{lang}"},
        {"type": "paragraph", "value": "<p>הלקוח תמיד צודק.</p>", "id": f"p-{lang}"},
        {"type": "faq", "value": FAQ, "id": f"f-{lang}"},
    ]


@pytest.fixture(scope="module")
def browser_data(django_db_blocker, editors):  # noqa: F811
    """The editors of tests/browser/test_admin_editing.py, and a Hebrew post per admin language."""
    pages = {}
    with django_db_blocker.unblock():
        blog = BlogIndexPage.objects.get()
        for lang in ADMIN_LANGUAGES:
            page = BlogPostPage(
                title_he=f"מדריך תרגום {lang}",
                slug_he=f"מדריך-תרגום-{lang}",
                lead_he="פתיח המדריך.",
                body_he=hebrew_body(lang),
            )
            with override("he"):
                blog.add_child(instance=page)
                page.save_revision().publish()
            pages[lang] = page.pk
    yield {**editors, "translate": pages}
    with django_db_blocker.unblock():
        BlogPostPage.objects.filter(pk__in=pages.values()).delete()


def _fill_side_by_side(page, lang):
    """Start from the source and write the Persian text into each target field."""
    page.locator("[data-start-from-source]").click()
    page.wait_for_url("**?start=1")
    page.fill("input[name=title_fa]", f"راهنمای ترجمه {lang}")
    page.fill("textarea[name=lead_fa]", "مقدمه راهنما.")
    page.fill("input[name=body-0-text]", "عنوان راهنما")
    paragraph = page.locator("[data-target] [contenteditable=true]").first
    paragraph.click()
    paragraph.press_sequentially("مشتری همیشه حق دارد.")
    # Draftail writes what was typed into its hidden input a moment later: wait for it, or the
    # form may be sent without the paragraph.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-target] input[type=hidden]')]"
        ".some(input => input.value.includes('مشتری'))"
    )
    page.fill("input[name=body-2-heading]", "پرسش‌ها")
    page.fill("input[name=body-2-items-0-question]", "چرا ترجمه کنیم؟")


def _publish_a_hebrew_change(page, server_url, pk, blog):
    """The Hebrew source changes in the page editor and is published."""
    page.goto(f"{server_url}/admin/pages/{pk}/edit/")
    show_languages(page, "he", "fa")
    page.wait_for_timeout(2500)  # Wagtail notes the form's initial state first
    page.fill("textarea[name=lead_he]", "פתיח המדריך החדש.")
    publish(page)
    page.wait_for_url(f"{server_url}/admin/pages/{blog}/**")


def _outdated_persian_in_one_click(page, server_url, pk, screenshot):
    """"Which Persian pages are out of date?": one click on the dashboard lists this one."""
    page.goto(f"{server_url}/admin/")
    page.locator("a[href='/admin/translations/?language=fa&state=outdated']").click()
    page.wait_for_url("**/admin/translations/?language=fa&state=outdated")
    row = page.locator("table.listing tbody tr", has=page.locator(f"a[href$='/pages/{pk}/edit/']"))
    assert row.count() == 1
    page.screenshot(path=screenshot, full_page=True)


@pytest.mark.parametrize("lang", ADMIN_LANGUAGES)
def test_translate_side_by_side_then_see_the_source_change(
    browser, server_url, browser_data, lang, artifacts
):
    pk = browser_data["translate"][lang]
    page = signed_in(browser, server_url, lang)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server_url}/admin/pages/{pk}/edit/")
    # From the page editor's header menu to the side-by-side view.
    page.locator("#w-slim-header-buttons [data-w-dropdown-target=toggle]").click()
    page.locator(f"a[href='/admin/translations/{pk}/fa/']").click()
    page.wait_for_url(f"**/admin/translations/{pk}/fa/")
    assert page.locator("html").get_attribute("lang") == lang
    _fill_side_by_side(page, lang)
    source = page.locator("[data-source] [lang=he]").first
    assert source.evaluate("e => getComputedStyle(e).direction") == "rtl"
    for name in ("title_fa", "body-0-text", "body-2-items-0-question"):
        field = page.locator(f"input[name='{name}']")
        assert (field.get_attribute("lang"), field.get_attribute("dir")) == ("fa", "rtl")
    page.screenshot(path=artifacts / f"admin-side-by-side-{lang}.png", full_page=True)
    # The form posts to its own address with ?start=1 and is redirected to the plain one.
    with page.expect_navigation(url=f"**/admin/translations/{pk}/fa/"):
        page.locator("button[name=action-publish]").click()
    slug = urllib.parse.quote(f"راهنمای-ترجمه-{lang}")
    assert status(f"{server_url}/fa/{urllib.parse.quote('وبلاگ')}/{slug}/") == 200

    _publish_a_hebrew_change(page, server_url, pk, browser_data["blog"])

    shot = artifacts / f"admin-outdated-fa-{lang}.png"
    _outdated_persian_in_one_click(page, server_url, pk, shot)

    # The Persian fields say so in the editor, and the side-by-side view shows what changed.
    page.goto(f"{server_url}/admin/pages/{pk}/edit/")
    show_languages(page, "fa")
    note = page.locator("textarea[name=lead_fa]").locator("xpath=../following-sibling::*[1]")
    assert note.get_attribute("data-outdated-note") is not None
    note.locator("a").click()
    page.wait_for_url(f"**/admin/translations/{pk}/fa/#outdated")
    changes = page.locator("[data-changes]")
    assert changes.locator("ins").inner_text().strip() == "החדש"
    assert changes.locator("del").count() == 0
    assert changes.locator(".mishov-diff").get_attribute("dir") == "rtl"
    page.screenshot(path=artifacts / f"admin-outdated-diff-{lang}.png", full_page=True)

    page.locator("[data-mark-up-to-date]").click()
    page.wait_for_url(f"**/admin/translations/{pk}/fa/")
    assert page.locator("[data-changes]").count() == 0
    page.goto(f"{server_url}/admin/pages/{pk}/edit/")
    assert page.locator("[data-outdated-note]").count() == 0
    page.close()
