"""Editors work in the Wagtail admin, in any of the site's languages or in English."""

import html

import pytest
from django.conf import settings
from django.utils.translation import get_language_info, gettext, override
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.qa.models import QuestionPage
from tests.seeds import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor-test", "", "pw")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(("lang", "direction"), [("he", "rtl"), ("fa", "rtl"), ("fi", "ltr")])
def test_admin_speaks_the_editor_language(editor_client, editor, lang, direction):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = lang
    profile.save()

    text = html.unescape(editor_client.get("/admin/").content.decode())

    assert f'<html lang="{lang}" dir="{direction}"' in text
    with override(lang):
        dashboard = gettext("Dashboard")
    assert dashboard != "Dashboard", f"Wagtail has no {lang} catalog"
    assert f"<title>{dashboard}" in text


def test_admin_in_english(editor_client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    text = editor_client.get("/admin/").content.decode()
    assert '<html lang="en" dir="ltr"' in text
    assert "<title>Dashboard" in text


def test_admin_offers_the_four_admin_languages(editor_client):
    text = html.unescape(editor_client.get("/admin/account/").content.decode())
    for code in ("he", "fa", "fi", "en"):
        assert f'<option value="{code}"' in text
        assert get_language_info(code)["name_local"] in text


def _post_form(title_field, slug_field, title, slug, body_field, text, **extra):
    return nested_form_data(
        {
            title_field: title,
            slug_field: slug,
            body_field: streamfield([("paragraph", rich_text(text))]),
            "related_links": inline_formset([]),
            "action-publish": "publish",
            "comment_policy": "open",
            **extra,
        }
    )


def test_editor_creates_a_finnish_only_post(editor_client, client):
    blog = BlogIndexPage.objects.get()
    data = _post_form(
        "title_fi",
        "slug_fi",
        "Reklamaatio on lahja",
        "reklamaatio-on-lahja",
        "body_fi",
        "Jokainen reklamaatio kertoo, mitä asiakas odotti.",
    )
    for lang in ("he", "fa"):
        data.update({f"body_{lang}-count": "0"})

    response = editor_client.post(f"/admin/pages/add/blog/blogpostpage/{blog.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = BlogPostPage.objects.get(slug_fi="reklamaatio-on-lahja")
    assert page.live
    assert page.title_he in (None, "")
    public = client.get("/fi/blogi/reklamaatio-on-lahja/")
    assert public.status_code == 200
    assert "Jokainen reklamaatio kertoo" in html.unescape(public.content.decode())
    with override("he"):
        assert client.get(page.get_url()).status_code == 404


def test_editor_must_give_a_title_in_some_language(editor_client):
    blog = BlogIndexPage.objects.get()
    data = nested_form_data(
        {f"body_{lang}": streamfield([]) for lang in ("he", "fa", "fi")}
        | {"action-publish": "publish"}
    )
    count = Page.objects.count()
    response = editor_client.post(f"/admin/pages/add/blog/blogpostpage/{blog.pk}/", data)
    assert response.status_code == 200  # the form again, with errors
    with override("he"):
        message = gettext("Give the page a title in at least one language.")
    assert message in html.unescape(response.content.decode())
    assert Page.objects.count() == count


def test_editor_adds_a_persian_translation_to_a_hebrew_post(editor_client, client):
    page = BlogPostPage.objects.get(slug_he="הלקוח-תמיד-צודק")
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert 'name="title_fa"' in response.content.decode()

    publish_translation(
        page,
        title_fa="همیشه حق با مشتری است",
        slug_fa="همیشه-حق-با-مشتری-است",
        body_fa=[{"type": "paragraph", "value": "<p>متن فارسی.</p>"}],
    )

    assert client.get("/fa/وبلاگ/همیشه-حق-با-مشتری-است/").status_code == 200


@pytest.mark.parametrize("model", [BlogPostPage, QuestionPage])
def test_edit_views_state_the_languages_the_page_is_published_in(editor_client, model):
    page = model.objects.first()
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    with override("he"):  # the admin's default language here
        intro = gettext("This page is published in:")
    panel = text.split(intro, 1)[1].split("</p>", 1)[0]
    names = dict(settings.LANGUAGES)
    for code in ("he", "fa", "fi"):
        assert (names[code] in panel) == page.exists_in(code), (code, panel)
