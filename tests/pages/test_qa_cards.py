"""Q&A that helps: cards say how many answers a question has (plural forms per language) and
the best answer's first line; answers show who answered and when, when known."""

import datetime
import re

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
        page=two,
        is_best=True,
        author=author,
        answered_on=datetime.date(2026, 3, 4),
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


# How each language writes 4 March 2026 (Persian: the Jalali date, 13 Esfand 1404).
ANSWER_DATES = {"he": "4 במרץ 2026", "fa": "۱۳ اسفند ۱۴۰۴", "fi": "4. maaliskuuta 2026"}
BY = {"he": "מאת", "fa": "از", "fi": "Vastannut"}


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_answers_say_who_answered_and_when_only_when_known(client, lang):
    author = Author.objects.create(name="Noa Vastaaja", key=f"noa-{lang}")
    page = create_page(QuestionPage, lang, f"Kuka vastasi {lang}")
    Answer.objects.create(
        page=page, is_best=True, author=author, answered_on=datetime.date(2026, 3, 4),
        **{f"body_{lang}": "<p>Tunnettu vastaaja.</p>"},
    )  # fmt: skip
    Answer.objects.create(page=page, **{f"body_{lang}": "<p>Tuntematon vastaaja.</p>"})

    html = client.get(url_in(page, lang)).content.decode()
    metas = re.findall(r'<p class="answer__meta">(.*?)</p>', html, re.S)
    assert len(metas) == 1, "only the answer whose author and date are known has a byline"
    meta = re.sub(r"<[^>]+>", "", metas[0])
    assert "Noa Vastaaja" in meta and ANSWER_DATES[lang] in meta
    assert BY[lang] in meta
