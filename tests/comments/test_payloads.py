"""Hostile input: nothing executes, nothing a person wrote is lost, no layout tricks."""

import re

import pytest
from django.utils.html import escape

from apps.comments.models import Comment
from apps.comments.rendering import render_body

from .conftest import post_comment

pytestmark = pytest.mark.django_db


def _approve_and_render(client, body, lang="fi", name="Tester"):
    response, _page, url = post_comment(client, lang, body=body, name=name)
    assert response.status_code == 303, response.content.decode()[:500]
    comment = Comment.objects.latest("pk")
    comment.status = Comment.Status.APPROVED
    comment.save()
    return comment, client.get(url).content.decode()


def test_script_tags_are_text(client):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b>'
    comment, text = _approve_and_render(client, body)
    assert comment.body == body  # stored exactly as written
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert escape(body) in text


def test_bidi_controls_are_removed_from_names_and_bodies(client):
    body = "price \u202e001$\u202c and \u2066isolated\u2069 text\u200c ok"
    comment, text = _approve_and_render(client, body, name="Ev\u202eil\u202c")
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in comment.body and control not in comment.name
        assert control not in text
    assert comment.body == "price 001$ and isolated text\u200c ok"  # ZWNJ is a letter joiner, kept
    assert comment.name == "Evil"


def test_every_name_is_isolated_and_every_paragraph_has_its_direction(client):
    _comment, text = _approve_and_render(client, "English inside a Finnish page", name="مریم")
    assert "<bdi>مریم</bdi>" in text
    bodies = re.findall(r'<div class="comment__body">(.*?)</div>', text, re.S)
    assert len(bodies) == text.count('class="comment__card"')
    assert all(body.startswith("<p dir=") for body in bodies)


def test_control_and_invalid_characters_are_dropped_not_the_text(client):
    body = "alku\x00\x07 keski\ufffe loppu\r\nrivi"
    comment, _text = _approve_and_render(client, body)
    assert comment.body == "alku keski loppu\nrivi"


def test_huge_body_is_refused_with_a_message_and_kept(client):
    body = "ä" * 100_000
    response, _page, _url = post_comment(client, "fi", body=body)
    assert response.status_code == 400
    assert body in response.content.decode()


def test_links_are_nofollow_ugc_and_only_http():
    rendered = render_body("visit https://example.com/x?a=1&b=2. or javascript:alert(1)")
    assert (
        '<a href="https://example.com/x?a=1&amp;b=2" rel="nofollow ugc noopener" dir="ltr">'
        in rendered
    )
    assert "javascript:alert(1)" in rendered and 'href="javascript' not in rendered


def test_line_breaks_are_kept_as_paragraphs_and_breaks():
    assert render_body("a\nb\n\nc") == (
        '<p dir="ltr"><span class="comment__line" dir="ltr">a</span>'
        '<span class="comment__line" dir="ltr">b</span></p><p dir="ltr">c</p>'
    )
    assert render_body("123\n\n456") == "<p>123</p><p>456</p>"
    assert render_body("123\n\n456", language="he") == '<p dir="rtl">123</p><p dir="rtl">456</p>'


def test_a_hebrew_paragraph_opening_with_latin_is_still_right_to_left():
    rendered = render_body("OK, אז מצאת מקרה קיצון.\n\nSee this English paragraph, ok?")
    assert rendered.startswith('<p dir="rtl">OK, אז מצאת')
    assert '<p dir="ltr">See this English' in rendered
