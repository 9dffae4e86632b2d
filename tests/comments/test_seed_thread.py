"""Seed 004's thread, imported as the site's first approved comments."""

import html
import io
import re

import pytest
from django.core.management import call_command

from apps.comments.models import Comment
from tests.seeds import seed

from .conftest import commentable

pytestmark = pytest.mark.django_db


def _flatten(items, depth=1):
    for item in items:
        yield item, depth
        yield from _flatten(item.get("replies") or [], depth + 1)


def test_thread_is_imported_approved_and_nested():
    data = seed("004")
    page, _url = commentable("he")
    comments = list(Comment.objects.filter(page=page, language="he").order_by("created_at"))
    expected = list(_flatten(data["comments"]))
    assert len(comments) == len(expected) == 8
    for comment, (item, depth) in zip(comments, expected, strict=True):
        assert comment.status == Comment.Status.APPROVED
        assert comment.body == item["body"].strip()
        assert comment.depth == depth
        assert comment.is_author_reply == item["author_reply"]
    replies = [c for c in comments if c.depth == 2]
    assert all(r.parent.depth == 1 and r.is_author_reply for r in replies)


def test_thread_renders_as_the_seed_shows_it(client):
    data = seed("004")
    _page, url = commentable("he")
    text = html.unescape(client.get(url).content.decode())
    thread = text[text.index('id="comments"') :]
    positions = []
    for item, _depth in _flatten(data["comments"]):
        first_line = item["body"].strip().splitlines()[0][:40]
        assert first_line in thread, first_line
        positions.append(thread.index(first_line))
    assert positions == sorted(positions), "comments are out of order"
    assert thread.count("comment--author") == 4
    assert thread.count('class="comment__badge"') == 4
    assert thread.count('class="comment-list comment-list--replies"') == 4
    assert "8 תגובות" in thread


def test_personal_data_in_the_fourth_comment_is_masked(client):
    _page, url = commentable("he")
    raw = client.get(url).content.decode()
    text = html.unescape(raw)
    for secret in ("054-9003900", "9003900", "ptashnik@netvision.net.il", "ptashnik@"):
        assert secret not in text
    assert "ישראל פטשניק" in text  # the signature's name is not personal data
    assert re.search(r'<span class="comment__masked">\[[^\]]+\]</span>', raw)


def test_no_commenter_email_anywhere_in_the_page(client):
    _page, url = commentable("he")
    text = html.unescape(client.get(url).content.decode())
    for email in Comment.objects.exclude(email="").values_list("email", flat=True):
        assert email not in text


def test_reimport_changes_nothing():
    before = list(Comment.objects.values_list("pk", "body", "created_at", "parent_id"))
    out = io.StringIO()
    call_command("load_seed_content", stdout=out)
    assert "Nothing to change" in out.getvalue()
    after = list(Comment.objects.values_list("pk", "body", "created_at", "parent_id"))
    assert before == after


def test_the_signature_lines_are_right_to_left(client):
    """The fourth comment's signature: Hebrew lines, an English title, a masked phone number and
    e-mail address and a LinkedIn address. Only the English title is laid out left to right."""
    _page, url = commentable("he")
    text = html.unescape(client.get(url).content.decode())
    signature = re.search(r'<p dir="rtl">בברכה</p><p dir="(\w+)">(.*?)</p>', text, re.S)
    assert signature and signature.group(1) == "rtl"
    lines = re.findall(r'<span class="comment__line" dir="(\w+)">', signature.group(2))
    words = [re.sub(r"<[^>]+>", "", line) for line in signature.group(2).split("</span><span")]
    assert lines == ["rtl", "rtl", "rtl", "ltr", "rtl", "rtl", "rtl"]
    assert "Business Technology Strategy" in words[3]
    assert "ישראל פטשניק" in words[0]
