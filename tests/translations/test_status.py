"""The state of each page in each language (apps/translations/status.py), the report, the
explorer's column and filter, and the dashboard's counts."""

import html
import itertools
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Page
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.core import withdrawal
from apps.core.parts import part_summary
from apps.qa.models import Answer, QuestionPage
from apps.translations.status import (
    DRAFT,
    LIVE,
    MISSING,
    OUTDATED,
    RULES,
    STATES,
    WITHDRAWN,
    annotate_facts,
    language_state,
    state_condition,
    state_counts,
    states_of,
)
from tests.seeds import create_page, publish_translation


@pytest.mark.parametrize("values", list(itertools.product([False, True], repeat=4)))
def test_the_first_rule_that_holds_decides(values):
    facts = dict(zip(("withdrawn", "outdated", "draft", "live"), values, strict=True))
    expected = (
        WITHDRAWN if facts["withdrawn"] else OUTDATED if facts["outdated"]
        else DRAFT if facts["draft"] else LIVE if facts["live"] else MISSING
    )  # fmt: skip
    assert language_state(facts) == expected
    assert [fact for _state, fact in RULES] == ["withdrawn", "outdated", "draft", "live"]


@pytest.fixture
def pages(db):
    """One page in each state, named by what it is in Finnish and Hebrew."""
    # Saved in Hebrew, the site's language: Wagtail keeps a revision's title (draft_title) in
    # the language active when it is saved, whatever other tests left active.
    with override("he"):
        return _pages()


def _pages():
    made = {}
    made["he live, fi missing"] = create_page(BlogPostPage, "he", "רק בעברית סטטוס")
    both = create_page(BlogPostPage, "he", "שתי שפות סטטוס")
    made["he and fi live"] = publish_translation(
        both, title_fi="Kaksi kieltä tila", slug_fi="kaksi-kielta-tila", lead_fi="Johdanto."
    )
    draft = create_page(BlogPostPage, "he", "טיוטה בפינית סטטוס")
    draft.title_fi, draft.slug_fi = "Luonnos tila", "luonnos-tila"
    draft.save_revision()  # a Finnish translation, not published
    made["he live, fi draft"] = draft
    edited = create_page(BlogPostPage, "he", "עריכה בפינית סטטוס")
    edited = publish_translation(edited, title_fi="Muokattu tila", slug_fi="muokattu-tila")
    edited.lead_fi = "Uusi johdanto, julkaisematta."
    edited.save_revision()
    made["he live, fi edited"] = edited
    hebrew_edit = create_page(BlogPostPage, "he", "עריכה בעברית סטטוס")
    hebrew_edit = publish_translation(hebrew_edit, title_fi="Heprea muokattu", slug_fi="heprea-m")
    hebrew_edit.lead_he = "פתיח חדש שלא פורסם."
    hebrew_edit.save_revision()
    made["he edited, fi live"] = hebrew_edit
    gone = create_page(BlogPostPage, "he", "נסוג בפינית סטטוס")
    gone = publish_translation(gone, title_fi="Vedetty tila", slug_fi="vedetty-tila")
    withdrawal.withdraw(gone, "fi")
    made["he live, fi withdrawn"] = gone
    made["never published, fi"] = create_page(BlogPostPage, "fi", "Julkaisematon tila", live=False)
    behind = create_page(BlogPostPage, "he", "מקור שהשתנה סטטוס")
    behind = publish_translation(behind, title_fi="Jäljessä tila", slug_fi="jaljessa-tila")
    made["he changed, fi outdated"] = publish_translation(behind, lead_he="פתיח חדש למקור.")
    behind_draft = create_page(BlogPostPage, "he", "מקור וטיוטה סטטוס")
    behind_draft = publish_translation(behind_draft, title_fi="Jäljessä luonnos", slug_fi="j-l")
    behind_draft = publish_translation(behind_draft, lead_he="המקור השתנה שוב.")
    behind_draft.lead_fi = "Käännös on työn alla."
    behind_draft.save_revision()
    made["he changed, fi outdated with a draft"] = behind_draft
    return made


EXPECTED = {
    "he live, fi missing": {"he": LIVE, "fa": MISSING, "fi": MISSING},
    "he and fi live": {"he": LIVE, "fa": MISSING, "fi": LIVE},
    "he live, fi draft": {"he": LIVE, "fa": MISSING, "fi": DRAFT},
    "he live, fi edited": {"he": LIVE, "fa": MISSING, "fi": DRAFT},
    "he edited, fi live": {"he": DRAFT, "fa": MISSING, "fi": LIVE},
    "he live, fi withdrawn": {"he": LIVE, "fa": MISSING, "fi": WITHDRAWN},
    "never published, fi": {"he": MISSING, "fa": MISSING, "fi": DRAFT},
    "he changed, fi outdated": {"he": LIVE, "fa": MISSING, "fi": OUTDATED},
    "he changed, fi outdated with a draft": {"he": LIVE, "fa": MISSING, "fi": OUTDATED},
}


def test_each_page_gets_its_state_in_each_language(pages):
    ids = {page.pk: name for name, page in pages.items()}
    annotated = annotate_facts(Page.objects.filter(pk__in=ids))
    assert {ids[page.pk]: states_of(page) for page in annotated} == EXPECTED


def test_filters_and_counts_agree_with_the_states(pages):
    ids = {page.pk: name for name, page in pages.items()}
    mine = Page.objects.filter(pk__in=ids)
    with CaptureQueriesContext(connection) as queries:
        counts = state_counts(mine)
    assert len(queries) == 1
    for lang in ("he", "fa", "fi"):
        for state in STATES:
            found = {ids[pk] for pk in mine.filter(state_condition(lang, state)).values_list(
                "pk", flat=True)}  # fmt: skip
            expected = {name for name, states in EXPECTED.items() if states[lang] == state}
            assert found == expected, (lang, state)
            assert counts[lang, state] == len(expected)


@pytest.fixture
def editor(db):
    def sign_in(client, lang):
        user, _created = User.objects.get_or_create(
            username=f"status-{lang}", defaults={"is_superuser": True, "is_staff": True}
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
        client.force_login(user)
        return client

    return sign_in


def report(client, query):
    # Newest first, so that pages other tests left behind cannot push these off the first page.
    response = client.get(f"/admin/translations/?{query}&ordering=-latest_revision_created_at")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def exported(client, query):
    """The report's rows as its CSV export gives them: every row, not one page of them (pages
    that other test modules leave behind can outnumber a listing's page)."""
    response = client.get(f"/admin/translations/?{query}&export=csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_report_lists_the_pages_missing_a_language(client, editor, pages):
    text = exported(editor(client, "fi"), "language=fi&state=missing")
    assert "רק בעברית סטטוס" in text
    for name in ("he and fi live", "he live, fi draft", "he live, fi withdrawn"):
        assert pages[name].title_he not in text, name
    drafts = exported(client, "language=fi&state=draft")
    assert "טיוטה בפינית סטטוס" in drafts and "עריכה בפינית סטטוס" in drafts
    assert "רק בעברית סטטוס" not in drafts
    outdated = exported(client, "language=fi&state=outdated")
    assert "מקור שהשתנה סטטוס" in outdated and "מקור וטיוטה סטטוס" in outdated
    assert "טיוטה בפינית סטטוס" not in outdated and "שתי שפות סטטוס" not in outdated
    section = BlogIndexPage.objects.get().pk
    assert "רק בעברית סטטוס" in exported(client, f"section={section}&state=missing")


def test_the_report_costs_the_same_queries_for_more_pages(client, editor, pages):
    editor(client, "he")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report(client, "")
        return len(captured)

    before = queries()
    for number in range(12):
        create_page(BlogPostPage, "he", f"עוד עמוד לספירה {number}")
    assert queries() == before


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_dashboard_counts_link_into_the_report(client, editor, pages, lang):
    missing = state_counts(Page.objects.filter(depth__gt=1))["fi", MISSING]
    text = html.unescape(editor(client, lang).get("/admin/").content.decode())
    with override(lang):
        sentence = ngettext(
            "%(count)d page missing Finnish", "%(count)d pages missing Finnish", missing
        ) % {"count": missing}
    assert f'<a href="/admin/translations/?language=fi&state=missing">{sentence}</a>' in text
    assert "missing Finnish" not in sentence
    outdated = state_counts(Page.objects.filter(depth__gt=1))["fi", OUTDATED]
    assert outdated >= 2
    with override(lang):
        sentence = ngettext(
            "%(count)d outdated translation", "%(count)d outdated translations", outdated
        ) % {"count": outdated}
    assert f'<a href="/admin/translations/?language=fi&state=outdated">{sentence}</a>' in text
    assert "outdated" not in sentence


def test_the_explorer_shows_and_filters_languages(client, editor, pages):
    blog = BlogIndexPage.objects.get().pk
    text = html.unescape(editor(client, "he").get(f"/admin/pages/{blog}/").content.decode())
    assert 'class="mishov-languages"' in text
    filtered = client.get(f"/admin/pages/{blog}/?language=fi&state=withdrawn").content.decode()
    assert "נסוג בפינית סטטוס" in filtered
    assert "רק בעברית סטטוס" not in filtered


def test_the_report_exports_the_states_in_the_admin_language(client, editor, pages):
    response = editor(client, "fi").get("/admin/translations/?language=fi&state=draft&export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    lines = text.splitlines()
    assert lines[0].split(",")[-3:] == ["heprea", "persia", "suomi"]
    row = next(line for line in lines if "טיוטה בפינית סטטוס" in line)
    assert row.endswith(",Julkaistu,Puuttuu,Luonnos")



def _question(title, answers):
    """A live Hebrew question with `answers`: one dict of body fields (body_he=…) per answer."""
    return create_page(
        QuestionPage, "he", title,
        answers=[Answer(sort_order=i, **fields) for i, fields in enumerate(answers)],
    )  # fmt: skip


@pytest.fixture
def question(db):
    """Three answers: all in Hebrew, two in Persian, one in Finnish."""
    return _question("שאלה עם תשובות סטטוס", [
        {"body_he": "<p>א</p>", "body_fa": "<p>الف</p>", "body_fi": "<p>Yksi</p>"},
        {"body_he": "<p>ב</p>", "body_fa": "<p>ب</p>"},
        {"body_he": "<p>ג</p>"},
    ])  # fmt: skip


def _report_row(text, title):
    row = text[text.index(title) :]
    return row[: row.index("</tr>")]


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_report_counts_a_questions_answers_in_each_language(client, editor, question, lang):
    row = _report_row(report(editor(client, lang), ""), question.title_he)
    parts = re.findall(r'<span class="mishov-parts[^"]*">([^<]*)</span>', row)
    with override(lang):
        assert parts == [part_summary(Answer, n, 3) for n in (3, 2, 1)], row
        assert gettext("Answers") in parts[0] and "Answers" not in parts[0]
    assert row.count("mishov-parts--lacking") == 2  # Persian and Finnish lack some


def test_the_report_counts_answers_in_the_same_queries(client, editor, question):
    editor(client, "he")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report(client, "")
        return len(captured)

    before = queries()
    for number in range(12):
        _question(f"עוד שאלה לספירה {number}", [{"body_he": "<p>א</p>"}, {"body_fi": "<p>B</p>"}])
    assert queries() == before


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_questions_languages_panel_counts_its_answers(client, editor, question, lang):
    response = editor(client, lang).get(f"/admin/pages/{question.pk}/edit/")
    text = html.unescape(response.content.decode())
    with override(lang):
        line = f"{gettext('Answers')}: עברית " + gettext("%(count)s of %(total)s") % {
            "count": 3, "total": 3}
    assert line in text
    assert "<strong>Suomi 1" in text and "<strong>فارسی 2" in text
