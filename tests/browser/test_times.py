"""Times in Chromium: each language shows a comment's time on its readers' clock (Israel, Iran,
Finland), says whose clock it is, and its <time datetime> carries the same offset."""

import datetime

import pytest
from django.utils.translation import override

from apps.comments.models import Comment
from tests.core.test_dates import ZONE_CASES
from tests.seeds import read_seed, seed_files, seed_page

pytestmark = pytest.mark.browser

MOMENT = datetime.datetime(2026, 3, 27, 21, 30, tzinfo=datetime.UTC)
NOTES = {"he": "שעון ישראל", "fa": "وقت ایران", "fi": "Suomen aikaa"}


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """{lang: (path, comment pk)}: a comment posted at MOMENT on a seed page per language."""
    made, found = [], {}
    with django_db_blocker.unblock():
        for path in seed_files():
            data = read_seed(path)
            lang = data["language"]
            if lang in found:
                continue
            with override(lang):
                page = seed_page(data)
                url = page.get_url()
            comment = Comment.objects.create(
                page=page, language=lang, name="Kello", body="🕰", created_at=MOMENT,
                status=Comment.Status.APPROVED,
            )  # fmt: skip
            made.append(comment.pk)
            found[lang] = (url, comment.pk)
    yield found
    with django_db_blocker.unblock():
        Comment.objects.filter(pk__in=made).delete()


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_comment_time_is_on_the_readers_clock(browser, server_url, browser_data, lang):
    path, pk = browser_data[lang]
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(server_url + path)
    time = page.locator(f"#comment-{pk} time")
    shown, machine = ZONE_CASES[lang]
    assert time.inner_text() == shown
    assert time.get_attribute("datetime") == machine
    assert NOTES[lang] in page.locator(".comments__zone").inner_text()
    page.close()
