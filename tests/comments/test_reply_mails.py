"""Reply e-mails with double opt-in: asked for with a comment, confirmed from the e-mailed link
(a button, not the opening), and stopped with one click from any e-mail."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from apps.comments import moderation
from apps.comments.models import Comment, MailConsent

from .conftest import post_comment

pytestmark = pytest.mark.django_db


def link_in(message, kind):
    return re.search(rf"http://[^\s]+/comments/mail/{kind}/[^\s]+/", message.body).group(0)


def path_of(url):
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def author_replies(comment, capture):
    from django.contrib.auth.models import User

    user, _ = User.objects.get_or_create(username="mail-author")
    with capture(execute=True):
        moderation.reply_as_author(comment, "Vastaus", user, "Kirjoittaja")


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_no_reply_mail_before_the_address_is_confirmed_then_one_click_stops_them(
    client, django_capture_on_commit_callbacks, lang
):
    # Moderators other modules left with an address would be told of each comment too; this
    # test reads only the commenter's mail (rolled back with the test).
    User.objects.exclude(email="").update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, lang, email="Opt@Example.com", notify="on", body="Kysyn jotain")
    assert [m.to for m in mail.outbox] == [["opt@example.com"]]
    confirmation = mail.outbox[0]
    assert f"/{lang}/comments/mail/confirm/" in confirmation.body
    comment = Comment.objects.get(body="Kysyn jotain")

    author_replies(comment, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # not confirmed yet: no reply mail

    confirm = path_of(link_in(confirmation, "confirm"))
    opened = Client().get(confirm)  # a mail scanner opening the link changes nothing
    assert opened.status_code == 200 and "<form" in opened.content.decode()
    assert not MailConsent.objects.get().confirmed_at
    pressed = Client().post(confirm)
    assert pressed.status_code == 303
    assert MailConsent.objects.get().confirmed_at

    mail.outbox.clear()
    author_replies(comment, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    reply_mail = mail.outbox[0]
    # The reply's permanent address, which leads to the page of the thread that shows it.
    reply = Comment.objects.filter(parent=comment).latest("pk")
    read_it = re.search(rf"http://[^\s]+/{lang}/comments/{reply.pk}/", reply_mail.body).group(0)
    landed = Client().get(path_of(read_it))
    assert (landed.status_code, landed["Location"].split("#")[1]) == (302, f"comment-{reply.pk}")
    stop = path_of(link_in(reply_mail, "stop"))
    assert Client().get(stop).status_code == 200
    assert Client().post(stop).status_code == 303
    comment.refresh_from_db()
    assert not comment.notify_replies
    mail.outbox.clear()
    author_replies(comment, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_forged_or_crossed_links_do_nothing(client):
    from apps.comments import mailing

    consent = mailing.consent_for("x@example.com", "fi")
    stop_token = mailing.link(consent, mailing.STOP, "fi", "http://t").rsplit("/", 2)[1]
    assert client.post(f"/fi/comments/mail/confirm/{stop_token}/").status_code == 400
    assert client.post(f"/fi/comments/mail/stop/{stop_token[:-2]}xx/").status_code == 400
    consent.refresh_from_db()
    assert consent.confirmed_at is None and consent.stopped_at is None
