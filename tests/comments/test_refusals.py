"""Refused comment posts are cheap (no database, no page) and keep what was typed; form tokens
are good for one post."""

import json
import re

import pytest
from django.test import override_settings

from apps.comments import tokens
from apps.comments.models import Comment

from .conftest import answer, commentable, form_token

pytestmark = pytest.mark.django_db

FIELDS = {"name": "Dana", "email": "dana@example.com", "body": "Ajatus, joka säilyy."}


def send(client, page, lang="fi", **extra):
    data = {**FIELDS, **{k: v for k, v in extra.items() if not k.startswith("HTTP_")}}
    headers = {k: v for k, v in extra.items() if k.startswith("HTTP_")}
    return answer(client, client.post(f"/{lang}/comments/post/{page.pk}/", data, **headers))


def fresh_token_in(response):
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, "the refusal page has no fresh token"
    return match.group(1)


def test_a_token_is_good_for_one_post_and_the_refusal_brings_a_fresh_one(client):
    page, url = commentable("fi")
    token = form_token(client, url)
    assert send(client, page, token=token).status_code == 303

    again = send(client, page, token=token, body="Toinen viesti samalla lomakkeella.")
    assert again.status_code == 400
    assert "Toinen viesti samalla lomakkeella.</textarea>" in again.content.decode()
    assert not Comment.objects.filter(body="Toinen viesti samalla lomakkeella.").exists()

    body = "Toinen viesti samalla lomakkeella."
    resent = send(client, page, token=fresh_token_in(again), body=body)
    assert resent.status_code == 303
    assert Comment.objects.filter(body="Toinen viesti samalla lomakkeella.").exists()


def test_the_token_view_gives_each_reader_a_token_of_their_own(client):
    page, _url = commentable("he")
    first = client.get(f"/he/comments/token/{page.pk}/")
    second = client.get(f"/he/comments/token/{page.pk}/")
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]
    one, two = json.loads(first.content)["token"], json.loads(second.content)["token"]
    assert one != two
    assert send(client, page, lang="he", token=one).status_code == 303


def test_a_token_of_another_page_is_refused(client):
    page, _url = commentable("fi")
    other, _ = commentable("he")
    assert send(client, page, token=tokens.issue(other.pk)).status_code == 400


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example", "https://testserver", "null", "http://testserver.evil.example"],
)
def test_only_the_site_own_scheme_and_host_may_post(client, origin):
    page, url = commentable("fi")
    response = send(client, page, token=form_token(client, url), HTTP_ORIGIN=origin)
    assert response.status_code == 403
    assert FIELDS["body"] + "</textarea>" in response.content.decode()
    own = send(client, page, token=form_token(client, url), HTTP_ORIGIN="http://testserver")
    assert own.status_code == 303


@override_settings(COMMENTS_RATE_HOLD=50, COMMENTS_RATE_LIMIT=1)
@pytest.mark.parametrize("refusal", ["origin", "forged", "spent", "honeypot", "rate"])
def test_refusals_touch_neither_the_database_nor_the_page(
    client, django_assert_num_queries, refusal
):
    page, url = commentable("fi")
    token = form_token(client, url)
    extra = {"token": token}
    if refusal == "origin":
        extra["HTTP_ORIGIN"] = "https://evil.example"
    elif refusal == "forged":
        extra["token"] = token[:-3] + "abc"
    elif refusal == "spent":
        assert send(client, page, token=token).status_code == 303
    elif refusal == "honeypot":
        extra["website"] = "http://spam.example"
    elif refusal == "rate":
        assert send(client, page, token=form_token(client, url)).status_code == 303
    with django_assert_num_queries(0):
        response = send(client, page, **extra)
    assert 400 <= response.status_code < 500
    text = response.content.decode()
    assert FIELDS["body"] + "</textarea>" in text
    assert 'lang="fi"' in text
    assert "comment-list" not in text  # the small page, not the page with its thread
    assert "private" in response["Cache-Control"]


def test_the_refusal_page_leads_back_to_the_page_it_came_from(client):
    page, url = commentable("he")
    refused = send(client, page, lang="he", token="forged", HTTP_REFERER=f"http://testserver{url}")
    assert refused.status_code == 400
    assert f'href="{url}#respond"' in refused.content.decode()
    elsewhere = send(client, page, lang="he", token="forged", HTTP_REFERER="https://evil.example/x")
    assert "evil.example" not in elsewhere.content.decode()


def test_opening_the_form_address_leads_back_to_the_page(client):
    page, url = commentable("he")
    response = client.get(f"/he/comments/post/{page.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{url}#respond"


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_after_an_error_the_address_can_be_reloaded_and_shared(client, lang):
    """Issue 18, bug 6: a post that went wrong lands (303) on the form's own address, which
    its writer can reload (a GET: nothing is sent again) and anyone else opens as the page."""
    page, url = commentable(lang)
    action = f"/{lang}/comments/post/{page.pk}/"
    posted = client.post(action, {**FIELDS, "email": "", "token": form_token(client, url)})
    assert posted.status_code == 303 and posted["Location"] == action
    for _reload in range(2):
        again = client.get(action)
        assert again.status_code == 400
        assert FIELDS["body"] + "</textarea>" in again.content.decode()
        assert 'id="id_email_error"' in again.content.decode()
        assert "no-store" in again["Cache-Control"]
    from django.test import Client

    shared = Client().get(action)
    assert shared.status_code == 302 and shared["Location"] == f"{url}#respond"

    token = fresh_token_in(client.get(action))
    assert client.post(action, {**FIELDS, "token": token}).status_code == 303
    assert client.get(action).status_code == 302  # posted: the draft is gone
