"""Each line of a comment is laid out in the direction of its language (the corpus in
direction_corpus.py); the same corpus is checked in Chromium in tests/browser/."""

import re

import pytest

from apps.comments.rendering import render_body, text_direction

from .direction_corpus import CORPUS, lines

# A one-line paragraph is a <p dir>; in a paragraph of several lines, each line is a span.
_LINE = re.compile(
    r'<p dir="(\w+)">(?!<span class="comment__line")|<span class="comment__line" dir="(\w+)">'
)


def rendered_directions(html):
    return [p or span for p, span in _LINE.findall(html)]


@pytest.mark.parametrize(("lang", "body", "expected"), CORPUS, ids=lambda v: str(v)[:30])
def test_each_line_takes_the_direction_of_its_language(lang, body, expected):
    assert len(lines(body)) == len(expected)
    assert rendered_directions(render_body(body, language=lang)) == expected


def test_the_seed_signature_lines_are_right_to_left():
    signature = "בברכה\nישראל פטשניק\nאסטרטגיה עסקית טכנולוגית\nיעוץ ואימון\nBusiness Technology Strategy\n054-9003900\nptashnik@netvision.net.il\nhttp://www.linkedin.com/in/israelptashnik"  # noqa: E501
    html = render_body(signature, language="he")
    assert html.startswith('<p dir="rtl">')
    assert rendered_directions(html) == ["rtl"] * 4 + ["ltr"] + ["rtl"] * 3


def test_neutral_text_takes_the_page_language():
    for text in ("123", "https://example.org/", "🙂", "054-9003900", "example.org"):
        assert text_direction(text, "rtl") == "rtl"
        assert text_direction(text, "ltr") == "ltr"
        assert text_direction(text) == ""


def test_gershayim_inside_a_word_is_not_a_quotation():
    # Were מצ"ב … ארה"ב one quotation, nothing would be left to decide by but the English.
    assert text_direction('מצ"ב ה-case study מארה"ב, really interesting stuff', "rtl") == "rtl"


def test_a_comment_that_is_only_a_quotation_goes_by_the_quotation():
    assert text_direction('"The customer is always right, whatever happens"', "rtl") == "ltr"


def test_links_and_shown_addresses_are_isolated_left_to_right():
    html = render_body("ראו https://example.org/a/ או a@example.org", True, "he")
    assert '<a href="https://example.org/a/" rel="nofollow ugc noopener" dir="ltr">' in html
    assert '<bdi dir="ltr">a@example.org</bdi>' in html
