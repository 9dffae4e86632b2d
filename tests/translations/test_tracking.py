"""Outdated translations (issue 17): every path that publishes a page's source text flags the
translations written against the old text, and shows what changed, field by field and block
by block."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.translations.diff import word_diff
from apps.translations.models import LanguageVersion, SourceLanguage
from apps.translations.outdated import outdated_in, outdated_languages, source_changes
from apps.translations.tracking import mark_up_to_date
from tests.admin.forms import edit_form, submitted
from tests.seeding.test_load_seed_content import content_copy, edit, run  # noqa: F401
from tests.seeds import read_seed, seed_page

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "כותרת ראשונה", "level": "h2"}, "id": "h-1"},
    {"type": "paragraph", "value": "<p>הלקוח תמיד צודק, כמעט.</p>", "id": "p-1"},
    {"type": "quote", "value": {"text": "ציטוט", "attribution": ""}, "id": "q-1"},
]


def publish(page, **fields):
    with override("he"):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return BlogPostPage.objects.get(pk=page.pk)


@pytest.fixture
def translated():
    """A Hebrew post with a Persian translation, both published."""
    page = BlogPostPage(title_he="דף מקור", lead_he="פתיח בעברית.", body_he=BODY)
    with override("he"):
        BlogIndexPage.objects.get().add_child(instance=page)
        page.save_revision().publish()
    return publish(page, title_fa="صفحه مبدأ", lead_fa="مقدمه فارسی.")


def test_the_first_language_is_the_source_and_a_translation_starts_up_to_date(translated):
    assert SourceLanguage.objects.get(page=translated).language == "he"
    assert {v.language for v in LanguageVersion.objects.filter(page=translated)} == {"he", "fa"}
    assert outdated_languages([translated]) == {}


def test_a_finnish_first_page_has_finnish_as_its_source():
    page = BlogPostPage(title_fi="Lähde", slug_fi="lahde")
    with override("fi"):
        BlogIndexPage.objects.get().add_child(instance=page)
        page.save_revision().publish()
    publish(page, title_he="מקור")
    assert SourceLanguage.objects.get(page=page).language == "fi"
    publish(BlogPostPage.objects.get(pk=page.pk), lead_fi="Uusi johdanto.")
    assert outdated_languages(BlogPostPage.objects.filter(pk=page.pk)) == {page.pk: {"he"}}


def test_a_source_edit_flags_the_translation_and_shows_the_words_that_changed(translated):
    page = publish(translated, lead_he="פתיח חדש בעברית.")
    assert outdated_languages([page.pk]) == {page.pk: {"fa"}}
    (change,) = source_changes(page, "fa")
    assert change.key == ("lead",)
    diff = change.parts[0].diff
    assert [text.strip() for op, text in diff if op != "equal"] == ["חדש"]
    assert [op for op, _text in diff] == ["equal", "insert", "equal"]


def test_blocks_changed_added_removed_and_moved(translated):
    body = [
        {"type": "quote", "value": {"text": "ציטוט", "attribution": ""}, "id": "q-1"},
        {"type": "heading", "value": {"text": "כותרת שנייה", "level": "h3"}, "id": "h-1"},
        {"type": "paragraph", "value": "<p>פסקה חדשה.</p>", "id": "p-2"},
    ]
    page = publish(translated, body_he=body)
    with override("en"):
        changes = {(c.key, c.state): c for c in source_changes(page, "fa")}
    assert set(changes) == {
        (("body", "h-1"), "changed"),
        (("body", "p-2"), "added"),
        (("body", "p-1"), "removed"),
        (("body",), "moved"),
    }
    heading = changes[(("body", "h-1"), "changed")]
    assert [p.diff for p in heading.parts] == [
        [("equal", "כותרת "), ("delete", "ראשונה"), ("insert", "שנייה")],
        [
            ("delete", "Section"),
            ("insert", "Subsection"),
            ("equal", " ("),
            ("delete", "h2"),
            ("insert", "h3"),
            ("equal", ")"),
        ],
    ]
    assert changes[(("body", "p-1"), "removed")].parts[0].diff == [
        ("delete", "הלקוח תמיד צודק, כמעט.")
    ]


def test_editing_the_translation_brings_it_up_to_date(translated):
    page = publish(translated, lead_he="פתיח חדש.")
    page = publish(page, lead_fa="مقدمه تازه.")
    assert outdated_languages([page]) == {}
    assert source_changes(page, "fa") == []


def test_a_source_changed_and_changed_back_is_not_outdated(translated):
    page = publish(translated, lead_he="פתיח אחר.")
    page = publish(page, lead_he="פתיח בעברית.")
    assert outdated_languages([page]) == {}


def test_mark_up_to_date(translated, django_user_model):
    page = publish(translated, title_he="דף מקור מעודכן")
    user = django_user_model.objects.create_user("translator")
    assert mark_up_to_date(page, "fa", user)
    assert outdated_languages([page]) == {}
    assert LanguageVersion.objects.get(page=page, language="fa").marked_by == user
    assert not mark_up_to_date(page, "he", user)  # the source itself
    assert not mark_up_to_date(page, "fi", user)  # no Finnish version


def test_a_draft_of_the_source_flags_nothing_until_published(translated):
    with override("he"):
        translated.lead_he = "טיוטה."
        revision = translated.save_revision()
    assert outdated_languages([translated]) == {}
    revision.publish()
    assert outdated_languages([translated]) == {translated.pk: {"fa"}}


def test_withdrawing_a_translation_forgets_it(translated):
    page = publish(translated, title_fa="", lead_fa="", slug_fa="")
    assert not LanguageVersion.objects.filter(page=page, language="fa").exists()


def test_a_page_published_before_tracking_began_compares_with_its_previous_revision(translated):
    LanguageVersion.objects.filter(page=translated).delete()
    page = publish(translated, lead_he="פתיח אחרי ההתקנה.")
    assert outdated_languages([page]) == {page.pk: {"fa"}}


def test_one_query_for_any_number_of_pages(translated, django_assert_num_queries):
    other = publish(BlogPostPage.objects.exclude(pk=translated.pk).filter(title_he__gt="").first())
    publish(translated, lead_he="שינוי.")
    with django_assert_num_queries(1):
        result = outdated_languages(BlogPostPage.objects.all())
    assert result == {translated.pk: {"fa"}}
    assert other.pk not in result


def test_the_sql_condition_agrees(translated):
    finnish = publish(translated, title_fi="Lähdesivu")
    publish(finnish, lead_he="שינוי.")
    pages = BlogPostPage.objects.all()
    assert outdated_languages(pages) == {translated.pk: {"fa", "fi"}}
    for lang in ("he", "fa", "fi"):
        expected = [translated.pk] if lang != "he" else []
        assert list(pages.filter(outdated_in(lang)).values_list("pk", flat=True)) == expected
    publish(BlogPostPage.objects.get(pk=translated.pk), lead_fa="مقدمه تازه.")
    assert list(pages.filter(outdated_in("fa"))) == []
    assert list(pages.filter(outdated_in("fi"))) == [translated]


def test_word_diff_keeps_every_word():
    parts = word_diff("one two three", "one 2 three four")
    assert "".join(t for op, t in parts if op != "insert") == "one two three"
    assert "".join(t for op, t in parts if op != "delete") == "one 2 three four"


# Every path that publishes the source.


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor-test", "", "pw"))
    return client


def test_edit_and_publish_in_the_admin(editor_client, translated):
    url = f"/admin/pages/{translated.pk}/edit/"
    data = edit_form(editor_client, url, translated)
    data.update({"lead_he": "פתיח מהעורך.", "action-publish": "publish"})
    assert submitted(editor_client.post(url, data))
    assert outdated_languages([translated]) == {translated.pk: {"fa"}}
    assert source_changes(translated, "fa")[0].key == ("lead",)


def test_revert_to_a_revision_and_publish(editor_client, translated):
    first = translated.revisions.order_by("created_at").first()  # Hebrew only
    page = publish(translated, lead_fa="مقدمه.")  # not outdated yet
    assert outdated_languages([page]) == {}
    revert = f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/"
    data = edit_form(editor_client, revert, first.as_object())
    data.update(
        nested_form_data({"body_he": streamfield([("paragraph", rich_text("<p>ישן</p>"))])})
    )
    data.update({"title_fa": "صفحه مبدأ", "lead_fa": "مقدمه.", "action-publish": "publish"})
    assert submitted(editor_client.post(f"/admin/pages/{page.pk}/edit/", data))
    assert outdated_languages([page]) == {page.pk: {"fa"}}


def test_scheduled_publishing(translated):
    with override("he"):
        translated.lead_he = "פתיח מתוזמן."
        translated.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        revision = translated.save_revision()
        revision.publish()
    assert outdated_languages([translated]) == {}  # not live yet
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    assert outdated_languages([translated]) == {translated.pk: {"fa"}}
    assert ("insert", "מתוזמן") in source_changes(translated, "fa")[0].parts[0].diff


def test_the_content_loader(content_copy):  # noqa: F811
    path = next((content_copy / "pages").glob("002-*.yaml"))
    page = seed_page(read_seed(path))
    publish(page, title_fa="مشتریان دوست یا دشمن؟", lead_fa="مقدمه.")
    assert outdated_languages([page]) == {}
    edit(path, lambda data: data["body"].insert(0, {"paragraph": "פסקה חדשה מהקובץ."}))
    run(content_copy)
    assert outdated_languages([page]) == {page.pk: {"fa"}}
    added = [c for c in source_changes(page, "fa") if c.state == "added"]
    assert [p.diff for c in added for p in c.parts] == [[("insert", "פסקה חדשה מהקובץ.")]]
