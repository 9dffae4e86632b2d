"""A comment's whole journey in Chromium: a reader posts it, a moderator approves it in the
Wagtail admin, and another reader then sees it, in each language."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _fill(page, name, email, body):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_body", body)


def reload_keeps_the_draft(page, body):
    """Bug 6: after an error the address is the form's own, and reloading it sends nothing
    again: a GET, with the text and the error still there."""
    assert re.search(r"/comments/post/\d+/(#respond)?$", page.url)
    with page.expect_request(lambda request: request.is_navigation_request()) as reloaded:
        page.reload()
    assert reloaded.value.method == "GET"
    expect(page.locator("#id_email_error")).to_be_visible()
    assert page.input_value("#id_body") == body


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_comment_goes_from_the_form_through_the_queue_to_the_page(
    browser, server_url, seed_urls, moderator, artifacts, lang
):
    _data, path = seed_urls[lang]
    body = f"Browser comment {lang}: first line\nsecond line"
    page = browser.new_context(viewport={"width": 375, "height": 900}).new_page()
    page.goto(server_url + path)

    # An error: the e-mail is missing. The message is by the field, the text stays.
    _fill(page, "Ráchel", "", body)
    page.click("#respond button[type=submit]")
    expect(page.locator("#id_email_error")).to_be_visible()
    assert page.input_value("#id_body") == body
    assert page.input_value("#id_name") == "Ráchel"
    reload_keeps_the_draft(page, body)

    page.fill("#id_email", "rachel@example.com")
    page.click("#respond button[type=submit]")
    page.wait_for_url(re.compile(r".*#comment-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    mine = page.locator(f"#{anchor}")
    assert mine.locator(".comment__pending").is_visible()
    assert "first line\nsecond line" in mine.locator(".comment__body").inner_text()
    # English lines, so left to right even on a Hebrew or Persian page.
    assert mine.locator(".comment__body p").get_attribute("dir") == "ltr"
    page.screenshot(path=str(artifacts / f"comment-pending-{lang}.png"), full_page=False)

    other = browser.new_context().new_page()
    other.goto(server_url + path)
    assert other.locator(f"#{anchor}").count() == 0

    admin = browser.new_context().new_page()
    admin.goto(f"{server_url}/admin/login/")
    admin.fill("#id_username", moderator[0])
    admin.fill("#id_password", moderator[1])
    admin.click("button[type=submit]")
    admin.wait_for_url(f"{server_url}/admin/")
    admin.goto(f"{server_url}/admin/snippets/comments/comment/?status=pending")
    admin.get_by_role("link", name=f"Browser comment {lang}: first line second line").click()
    admin.get_by_role("button", name="Approve comment").click()
    expect(admin.get_by_text("Comment approved").first).to_be_visible()
    admin.screenshot(path=str(artifacts / f"comment-approved-{lang}.png"), full_page=True)

    other.reload()
    published = other.locator(f"#{anchor}")
    assert published.count() == 1
    assert published.locator(".comment__pending").count() == 0
    assert published.locator("bdi").first.inner_text() == "Ráchel"
    for context_page in (page, other, admin):
        context_page.context.close()
