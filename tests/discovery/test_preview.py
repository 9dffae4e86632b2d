"""Wagtail's preview renders the new head, structured data and related pages, even for a page
that has never been saved."""

import html

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core import withdrawal
from tests.markup import json_ld_of_type
from tests.seeds import create_page, publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor-preview", "", "pw"))
    return client


def _form(related=(), **extra):
    return nested_form_data(
        {
            "title_he": "תצוגה מקדימה",
            "slug_he": "תצוגה-מקדימה",
            "lead_he": "פתיח.",
            "body_he": streamfield([("paragraph", rich_text("טקסט."))]),
            "body_fa": streamfield([]),
            "body_fi": streamfield([]),
            "related_links": inline_formset([{"related": page.pk} for page in related]),
            **extra,
        }
    )


def _preview(client, url, data):
    response = client.post(url, data)
    assert response.json()["is_valid"], response.json()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_preview_of_a_new_page(editor_client):
    blog = BlogIndexPage.objects.get()
    picked = BlogPostPage.objects.get(slug_he="לקוחות-אוהבים-או-אויבים")
    text = _preview(
        editor_client,
        f"/admin/pages/add/blog/blogpostpage/{blog.pk}/preview/",
        _form(related=[picked]),
    )
    assert json_ld_of_type(text, "BlogPosting")["headline"] == "תצוגה מקדימה"
    assert json_ld_of_type(text, "BreadcrumbList")
    related = text.split('<section class="related"', 1)[1]
    assert related.index(picked.title_he) < related.index("</section>")


def test_preview_of_an_edited_page(editor_client):
    page = BlogPostPage.objects.get(slug_he="הלקוח-תמיד-צודק")
    text = _preview(
        editor_client, f"/admin/pages/{page.pk}/edit/preview/", _form(slug_he=page.slug_he)
    )
    assert json_ld_of_type(text, "BlogPosting")["headline"] == "תצוגה מקדימה"


def test_a_withdrawn_language_previews_its_text_with_a_notice(editor_client):
    page = create_page(BlogPostPage, "he", "נסוג בפינית בתצוגה")
    title_fi = "Vedetty esikatselussa"
    page = publish_translation(page, title_fi=title_fi, slug_fi="vedetty-esikatselussa")
    withdrawal.withdraw(page, "fi")
    data = _form(slug_he=page.slug_he, title_fi=title_fi, slug_fi=page.slug_fi, lead_fi="Johdanto.")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert editor_client.post(url, data).json()["is_valid"]
    response = editor_client.get(url + "?mode=fi")
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert '<html lang="fi" dir="ltr">' in text
    assert json_ld_of_type(text, "BlogPosting")["headline"] == title_fi
    notice = "Vedetty pois kielellä suomi: lukijat saavat tässä ”ei löytynyt” -sivun"
    assert 'class="preview-notice" role="status"' in text and notice in text
    # Readers still get "not found", and a language that is not withdrawn has no notice.
    assert editor_client.get(url + "?mode=he").content.decode().count("preview-notice") == 0
