"""A reader posts a comment through the real form, in each language."""

import html
import re

import pytest
from django.test import override_settings
from wagtail.models import Site

from apps.comments import cookies, tokens
from apps.comments.models import Comment, CommentSettings, HeldReason

from .conftest import answer, commentable, form_token, post_comment

pytestmark = pytest.mark.django_db
LANGS = ("he", "fa", "fi")
# Wagtail's catalogs, which come before Django's, word "This field is required." so.
REQUIRED = {"he": "שדה חובה", "fa": "این فیلد لازم است.", "fi": "Tämä kenttä on pakollinen."}


@pytest.mark.parametrize("lang", LANGS)
def test_valid_comment_waits_and_only_its_author_sees_it(client, lang):
    body = f"Comment in {lang}: line one\nline two"
    response, page, url = post_comment(client, lang, body=body)

    assert response.status_code == 303
    comment = Comment.objects.get(body=body)
    assert response["Location"] == f"{url}#comment-{comment.pk}"
    assert comment.status == Comment.Status.PENDING
    assert comment.language == lang
    assert comment.held_reasons == [HeldReason.APPROVAL]

    mine = client.get(url)
    assert "private" in mine["Cache-Control"]
    text = mine.content.decode()
    assert f'id="comment-{comment.pk}"' in text
    assert "comment__pending" in text
    assert 'line one</span><span class="comment__line" dir="ltr">line two</span>' in text

    from django.test import Client

    other = Client().get(url).content.decode()
    assert f'id="comment-{comment.pk}"' not in other
    assert "line one" not in other


@pytest.mark.parametrize("lang", LANGS)
def test_errors_are_shown_by_the_field_and_everything_typed_is_kept(client, lang):
    body = "כל מה שכתבתי נשאר <b>כאן</b>\nשורה שנייה"
    response, _page, _url = post_comment(client, lang, email="", name="Ilse", body=body)

    assert response.status_code == 400
    text = response.content.decode()
    assert REQUIRED[lang] in html.unescape(text)
    assert re.search(r'id="id_email_error"', text)
    assert 'aria-invalid="true"' in text
    assert html.escape(body) in text  # the textarea holds the text, escaped, not rendered
    assert 'value="Ilse"' in text
    assert not Comment.objects.filter(name="Ilse").exists()


def test_too_long_body_says_how_long_and_keeps_it(client):
    body = "x" * 6000
    response, _page, _url = post_comment(client, "fi", body=body)
    assert response.status_code == 400
    text = response.content.decode()
    assert "5000" in text and "6000" in text
    assert body in text


def test_honeypot_refuses_and_keeps_the_text(client):
    response, _page, _url = post_comment(client, "he", website="http://spam.example", body="רגיל")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="רגיל").exists()
    assert "רגיל</textarea>" in response.content.decode()


def test_form_without_the_page_token_is_refused(client):
    page, url = commentable("fi")
    response = answer(client, client.post(
        f"/fi/comments/post/{page.pk}/",
        {"name": "Bot", "email": "b@example.com", "body": "Buy now", "token": "forged"},
    ))
    assert response.status_code == 400
    assert not Comment.objects.filter(name="Bot").exists()


@override_settings(COMMENTS_MIN_SECONDS=60)
def test_form_sent_back_too_fast_is_refused(client):
    response, _page, _url = post_comment(client, "fi", body="Liian nopea")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Liian nopea").exists()


def test_another_site_cannot_post(client):
    page, url = commentable("he")
    token = form_token(client, url)
    response = answer(client, client.post(
        f"/he/comments/post/{page.pk}/",
        {"name": "X", "email": "x@example.com", "body": "cross", "token": token},
        HTTP_ORIGIN="https://evil.example",
    ))
    assert response.status_code == 403
    assert not Comment.objects.filter(body="cross").exists()


@override_settings(COMMENTS_RATE_HOLD=2, COMMENTS_RATE_LIMIT=3)
def test_rate_limit_holds_then_refuses_keeping_the_text(client):
    statuses = []
    for i in range(4):
        response, _page, _url = post_comment(client, "fi", body=f"Viesti {i}")
        statuses.append(response.status_code)
    assert statuses == [303, 303, 303, 429]
    assert HeldReason.RATE in Comment.objects.get(body="Viesti 2").held_reasons
    assert HeldReason.RATE not in Comment.objects.get(body="Viesti 1").held_reasons
    assert not Comment.objects.filter(body="Viesti 3").exists()
    assert "Viesti 3</textarea>" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_anonymous_page_is_the_same_for_everyone_and_has_no_csrf_token(client):
    from django.test import Client

    _page, url = commentable("he")
    first = Client().get(url).content.decode()
    second = Client().get(url).content.decode()
    assert "csrfmiddlewaretoken" not in first
    # Only the form's signed timestamp may differ between two renders.
    strip = lambda text: re.sub(r'name="token" value="[^"]+"', "", text)  # noqa: E731
    assert strip(first) == strip(second)


def test_remember_me_fills_the_form_next_time(client):
    response, _page, url = post_comment(client, "fi", name="Aino", remember="on")
    assert cookies.REMEMBER in response.cookies
    text = client.get(url).content.decode()
    assert 'value="Aino"' in text and 'value="dana@example.com"' in text


def test_without_remember_me_nothing_is_remembered(client):
    response, _page, url = post_comment(client, "fi", name="Eero")
    assert response.cookies[cookies.REMEMBER].value == ""  # deleted, not set
    assert 'value="Eero"' not in client.get(url).content.decode()


def test_closed_page_shows_no_form_and_refuses_posts(client):
    page, url = commentable("fa")
    page.comment_policy = "closed"
    page.save_revision().publish()
    text = client.get(url).content.decode()
    assert 'name="token"' not in text
    response = answer(client, client.post(
        f"/fa/comments/post/{page.pk}/",
        {"name": "N", "email": "n@example.com", "body": "بسته", "token": tokens.issue(page.pk)},
    ))
    assert response.status_code == 403
    assert "بسته</textarea>" in response.content.decode()


def test_comments_close_automatically_after_the_configured_days(client, rf):
    page, url = commentable("fa")
    page.comment_policy = "auto"
    page.save_revision().publish()
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.close_after_days = 0
    rules.save()
    assert 'name="token"' not in client.get(url).content.decode()
    rules.close_after_days = 30
    rules.save()
    assert 'name="token"' in client.get(url).content.decode()


def test_reply_nests_under_its_parent_and_depth_is_limited(client):
    page, url = commentable("he")
    top = Comment.objects.filter(page=page, depth=2).first()
    response, _p, _u = post_comment(client, "he", parent=str(top.pk), body="עומק שלוש")
    assert response.status_code == 303
    third = Comment.objects.get(body="עומק שלוש")
    assert (third.parent_id, third.depth) == (top.pk, 3)
    third.status = Comment.Status.APPROVED
    third.save()
    # The default depth is 3: a reply to a third-level comment joins it at that level.
    response, _p, _u = post_comment(client, "he", parent=str(third.pk), body="עומק ארבע")
    fourth = Comment.objects.get(body="עומק ארבע")
    assert (fourth.parent_id, fourth.depth) == (top.pk, 3)
    text = client.get(url).content.decode()
    assert f'href="?replyto={third.pk}#respond"' not in text
    assert f'href="?replyto={top.pk}#respond"' in text


def test_a_comment_sent_to_spam_still_looks_pending_to_its_author(client):
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.reject_words = "kasino"
    rules.save()
    response, _page, url = post_comment(client, "fi", body="Paras KASINO bonus")
    comment = Comment.objects.get(body="Paras KASINO bonus")
    assert comment.status == Comment.Status.SPAM
    text = client.get(url).content.decode()
    assert f'id="comment-{comment.pk}"' in text and "comment__pending" in text
    from django.test import Client

    assert f'id="comment-{comment.pk}"' not in Client().get(url).content.decode()


def test_replying_to_an_unapproved_comment_is_refused(client):
    page, _url = commentable("fi")
    hidden = Comment.objects.create(page=page, language="fi", name="Q", body="odottaa")
    response, _p, _u = post_comment(client, "fi", parent=str(hidden.pk), body="vastaus")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="vastaus").exists()


def _render_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_thread(client):
    page, url = commentable("fi")

    def add(n):
        Comment.objects.bulk_create(
            [
                Comment(page=page, language="fi", name=f"N{i}", body=f"B{i}", status="approved")
                for i in range(n)
            ]
        )

    client.get(url)  # warm the per-process caches (site root paths, settings)
    add(5)
    small = _render_queries(client, url)
    add(195)
    large = _render_queries(client, url)
    assert "200 kommenttia" in client.get(url).content.decode()
    assert small == large
