"""Translating one language beside its source in the admin (issue 17): the view, "start from
the source", saving through Wagtail's revisions, and the outdated flag in the page editor."""

import html
import json
import urllib.parse

import pytest
from django.utils.translation import override
from wagtail.test.utils.form_data import rich_text

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.translations.outdated import outdated_languages, source_changes
from tests.admin.forms import form_data
from tests.translations.test_tracking import BODY, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def hebrew():
    page = BlogPostPage(title_he="דף לתרגום", lead_he="פתיח בעברית.", body_he=BODY)
    with override("he"):
        BlogIndexPage.objects.get().add_child(instance=page)
        page.save_revision().publish()
    return page


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("translator", "", "pw"))
    return client


def url(page, lang="fa"):
    return f"/admin/translations/{page.pk}/{lang}/"


def filled(response, **values):
    """The side-by-side form as shown, with `values` typed into the fields named so."""
    data = form_data(response.content.decode(), form_id=None)
    data = {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
    data.update(values)
    return data


def test_start_from_the_source_then_publish(editor_client, client, hebrew):
    response = editor_client.get(url(hebrew) + "?start=1")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="he" dir="rtl"' in html and 'lang="fa" dir="rtl"' in html
    skeleton = json.loads(response.context["form"]["skeleton-body"].value())
    assert [(b["type"], b["id"]) for b in skeleton] == [(b["type"], b["id"]) for b in BODY]
    assert skeleton[0]["value"] == {"text": "", "level": "h2"}  # structure kept, text empty
    data = filled(
        response,
        title_fa="صفحه ترجمه",
        lead_fa="مقدمه فارسی.",
        **{
            "body-0-text": "عنوان اول",
            "body-1": rich_text("<p>مشتری همیشه حق دارد، تقریباً.</p>"),
            "body-2-text": "نقل قول",
            "action-publish": "1",
        },
    )
    response = editor_client.post(url(hebrew), data)
    assert response.status_code == 302, response.context["form"].errors
    page = BlogPostPage.objects.get(pk=hebrew.pk)
    assert page.live and page.title_fa == "صفحه ترجمه"
    assert [(b.block_type, b.id) for b in page.body_fa] == [(b["type"], b["id"]) for b in BODY]
    assert page.body_fa[0].value["level"] == "h2"
    assert ">مشتری همیشه حق دارد، تقریباً.</p>" in page.body_fa[1].value.source
    assert page.body_he.raw_data[0]["value"]["text"] == "כותרת ראשונה"  # the source untouched
    assert page.slug_fa == "صفحه-ترجمه"  # the page's own rules on write paths still hold
    assert client.get(urllib.parse.quote("/fa/وبلاگ/صفحه-ترجمه/")).status_code == 200
    assert page.latest_revision.user.username == "translator"
    assert outdated_languages([page]) == {}
    assert page.reading_times == page.count_reading_times()  # what cards show, counted again


def test_a_draft_save_publishes_nothing(editor_client, client, hebrew):
    response = editor_client.get(url(hebrew) + "?start=1")
    data = filled(response, title_fa="پیش‌نویس", **{"action-save": "1"})
    assert editor_client.post(url(hebrew), data).status_code == 302
    page = BlogPostPage.objects.get(pk=hebrew.pk)
    assert not page.title_fa and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title_fa == "پیش‌نویس"


def test_publishing_with_an_empty_required_text_keeps_what_was_typed(editor_client, hebrew):
    response = editor_client.get(url(hebrew) + "?start=1")
    data = filled(response, title_fa="عنوان", **{"body-2-text": "نقل قول", "action-publish": "1"})
    response = editor_client.post(url(hebrew), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "body-0-text" in form.errors
    assert form["body-2-text"].value() == "نقل قول"
    assert not BlogPostPage.objects.get(pk=hebrew.pk).title_fa


def test_the_editor_flags_outdated_fields_and_the_view_shows_the_diff(editor_client, hebrew):
    page = publish(hebrew, title_fa="صفحه", lead_fa="مقدمه.")
    page = publish(page, lead_he="פתיח חדש בעברית.")
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    lead = edit[edit.index('name="lead_fa"') :]
    assert "data-outdated-note" in lead[: lead.index("</textarea>") + 400]
    assert f"/admin/translations/{page.pk}/fa/#outdated" in edit
    assert f'href="/admin/translations/{page.pk}/fa/"' in edit  # the header's menu
    assert f'href="/admin/translations/{page.pk}/fi/"' in edit
    body = edit[edit.index('name="lead_he"') :]
    assert "data-outdated-note" not in body[: body.index("</textarea>") + 400]

    view = editor_client.get(url(page)).content.decode()
    assert "<ins> חדש</ins>" in view
    response = editor_client.post(url(page) + "up-to-date/")
    assert response.status_code == 302
    assert outdated_languages([page]) == {}
    history = editor_client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "התרגום לפרסית סומן כמעודכן מול המקור" in html.unescape(history)
    assert (
        "data-outdated-note"
        not in editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    )


def test_only_editors_of_the_page(client, django_user_model, hebrew):
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)
    assert client.get(url(hebrew)).status_code in (302, 403)
    assert client.post(url(hebrew) + "up-to-date/").status_code in (302, 403)


def test_a_questions_answers_side_by_side(editor_client):
    from apps.qa.models import Answer, QuestionIndexPage, QuestionPage

    question = QuestionPage(title_he="שאלה לתרגום", details_he="פרטי השאלה.")
    question.answers = [Answer(body_he="<p>התשובה הראשונה.</p>", sort_order=0)]
    with override("he"):
        QuestionIndexPage.objects.get().add_child(instance=question)
        question.save_revision().publish()
    response = editor_client.get(url(question))
    assert "התשובה הראשונה." in response.content.decode()
    data = filled(
        response,
        title_fa="پرسش",
        details_fa="جزئیات.",
        **{"answers-0-body": rich_text("<p>پاسخ نخست.</p>"), "action-publish": "1"},
    )
    assert editor_client.post(url(question), data).status_code == 302
    question = QuestionPage.objects.get(pk=question.pk)
    assert question.details_fa == "جزئیات."
    assert "پاسخ نخست." in question.answers.get().body_fa
    assert "התשובה הראשונה." in question.answers.get().body_he
    publish_answer = question.answers.get()
    publish_answer.body_he = "<p>תשובה אחרת.</p>"
    question.answers = [publish_answer]
    with override("he"):
        question.save_revision().publish()
    changes = source_changes(question, "fa")
    assert [c.key for c in changes] == [("answers", 0, "body")]


def test_a_translator_does_not_overwrite_another_ones_save(editor_client, hebrew):
    first = editor_client.get(url(hebrew) + "?start=1")
    second = editor_client.get(url(hebrew) + "?start=1")  # two tabs, or two translators
    saved = filled(first, title_fa="ترجمه اول", **{"action-save": "1"})
    assert editor_client.post(url(hebrew), saved).status_code == 302
    typed = filled(second, title_fa="ترجمه دوم", **{"action-save": "1"})
    response = editor_client.post(url(hebrew), typed)
    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert any(m.startswith("מישהו אחר שמר שינוי בשפה הזאת") for m in said), said
    assert response.context["form"]["title_fa"].value() == "ترجمه دوم"  # what was typed, kept
    page = BlogPostPage.objects.get(pk=hebrew.pk)
    assert page.get_latest_revision_as_object().title_fa == "ترجمه اول"  # theirs, not lost
    # Having been told, the translator saves again, onto the latest revision.
    again = filled(response, **{"action-save": "1"})
    assert editor_client.post(url(hebrew), again).status_code == 302
    page = BlogPostPage.objects.get(pk=hebrew.pk)
    assert page.get_latest_revision_as_object().title_fa == "ترجمه دوم"


def test_a_change_to_another_language_meanwhile_merges(editor_client, hebrew):
    opened = editor_client.get(url(hebrew) + "?start=1")
    page = BlogPostPage.objects.get(pk=hebrew.pk)
    with override("he"):
        page.lead_fi = "Johdanto."
        page.save_revision()
    typed = filled(opened, title_fa="ترجمه", **{"action-save": "1"})
    assert editor_client.post(url(hebrew), typed).status_code == 302
    latest = BlogPostPage.objects.get(pk=hebrew.pk).get_latest_revision_as_object()
    assert (latest.title_fa, latest.lead_fi) == ("ترجمه", "Johdanto.")
