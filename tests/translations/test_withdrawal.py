"""Withdrawing a page in one language: the one availability rule (apps/core/translation.py)
leaves it out of every place that offers the page in that language, the text stays, and the
admin action asks first and writes the page's history."""

import html
import urllib.parse

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core import withdrawal
from apps.core.translation import in_language, page_languages
from apps.search.models import SearchDocument
from tests.seeds import create_page, publish_translation, url_in
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db

TITLE_FI = "Vetäytyvä kieliversio"


@pytest.fixture
def post():
    page = create_page(BlogPostPage, "he", "עמוד בשתי שפות לנסיגה")
    return publish_translation(
        page, title_fi=TITLE_FI, slug_fi="vetaytyva-kieliversio", lead_fi="Johdanto suomeksi."
    )


def public(client, path):
    response = client.get(path)
    return response.status_code, html.unescape(response.content.decode())


def finnish_places(client, post):
    """What a Finnish reader gets: the post, home, blog, feed, search, and the sitemap."""
    with override("fi"):
        feed = reverse("feed-rss")
    sitemap = urllib.parse.unquote(sitemap_text(client))  # through the sitemap index
    return {
        "post": public(client, url_in(post, "fi"))[0],
        "home": TITLE_FI in public(client, "/fi/")[1],
        "blog": TITLE_FI in public(client, url_in(BlogIndexPage.objects.get(), "fi"))[1],
        "feed": TITLE_FI in public(client, feed)[1],
        # results link through the search log's redirect to the page (apps/search/log.py)
        "search": f"/fi/search/open/{post.pk}/" in public(client, "/fi/search/?q=kieliversio")[1],
        "sitemap": url_in(post, "fi") in sitemap,
        "hebrew post": public(client, url_in(post, "he"))[0],
    }


def test_a_withdrawn_language_leaves_every_place_and_comes_back(client, post):
    present = {"post": 200, "home": True, "blog": True, "feed": True, "search": True,
               "sitemap": True, "hebrew post": 200}  # fmt: skip
    assert finnish_places(client, post) == present

    def indexed():
        return set(SearchDocument.objects.filter(page=post).values_list("language", flat=True))

    assert indexed() == {"he", "fi"}
    assert withdrawal.withdraw(post, "fi")
    assert indexed() == {"he"}
    fresh = BlogPostPage.objects.get(pk=post.pk)
    assert page_languages(fresh) == ["he"]
    assert fresh.title_fi == TITLE_FI  # the text stays
    assert not BlogPostPage.objects.filter(in_language("fi"), pk=post.pk).exists()
    gone = {key: (404 if key == "post" else 200 if key == "hebrew post" else False)
            for key in present}  # fmt: skip
    assert finnish_places(client, post) == gone
    he_head = public(client, url_in(post, "he"))[1]
    assert 'hreflang="fi"' not in he_head

    # Publishing the page again keeps the language withdrawn.
    fresh.lead_he = "פתיח חדש"
    fresh.save_revision().publish()
    assert finnish_places(client, post)["post"] == 404

    assert withdrawal.restore(fresh, "fi")
    assert indexed() == {"he", "fi"}
    assert finnish_places(client, post) == present


@pytest.fixture
def admin(client):
    def sign_in(lang, superuser=True, groups=()):
        user = User.objects.create_user(f"withdraw-{lang}-{superuser}", password="pw")
        user.is_superuser = superuser
        user.save()
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
        client.force_login(user)
        return user

    return sign_in


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_admin_asks_then_withdraws_and_logs_it(client, admin, post, lang):
    user = admin(lang)
    edit = html.unescape(client.get(f"/admin/pages/{post.pk}/edit/").content.decode())
    action = f"/admin/translations/pages/{post.pk}/withdraw/fi/"
    assert action in edit
    confirm = html.unescape(client.get(action).content.decode())
    with override(lang):
        assert gettext("Yes, withdraw it") in confirm
        assert gettext("Its text is kept: you can restore this language at any time.") in confirm
    assert page_languages(BlogPostPage.objects.get(pk=post.pk)) == ["he", "fi"]  # asked only

    response = client.post(action)
    assert response.status_code == 302
    assert page_languages(BlogPostPage.objects.get(pk=post.pk)) == ["he"]
    entry = PageLogEntry.objects.get(page=post, action="translations.withdraw")
    assert (entry.user, entry.data) == (user, {"language": "fi"})
    history = html.unescape(client.get(f"/admin/pages/{post.pk}/history/").content.decode())
    with override(lang):
        names = {"he": "פינית", "fa": "فنلاندی", "fi": "suomi"}
        assert gettext("Withdrawn in %(language)s") % {"language": names[lang]} in history

    restore = f"/admin/translations/pages/{post.pk}/restore/fi/"
    assert restore in html.unescape(client.get(f"/admin/pages/{post.pk}/edit/").content.decode())
    client.post(restore)
    assert page_languages(BlogPostPage.objects.get(pk=post.pk)) == ["he", "fi"]
    assert PageLogEntry.objects.filter(page=post, action="translations.restore").count() == 1


def refused(client, url):
    """The admin turns a refusal into a redirect with its message (apps/core/admin_messages)."""
    return client.post(url).status_code in (302, 403)


def test_the_last_language_and_editors_without_publishing_rights_are_refused(client, admin, post):
    only = create_page(BlogPostPage, "fi", "Ainoa kieli")
    admin("he")
    assert refused(client, f"/admin/translations/pages/{only.pk}/withdraw/fi/")
    assert page_languages(BlogPostPage.objects.get(pk=only.pk)) == ["fi"]
    assert refused(client, f"/admin/translations/pages/{post.pk}/restore/fi/")
    client.logout()
    admin("fi", superuser=False, groups=["Editors"])
    assert refused(client, f"/admin/translations/pages/{post.pk}/withdraw/fi/")
    assert page_languages(BlogPostPage.objects.get(pk=post.pk)) == ["he", "fi"]
    assert not PageLogEntry.objects.filter(action__startswith="translations.").exists()
