"""Q&A that helps: cards say how many answers a question has (plural forms per language) and
the best answer's first line; answers show who answered and when, when known."""

import datetime

import pytest

from apps.people.models import Author
from apps.qa.models import Answer, QuestionIndexPage, QuestionPage
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.django_db

CASES = {
    # lang: (plural wording of two answers, of one answer)
    "he": ("שתי תשובות", "תשובה אחת"),
    "fa": ("۲ پاسخ", "۱ پاسخ"),
    "fi": ("2 vastausta", "1 vastaus"),
}


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_cards_count_answers_and_quote_the_best_answers_first_line(client, lang):
    author = Author.objects.create(name="Noa Vastaaja", key="noa-qa")
    two = create_page(QuestionPage, lang, f"Kaksi vastausta {lang}")
    Answer.objects.create(page=two, **{f"body_{lang}": "<p>Tavallinen vastaus.</p>"})
    Answer.objects.create(
        page=two, is_best=True, author=author, answered_on=datetime.date(2026, 3, 4),
        **{f"body_{lang}": "<p>Paras rivi tässä.</p><p>Toinen kappale.</p>"},
    )
    one = create_page(QuestionPage, lang, f"Yksi vastaus {lang}")
    Answer.objects.create(page=one, **{f"body_{lang}": "<p>Ainoa.</p>"})

    listing = client.get(url_in(QuestionIndexPage.objects.get(), lang)).content.decode()
    two_words, one_word = CASES[lang]
    assert two_words in listing and one_word in listing
    assert "Paras rivi tässä." in listing and "Toinen kappale" not in listing

    page = client.get(url_in(two, lang)).content.decode()
    assert "<bdi>Noa Vastaaja</bdi>" in page
    assert 'datetime="2026-03-04"' in page
