"""A commenter asks, by a link e-mailed to the address they used, for a copy of their comments
or for their deletion; replies under a deleted comment keep their place."""

import json
import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from apps.comments.models import Comment

from .conftest import commentable

pytestmark = pytest.mark.django_db


def ask(client, lang, email):
    form = client.get(f"/{lang}/comments/my-data/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    return client.post(f"/{lang}/comments/my-data/", {"email": email, "token": token})


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_copy_and_deletion_by_the_link_mailed_to_the_address(
    client, django_capture_on_commit_callbacks, lang
):
    page, url = commentable(lang)
    mine = Comment.objects.create(page=page, language=lang, name="Oma", email="me@example.com",
                                  body="Minun ensimmäinen", status="approved")
    answered = Comment.objects.create(page=page, language=lang, name="Oma",
                                      email="ME@example.com", body="Minun toinen",
                                      status="approved")
    reply = Comment.objects.create(page=page, language=lang, parent=answered, depth=2,
                                   name="Toinen", email="other@example.com", body="Vastaus",
                                   status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        asked = ask(client, lang, "me@example.com")
        unknown = ask(Client(), lang, "nobody@example.com")
    assert asked.status_code == unknown.status_code == 303  # the same answer either way
    assert [m.to for m in mail.outbox] == [["me@example.com"]]
    link = re.search(r"http://testserver(/\S+/comments/my-data/\S+/)", mail.outbox[0].body)[1]

    reader = Client()
    overview = reader.get(link)
    assert overview.status_code == 200 and "no-store" in overview["Cache-Control"]
    download = reader.get(f"{link}?format=json")
    assert "attachment" in download["Content-Disposition"]
    copy = json.loads(download.content)
    assert {c["comment"] for c in copy["comments"]} == {"Minun ensimmäinen", "Minun toinen"}

    assert "Minun toinen" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert reader.post(link).status_code == 303
    assert not Comment.objects.filter(pk=mine.pk).exists()
    answered.refresh_from_db()
    assert answered.erased and not (answered.name or answered.email or answered.body)
    assert Comment.objects.filter(pk=reply.pk).exists()
    text = client.get(url).content.decode()
    assert "Minun toinen" not in text and "Minun ensimmäinen" not in text
    assert "comment__erased" in text and "Vastaus" in text


def test_a_forged_link_shows_nothing_and_deletes_nothing(client):
    page, _url = commentable("fi")
    Comment.objects.create(page=page, language="fi", email="me@example.com", body="Pysyy")
    assert client.get("/fi/comments/my-data/forged:token/").status_code == 400
    assert client.post("/fi/comments/my-data/forged:token/").status_code == 400
    assert Comment.objects.filter(body="Pysyy").exists()


@override_settings(COMMENTS_RATE_LIMIT=1)
def test_asking_is_refused_cheaply_from_another_site_or_too_often(client,
                                                                  django_assert_num_queries):
    form = client.get("/fi/comments/my-data/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    with django_assert_num_queries(0):
        foreign = client.post("/fi/comments/my-data/", {"email": "a@example.com", "token": token},
                              HTTP_ORIGIN="https://evil.example")
    assert foreign.status_code == 400 and 'value="a@example.com"' in foreign.content.decode()
    assert ask(client, "fi", "a@example.com").status_code == 303
    assert ask(client, "fi", "a@example.com").status_code == 400
