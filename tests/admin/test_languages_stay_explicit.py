"""A page exists in a language only when that language's own title was written (issue 17).

Each path that writes a page is taken in the Hebrew admin (or with Hebrew active) on a page
that exists in Finnish only; none of them may give it a Hebrew title or slug, so it never
answers under /he/. Wagtail assigns `page.title`/`page.slug` itself while saving drafts,
generating slugs and copying, and modeltranslation used to write those into the active
language (apps.core.translation.OwnLanguageDescriptor).
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from apps.blog.models import BlogIndexPage, BlogPostPage
from tests.admin.forms import edit_form, submitted

pytestmark = pytest.mark.django_db

FI_TITLE = "Reklamaatio on lahja"
LANGS = ("he", "fa", "fi")


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor-test", "", "pw"))
    return client


@pytest.fixture
def finnish_draft():
    """A Finnish-only draft post, made with Finnish active (so old code made it correctly)."""
    blog = BlogIndexPage.objects.get()
    with override("fi"):
        page = BlogPostPage(title_fi=FI_TITLE, slug_fi="reklamaatio-on-lahja", live=False)
        blog.add_child(instance=page)
        page.save_revision()
    page = BlogPostPage.objects.get(pk=page.pk)
    assert page.languages == ["fi"]
    return page


def assert_finnish_only(page_id):
    page = BlogPostPage.objects.get(pk=page_id)
    own = {lang: (getattr(page, f"title_{lang}"), getattr(page, f"slug_{lang}")) for lang in LANGS}
    assert page.languages == ["fi"], own
    assert not page.slug_he and not page.slug_fa, own
    revision = page.latest_revision
    if revision is not None:
        assert not revision.content.get("title_he"), revision.content
        assert revision.as_object().languages == ["fi"]
    return page


def _new_post(**extra):
    return nested_form_data(
        {
            "title_fi": FI_TITLE,
            "slug_fi": "",
            "body_fi": streamfield([("paragraph", rich_text("Jokainen reklamaatio kertoo."))]),
            "body_he": streamfield([]),
            "body_fa": streamfield([]),
            "related_links": inline_formset([]),
            "comment_policy": "open",
            **extra,
        }
    )


def _add_url():
    return f"/admin/pages/add/blog/blogpostpage/{BlogIndexPage.objects.get().pk}/"


def test_add_as_draft(editor_client):
    response = editor_client.post(_add_url(), _new_post())
    assert response.status_code == 302
    page = assert_finnish_only(BlogPostPage.objects.get(title_fi=FI_TITLE).pk)
    assert page.slug_fi == "reklamaatio-on-lahja"  # derived from the Finnish title


def test_autosave_of_a_new_post_then_publish(editor_client, client):
    response = editor_client.post(_add_url(), _new_post(), HTTP_ACCEPT="application/json")
    assert response.json()["success"]
    page = assert_finnish_only(response.json()["pk"])

    # The form Wagtail puts back in the browser after the autosave, then published from it.
    data = edit_form(editor_client, f"/admin/pages/{page.pk}/edit/", page)
    assert not data.get("title_he")
    data["action-publish"] = "publish"
    assert submitted(editor_client.post(f"/admin/pages/{page.pk}/edit/", data))
    page = assert_finnish_only(page.pk)
    assert page.live
    assert client.get("/fi/blogi/reklamaatio-on-lahja/").status_code == 200
    with override("he"):
        assert client.get(page.get_url()).status_code == 404


def test_autosave_of_an_existing_draft(editor_client, finnish_draft):
    data = edit_form(editor_client, f"/admin/pages/{finnish_draft.pk}/edit/", finnish_draft)
    data["lead_fi"] = "Uusi johdanto."
    response = editor_client.post(
        f"/admin/pages/{finnish_draft.pk}/edit/", data, HTTP_ACCEPT="application/json"
    )
    assert response.json()["success"], response.content
    assert_finnish_only(finnish_draft.pk)


def test_copy(editor_client, finnish_draft):
    blog = BlogIndexPage.objects.get()
    response = editor_client.post(
        f"/admin/pages/{finnish_draft.pk}/copy/",
        {
            # wagtail-modeltranslation's copy form: a title and slug per language
            **{f"new_{name}_{lang}": "" for name in ("title", "slug") for lang in ("he", "fa")},
            "new_title_fi": "Reklamaatio on lahja (kopio)",
            "new_slug_fi": "reklamaatio-kopio",
            "new_parent_page": blog.pk,
        },
    )
    assert response.status_code == 302
    copy = BlogPostPage.objects.exclude(pk=finnish_draft.pk).get(title_fi__startswith=FI_TITLE)
    assert copy.title_fi == "Reklamaatio on lahja (kopio)"  # the language it is in
    assert copy.slug_fi == "reklamaatio-kopio"
    assert_finnish_only(copy.pk)


def test_move(editor_client, finnish_draft):
    response = editor_client.post(f"/admin/pages/{finnish_draft.pk}/set_position/?position=0")
    assert response.status_code == 200
    assert_finnish_only(finnish_draft.pk)


def test_revert_to_a_revision(editor_client, finnish_draft):
    first = finnish_draft.latest_revision
    with override("fi"):
        finnish_draft.lead_fi = "Toinen versio."
        finnish_draft.save_revision()
    revert = f"/admin/pages/{finnish_draft.pk}/revisions/{first.pk}/revert/"
    data = edit_form(editor_client, revert, first.as_object())
    assert not data.get("title_he") and data["title_fi"] == FI_TITLE
    assert submitted(editor_client.post(f"/admin/pages/{finnish_draft.pk}/edit/", data))
    assert_finnish_only(finnish_draft.pk)


def test_scheduled_publishing(finnish_draft):
    with override("fi"):
        finnish_draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision = finnish_draft.save_revision()
        revision.publish()  # scheduled: stays a draft until its time
    assert not BlogPostPage.objects.get(pk=finnish_draft.pk).live
    # ...which has come when the command runs.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    with override("he"):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert assert_finnish_only(finnish_draft.pk).live


def test_workflow_approval(editor_client, finnish_draft):
    workflow = Workflow.objects.get(name="Moderators approval")
    workflow.workflow_pages.get_or_create(page=BlogIndexPage.objects.get())
    data = edit_form(editor_client, f"/admin/pages/{finnish_draft.pk}/edit/", finnish_draft)
    data["action-submit"] = "submit"
    assert submitted(editor_client.post(f"/admin/pages/{finnish_draft.pk}/edit/", data))
    assert_finnish_only(finnish_draft.pk)
    state = BlogPostPage.objects.get(pk=finnish_draft.pk).current_workflow_task_state
    response = editor_client.post(
        f"/admin/pages/workflow/action/{finnish_draft.pk}/approve/{state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    assert assert_finnish_only(finnish_draft.pk).live


def test_publish_from_the_edit_form(editor_client, finnish_draft):
    data = edit_form(editor_client, f"/admin/pages/{finnish_draft.pk}/edit/", finnish_draft)
    data["action-publish"] = "publish"
    assert submitted(editor_client.post(f"/admin/pages/{finnish_draft.pk}/edit/", data))
    assert assert_finnish_only(finnish_draft.pk).live


@pytest.mark.parametrize(
    "command", ["update_translation_fields", "set_translation_url_paths", "load_seed_content"]
)
def test_commands(finnish_draft, command):
    with override("fi"):
        finnish_draft.save_revision().publish()
    with override("he"):
        call_command(command, stdout=io.StringIO())
    page = assert_finnish_only(finnish_draft.pk)
    assert page.live
    assert Page.objects.get(pk=page.pk).url_path_fi.endswith("/blogi/reklamaatio-on-lahja/")


# Each language's slug comes from its own title unless the editor gives one.


def test_a_persian_translation_gets_a_persian_slug(editor_client, client):
    page = BlogPostPage.objects.get(slug_he="הלקוח-תמיד-צודק")
    assert not page.title_fa
    data = edit_form(editor_client, f"/admin/pages/{page.pk}/edit/", page)
    data.update(
        nested_form_data({"body_fa": streamfield([("paragraph", rich_text("<p>متن فارسی.</p>"))])})
    )
    data.update({"title_fa": "مشتری‌ها همیشه حق دارند؟", "slug_fa": "", "action-publish": "1"})
    assert submitted(editor_client.post(f"/admin/pages/{page.pk}/edit/", data))

    page = BlogPostPage.objects.get(pk=page.pk)
    assert page.slug_fa == "مشتری-ها-همیشه-حق-دارند"  # Persian script, the ZWNJ a hyphen
    assert page.slug_he == "הלקוח-תמיד-צודק"
    assert client.get("/fa/وبلاگ/مشتری-ها-همیشه-حق-دارند/").status_code == 200
    assert client.get("/fa/وبلاگ/הלקוח-תמיד-צודק/").status_code == 404


def test_a_slug_the_editor_gives_is_kept(editor_client):
    response = editor_client.post(_add_url(), _new_post(slug_fi="oma-osoite"))
    assert response.status_code == 302
    assert BlogPostPage.objects.get(title_fi=FI_TITLE).slug_fi == "oma-osoite"


def test_a_derived_slug_taken_by_a_sibling_gets_a_number(editor_client, finnish_draft):
    response = editor_client.post(_add_url(), _new_post())
    assert response.status_code == 302
    second = BlogPostPage.objects.exclude(pk=finnish_draft.pk).get(title_fi=FI_TITLE)
    assert second.slug_fi == "reklamaatio-on-lahja-2"
    assert_finnish_only(second.pk)


def test_a_slug_held_by_a_left_draft_names_that_draft(editor_client, finnish_draft):
    # The browser copies the title into the slug; the draft autosave made earlier holds it.
    response = editor_client.post(_add_url(), _new_post(slug_fi="reklamaatio-on-lahja"))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["slug_fi"])
    assert FI_TITLE in errors
    assert f"/admin/pages/{finnish_draft.pk}/edit/" in errors
    assert BlogPostPage.objects.filter(title_fi=FI_TITLE).count() == 1
