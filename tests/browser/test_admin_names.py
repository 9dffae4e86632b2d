"""The names the site is installed with, in the Hebrew, Persian and Finnish admin, in Chromium:
the groups "Editors" and "Moderators" and the workflow "Moderators approval" (data Wagtail's
migrations write in English) where an editor meets them — a page in moderation's status panel
and header, the action menu, the dashboard's review list, the user's groups — and the sites
listing's column headers, while the database keeps the names as stored."""

import pytest
from django.contrib.auth.models import User
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from wagtail.models import Site, Workflow
from wagtail.users.models import UserProfile

from apps.home.models import HomePage
from apps.kb.models import ArticlePage

PASSWORD = "names-password-1"  # noqa: S105 - a test account
LANGUAGES = ("he", "fa", "fi")
SEEDED = ("Editors", "Moderators", "Moderators approval")
SITE_FIELDS = ("port", "site_name", "root_page")


def _expected(lang):
    with override(lang):
        return {
            "names": {name: gettext(name) for name in SEEDED},
            "sites": [str(capfirst(Site._meta.get_field(f).verbose_name)) for f in SITE_FIELDS],
        }


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    """An editor per admin language, and a knowledge-base article in the seeded workflow."""
    with django_db_blocker.unblock():
        users = {}
        for lang in LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"nimet-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
            users[lang] = user.pk
        article = ArticlePage.objects.live().first()
        article.save_revision(user=user)
        workflow = Workflow.objects.get(name="Moderators approval")
        state = workflow.start(article, user)
        home = HomePage.objects.first().pk
        yield {"article": article.pk, "home": home, "users": users,
               "expected": {lang: _expected(lang) for lang in LANGUAGES}}  # fmt: skip
        state.cancel(user=user)
        article.get_latest_revision().delete()
        ArticlePage.objects.filter(pk=article.pk).update(has_unpublished_changes=False)


def signed_in(browser, server_url, lang):
    page = browser.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"nimet-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


def assert_named(text, names, where):
    for english in names:
        if english == "Moderators":  # "Moderators approval" holds it; checked on its own
            continue
        assert english not in text, f"{where}: {english!r} in English"
    return text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_seeded_names_in_the_admins_language(browser, server_url, browser_data, lang):
    names = browser_data["expected"][lang]["names"]
    workflow = names["Moderators approval"]
    page = signed_in(browser, server_url, lang)

    # The dashboard's "awaiting your review" names the task (in its tooltip).
    tooltips = page.eval_on_selector_all(
        "#awaiting-review-section [data-w-tooltip-content-value]",
        "spans => spans.map(s => s.dataset.wTooltipContentValue).join(' ')",
    )
    assert workflow in assert_named(tooltips, names, "dashboard")

    # The page in moderation: its header and status panel name the workflow and the task.
    page.goto(f"{server_url}/admin/pages/{browser_data['article']}/edit/")
    page.locator(".w-side-panel-toggle[aria-label]").first.click()
    panel = page.locator("[data-side-panel='status']")
    text = assert_named(panel.inner_text(), names, "status panel")
    assert workflow in text

    # The user's groups.
    page.goto(f"{server_url}/admin/users/edit/{browser_data['users'][lang]}/")
    labels = page.eval_on_selector_all(
        "input[name=groups]", "inputs => inputs.map(i => i.closest('label').textContent.trim())"
    )
    assert {names["Editors"], names["Moderators"]} <= set(labels), labels
    assert not {"Editors", "Moderators"} & set(labels)

    # The groups listing.
    page.goto(f"{server_url}/admin/groups/")
    text = page.locator("main").inner_text()
    assert names["Editors"] in text and names["Moderators"] in text
    assert "Editors" not in text and "Moderators" not in text
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_submit_action_names_the_workflow(browser, server_url, browser_data, lang):
    names = browser_data["expected"][lang]["names"]
    page = signed_in(browser, server_url, lang)
    # A page not in moderation: "Submit to …" in the editor's action menu.
    page.goto(f"{server_url}/admin/pages/{browser_data['home']}/edit/")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    menu = page.locator("footer").inner_text()
    assert names["Moderators approval"] in menu
    assert "Moderators approval" not in menu
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sites_listing_headers(browser, server_url, browser_data, lang):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/sites/")
    headers = [h.strip() for h in page.locator("thead th").all_inner_texts()]
    assert browser_data["expected"][lang]["sites"] == headers[1:4], headers
    page.close()
