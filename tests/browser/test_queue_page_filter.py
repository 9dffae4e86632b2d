"""The moderation queue's page filter in Chromium, in the Hebrew admin: a page chooser (not a
list of every page with comments) whose choice filters the queue, with no English on the way."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from apps.comments.models import Comment
from tests.seeds import seed, seed_page

from .admin_words import findings

pytestmark = pytest.mark.browser
PASSWORD = "queue-filter-password-1"  # noqa: S105 - a test account
CHOSEN, OTHER = "תגובה על הדף שנבחר", "تعليق على صفحة أخرى"


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """A Hebrew-admin moderator and a pending comment on each of two seed pages."""
    with django_db_blocker.unblock():
        user, _created = User.objects.get_or_create(
            username="suodattaja", defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(PASSWORD)
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "he"
        profile.save()
        chosen, other = seed_page(seed("004")), seed_page(seed("003"))
        made = [
            Comment.objects.create(page=chosen, language="he", name="Kirjoittaja", body=CHOSEN),
            Comment.objects.create(page=other, language="fa", name="Kirjoittaja", body=OTHER),
        ]
        ancestors = [p.pk for p in chosen.get_ancestors().filter(depth__gt=1)]
        # Names from the data: the account, the commenter and Wagtail's root page ("Root").
        names = frozenset({"suodattaja", "kirjoittaja", "root"})
        yield {"page": chosen.pk, "ancestors": ancestors, "names": names}
        Comment.objects.filter(pk__in=[c.pk for c in made]).delete()


def test_the_page_filter_is_a_chooser_that_filters_the_queue(browser, server_url, browser_data):
    page = browser.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", "suodattaja")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    page.goto(f"{server_url}/admin/snippets/comments/comment/?status=pending")
    expect(page.get_by_text(OTHER)).to_be_visible()
    found = []

    page.locator("#filters-drilldown [data-w-dropdown-target=toggle]").first.click()
    page.locator("[aria-controls=drilldown-id_page]").click()
    # A chooser button, not a <select> listing every page with comments.
    assert page.locator("#drilldown-id_page select").count() == 0
    found += findings(page, "page filter", browser_data["names"])
    page.locator("#drilldown-id_page [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal")
    for pk in browser_data["ancestors"]:
        modal.locator(f"a.navigate-pages[href*='/choose-page/{pk}/']").first.click()
    found += findings(page, "page chooser", browser_data["names"])
    modal.locator(f"a.choose-page[data-id='{browser_data['page']}']").click()

    expect(page.get_by_text(OTHER)).to_have_count(0)
    expect(page.get_by_text(CHOSEN)).to_be_visible()
    assert f"page={browser_data['page']}" in page.url
    found += findings(page, "filtered queue", browser_data["names"])
    page.close()
    assert not found, "English in the Hebrew admin:\n" + "\n".join(map(str, found))
