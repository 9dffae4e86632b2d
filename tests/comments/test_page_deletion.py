"""Deleting a page never deletes its readers' comments as a side effect (issue 17)."""

import html

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.utils.translation import override
from wagtail.models import Page

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("deleter", "d@example.com", "pw"))
    return client


@pytest.fixture
def commented_page():
    page = BlogPostPage.objects.live().first()
    Comment.objects.filter(page=page).delete()
    for lang, body in (("he", "תגובה"), ("he", "עוד תגובה"), ("fi", "Kommentti")):
        Comment.objects.create(page=page, language=lang, name="Reader", body=body)
    return page


def test_the_delete_screen_counts_comments_per_language_and_refuses(editor_client, commented_page):
    response = editor_client.get(f"/admin/pages/{commented_page.pk}/delete/")
    text = html.unescape(response.content.decode())
    # The admin speaks Hebrew here; languages are named in their own script.
    assert "עברית: שתי תגובות" in text
    assert "Suomi: תגובה אחת" in text
    assert f"/admin/pages/{commented_page.pk}/unpublish/" in text
    assert 'name="action-delete"' not in text  # no delete button

    response = editor_client.post(f"/admin/pages/{commented_page.pk}/delete/")
    assert Page.objects.filter(pk=commented_page.pk).exists()
    assert Comment.objects.filter(page=commented_page).count() == 3


def test_deleting_a_section_counts_the_comments_below_it(editor_client, commented_page):
    blog = BlogIndexPage.objects.get()
    response = editor_client.post(f"/admin/pages/{blog.pk}/delete/")
    assert response.status_code == 200
    assert Page.objects.filter(pk=blog.pk).exists()


def test_bulk_delete_is_refused_too(editor_client, commented_page):
    # Wagtail's bulk delete itself refuses pages that a protecting key refers to.
    editor_client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={commented_page.pk}&next=/admin/pages/"
    )
    assert Page.objects.filter(pk=commented_page.pk).exists()
    assert Comment.objects.filter(page=commented_page).count() == 3


def test_no_code_path_deletes_comments_with_their_page(commented_page):
    with pytest.raises(ProtectedError):
        commented_page.delete()
    assert Comment.objects.filter(page=commented_page).count() == 3


def test_a_page_without_comments_is_deleted_as_usual(editor_client):
    blog = BlogIndexPage.objects.get()
    with override("fi"):
        page = BlogPostPage(title_fi="Poistettava", slug_fi="poistettava")
        blog.add_child(instance=page)
    response = editor_client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
