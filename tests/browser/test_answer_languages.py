"""A question's answers per language, in Chromium, in the Hebrew, Persian and Finnish admin: the
translation status report says under each language's state how many of the question's answers
exist in it, and the question's Languages panel lists the same."""

import pytest
from django.contrib.auth.models import User
from django.utils.translation import override
from wagtail.users.models import UserProfile

from apps.core.parts import part_summary
from apps.qa.models import Answer, QuestionPage
from tests.seeds import create_page

PASSWORD = "answers-password-1"  # noqa: S105 - a test account
LANGUAGES = ("he", "fa", "fi")
TITLE = "שאלה עם תשובות לדפדפן"
#: Answers in each language: all three in Hebrew, two in Persian, one in Finnish.
IN_LANGUAGE = {"he": 3, "fa": 2, "fi": 1}


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    with django_db_blocker.unblock():
        for lang in LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"vastaukset-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        answers = [
            Answer(sort_order=0, body_he="<p>א</p>", body_fa="<p>الف</p>", body_fi="<p>Yksi</p>"),
            Answer(sort_order=1, body_he="<p>ב</p>", body_fa="<p>ب</p>"),
            Answer(sort_order=2, body_he="<p>ג</p>"),
        ]
        question = create_page(QuestionPage, "he", TITLE, answers=answers)
        expected = {}
        for lang in LANGUAGES:
            with override(lang):
                expected[lang] = [part_summary(Answer, IN_LANGUAGE[c], 3) for c in LANGUAGES]
        yield {"question": question.pk, "expected": expected}
        QuestionPage.objects.filter(pk=question.pk).delete()


def signed_in(browser, server_url, lang):
    page = browser.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"vastaukset-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_and_panel_count_answers_per_language(browser, server_url, browser_data, lang):
    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/translations/?ordering=-latest_revision_created_at")
    row = page.locator("tr", has_text=TITLE)
    parts = [text.strip() for text in row.locator(".mishov-parts").all_inner_texts()]
    assert parts == browser_data["expected"][lang]
    assert row.locator(".mishov-parts--lacking").count() == 2  # Persian and Finnish lack some

    page.goto(f"{server_url}/admin/pages/{browser_data['question']}/edit/")
    panel = page.locator(".mishov-parts").inner_text()
    assert "עברית" in panel and "فارسی" in panel and "Suomi" in panel
    assert page.locator(".mishov-parts strong").count() == 2
    page.close()
