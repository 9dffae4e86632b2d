"""Readers report published comments: cheap refusals, one report per reader, hidden at the
site's threshold until a moderator decides, and the caches told through the comment's signals."""

import re

import pytest
from django.test import Client, override_settings
from wagtail.models import Site

from apps.comments import moderation
from apps.comments.models import Comment, CommentReport, CommentSettings, HeldReason

from .conftest import commentable

pytestmark = pytest.mark.django_db


def published(lang, body="Julkaistu kommentti"):
    page, url = commentable(lang)
    comment = Comment.objects.create(
        page=page,
        language=lang,
        name="Kaisa",
        email="k@example.com",
        body=body,
        status=Comment.Status.APPROVED,
    )
    return comment, url


def reporter(number):
    """A reader at an address of their own (the server counts readers by address)."""
    return Client(REMOTE_ADDR=f"10.0.0.{number}")


def report(client, comment, reason="spam", lang="fi", **headers):
    action = f"/{lang}/comments/report/{comment.pk}/"
    form = client.get(action)
    assert form.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', form.content.decode()).group(1)
    return client.post(action, {"token": token, "reason": reason}, **headers)


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_the_thread_links_every_published_comment_to_its_report_form(client, lang):
    comment, url = published(lang)
    page = client.get(url).content.decode()
    assert f'href="/{lang}/comments/report/{comment.pk}/"' in page
    form = client.get(f"/{lang}/comments/report/{comment.pk}/")
    text = form.content.decode()
    assert f'lang="{lang}"' in text and 'type="radio"' in text and "Julkaistu" in text
    assert f'href="{url}#comment-{comment.pk}"' in text
    assert "no-store" in form["Cache-Control"]


def test_a_hidden_comment_has_no_report_link_and_no_page(client):
    comment, url = published("fi")
    comment.status = Comment.Status.TRASH
    comment.save()
    assert f"/comments/report/{comment.pk}/" not in client.get(url).content.decode()
    assert client.get(f"/fi/comments/report/{comment.pk}/").status_code == 404


def test_reports_hide_a_comment_at_the_threshold_and_the_cache_is_told(
    client, django_capture_on_commit_callbacks
):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.hide_after_reports = 2
    settings.save()
    comment, url = published("fi", body="Ostakaa halpoja kelloja")
    with override_settings(COMMENTS_THREAD_CACHE_SECONDS=600):
        assert "Ostakaa halpoja" in client.get(url).content.decode()  # cached thread
        first = reporter(1)
        answer = report(first, comment, "spam")
        assert answer.status_code == 303 and answer["Location"].endswith("?sent=1")
        assert 'role="status"' in first.get(answer["Location"]).content.decode()
        # The same reader again: the reason changes, the count does not.
        assert report(first, comment, "abuse").status_code == 303
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert CommentReport.objects.get(comment=comment).reason == "abuse"

        with django_capture_on_commit_callbacks(execute=True):
            assert report(reporter(2), comment, "off_topic").status_code == 303
        comment.refresh_from_db()
        assert comment.status == Comment.Status.PENDING
        assert HeldReason.REPORTED in comment.held_reasons
        assert "Ostakaa halpoja" not in client.get(url).content.decode()

        # The moderator decides: approved again, the reports are closed, nothing re-hides it.
        with django_capture_on_commit_callbacks(execute=True):
            moderation.apply("approve", [comment], None)
        assert "Ostakaa halpoja" in client.get(url).content.decode()
        assert not comment.reports.filter(resolved=False).exists()


@pytest.mark.parametrize(
    ("case", "problem"), [("origin", "origin"), ("token", "again"), ("reason", "reason")]
)
def test_refused_reports_touch_no_database_and_say_why(
    client, django_assert_num_queries, case, problem
):
    comment, _url = published("he")
    action = f"/he/comments/report/{comment.pk}/"
    token = re.search(r'name="token" value="([^"]+)"', client.get(action).content.decode())[1]
    data = {
        "token": "forged" if case == "token" else token,
        "reason": "nonsense" if case == "reason" else "spam",
    }
    headers = {"HTTP_ORIGIN": "https://evil.example"} if case == "origin" else {}
    with django_assert_num_queries(0):
        refused = client.post(action, data, **headers)
    assert refused.status_code == 303 and f"problem={problem}" in refused["Location"]
    assert 'role="alert"' in client.get(refused["Location"]).content.decode()
    assert not CommentReport.objects.exists()


@override_settings(COMMENTS_REPORT_LIMIT=2)
def test_reports_are_limited_per_reader():
    comments = [published("fi", body=f"Kommentti {n}")[0] for n in range(3)]
    reader = reporter(9)
    answers = [report(reader, comment) for comment in comments]
    assert [a["Location"].rsplit("?", 1)[1].startswith("sent") for a in answers] == [
        True,
        True,
        False,
    ]
    assert "problem=rate" in answers[2]["Location"]
    assert CommentReport.objects.count() == 2


@pytest.mark.parametrize(("lang", "yes"), [("he", "כן"), ("fa", "بله"), ("fi", "Kyllä")])
def test_the_reported_queue_lists_what_readers_reported_and_says_so_in_the_admins_language(
    client, lang, yes
):
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    reported, _url = published("fi", body="Ilmoitettu kommentti")
    CommentReport.objects.create(comment=reported, client_hash="1" * 64, reason="spam")
    published("fi", body="Rauhallinen kommentti")
    editor = User.objects.create_superuser("queue-editor", password="pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = lang
    profile.save()
    client.force_login(editor)

    page = client.get("/admin/snippets/comments/comment/?reported=true").content.decode()
    assert "Ilmoitettu kommentti" in page and "Rauhallinen kommentti" not in page
    # The active filter's chip: "Reported by readers: Yes", never "True".
    assert f"<b>{yes}</b>" in page or f">{yes}<" in page
    assert "True" not in page
    others = client.get("/admin/snippets/comments/comment/?reported=false").content.decode()
    assert "Rauhallinen kommentti" in others and "Ilmoitettu kommentti" not in others
