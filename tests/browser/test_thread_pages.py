"""A long thread in Chromium at a phone's width, in each language: its pages, the navigation
between them (arrows pointing the way the text runs) and a permanent link that opens the page
holding the comment, with the comment on screen."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from apps.blog.models import BlogPostPage
from apps.comments.models import Comment
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.browser

TITLES = {"he": "שרשור ארוך לבדיקה", "fa": "گفت‌وگوی بلند آزمایشی", "fi": "Pitkä testiketju"}
DIRECTIONS = {"he": "rtl", "fa": "rtl", "fi": "ltr"}
# The arrow after "later comments": forward is to the left in Hebrew and Persian.
NEXT_ARROW = {"rtl": '" ←" / ""', "ltr": '" →" / ""'}


def long_thread(page, lang, roots):
    """`roots` top-level comments a minute apart; a reply under the last one."""
    start = timezone.now() - datetime.timedelta(days=3)
    made = [
        Comment(
            page=page,
            language=lang,
            name=f"Reader {number}",
            body=f"Comment {number} {lang}",
            status="approved",
            created_at=start + datetime.timedelta(minutes=number),
        )
        for number in range(roots)
    ]
    Comment.objects.bulk_create(made)
    last = made[-1]
    return Comment.objects.create(
        page=page,
        language=lang,
        parent=last,
        depth=2,
        name="Answering reader",
        body=f"A reply on the last page {lang}",
        status="approved",
        created_at=start + datetime.timedelta(days=1),
    )


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """One post per language with a thread of one page and a few comments more (the server
    runs the default page size); the reply's id and the post's address."""
    with django_db_blocker.unblock():
        made = {}
        for lang, title in TITLES.items():
            post = create_page(BlogPostPage, lang, title, slug=f"long-thread-{lang}")
            reply = long_thread(post, lang, settings.COMMENTS_PER_PAGE + 4)
            made[lang] = (post.pk, reply.pk, url_in(post, lang))
    yield made
    with django_db_blocker.unblock():
        for post_id, _reply, _path in made.values():
            Comment.objects.filter(page_id=post_id).delete()
            BlogPostPage.objects.filter(pk=post_id).delete()


def arrow_after(link):
    return link.evaluate("element => getComputedStyle(element, '::after').content")


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_long_thread_in_pages_and_a_permanent_link(
    browser, server_url, browser_data, artifacts, lang
):
    _post, reply_id, path = browser_data[lang]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server_url + path)
    direction = DIRECTIONS[lang]
    assert page.locator("html").get_attribute("dir") == direction

    nav = page.locator("nav.comment-pages")
    expect(nav).to_have_count(1)
    assert nav.get_attribute("aria-label")
    assert (
        page.locator("#comments > .comment-list > li.comment").count() == settings.COMMENTS_PER_PAGE
    )
    later = nav.locator('a[rel="next"]')
    assert arrow_after(later) == NEXT_ARROW[direction]
    # Nothing sticks out sideways at a phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    later.click()
    page.wait_for_url(f"{server_url}{path}?page=2#comments")
    assert page.locator("#comments > .comment-list > li.comment").count() == 4
    expect(page.locator("nav.comment-pages a[rel='prev']")).to_be_visible()
    expect(page.locator("#comments")).to_be_in_viewport()

    page.goto(f"{server_url}/{lang}/comments/{reply_id}/")
    page.wait_for_url(f"{server_url}{path}?page=2#comment-{reply_id}")
    reply = page.locator(f"#comment-{reply_id}")
    expect(reply).to_be_in_viewport()
    assert f"A reply on the last page {lang}" in reply.inner_text()
    page.screenshot(path=str(artifacts / f"thread-pages-{lang}.png"))
    page.locator("nav.comment-pages").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"thread-pages-nav-{lang}.png"))
    context.close()
