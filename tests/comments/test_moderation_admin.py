"""The moderation queue in the Wagtail admin, driven through real admin HTTP requests."""

import html

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from apps.comments.models import Comment, HeldReason

from .conftest import commentable, post_comment

pytestmark = pytest.mark.django_db
QUEUE = "/admin/snippets/comments/comment/"


@pytest.fixture
def moderator():
    user = User.objects.create_user("moira", "moira@example.com", "pw", first_name="Moira")
    user.groups.add(Group.objects.get(name="Moderators"))
    # Assertions below read the admin's English labels.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def _pending(lang="fi", body="Odottaa hyväksyntää", **extra):
    page, url = commentable(lang)
    comment = Comment.objects.create(
        page=page,
        language=lang,
        name="Reader",
        email="reader@example.com",
        body=body,
        held_reasons=[HeldReason.APPROVAL],
        **extra,
    )
    return comment, url


def _bulk(client, action, comments):
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    query = "&".join(f"id={c.pk}" for c in comments)
    return client.post(f"{url}?{query}&next={QUEUE}")


def test_only_moderators_and_superusers_may_moderate(client):
    editor = User.objects.create_user("ed", "ed@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    comment, _url = _pending()
    assert client.get(QUEUE).status_code in (302, 403)
    # Wagtail's admin answers a refusal by sending the user back with a message.
    assert client.get(f"/admin/moderation/comments/{comment.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/moderation/comments/{comment.pk}/approve/").status_code in (
        302,
        403,
    )
    assert _bulk(client, "approve", [comment]).status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_nobody_adds_comments_through_an_empty_admin_form(client):
    admin = User.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    assert "/admin/snippets/comments/comment/add/" not in client.get(QUEUE).content.decode()
    response = client.get("/admin/snippets/comments/comment/add/")
    assert response.status_code in (302, 403)


def test_queue_lists_filters_and_searches(mod_client):
    fi, _ = _pending("fi", body="Suomeksi kirjoitettu")
    fa, _ = _pending("fa", body="به فارسی نوشته شده")
    text = mod_client.get(f"{QUEUE}?status=pending").content.decode()
    assert "Suomeksi kirjoitettu" in text and "به فارسی نوشته شده" in text
    assert '<span dir="auto">Suomeksi kirjoitettu</span>' in text
    assert "Approval required" in text
    only_fa = mod_client.get(f"{QUEUE}?language=fa").content.decode()
    assert "به فارسی" in only_fa and "Suomeksi" not in only_fa
    found = mod_client.get(f"{QUEUE}?q=kirjoitettu").content.decode()
    assert "Suomeksi" in found and "به فارسی" not in found
    approved = mod_client.get(f"{QUEUE}?status=approved").content.decode()
    assert "Suomeksi" not in approved


def test_bulk_actions_change_status_and_are_logged(mod_client, moderator):
    a, _ = _pending(body="first")
    b, _ = _pending(body="second")
    c, _ = _pending(body="third")
    assert _bulk(mod_client, "approve", [a, b]).status_code == 302
    assert "2 comments approved." in mod_client.get(QUEUE).content.decode()
    assert _bulk(mod_client, "spam", [c]).status_code == 302
    statuses = dict(Comment.objects.filter(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", "status"))
    assert statuses == {a.pk: "approved", b.pk: "approved", c.pk: "spam"}
    log = ModelLogEntry.objects.filter(object_id=str(a.pk), action="comments.approve").get()
    assert log.user == moderator
    assert _bulk(mod_client, "trash", [a]).status_code == 302
    a.refresh_from_db()
    assert a.status == "trash"
    assert _bulk(mod_client, "delete", [b]).status_code == 302
    assert not Comment.objects.filter(pk=b.pk).exists()


def test_approved_comment_appears_on_the_public_page(mod_client, client):
    from django.test import Client

    comment, url = _pending(body="Hyväksytty kommentti")
    assert "Hyväksytty kommentti" not in Client().get(url).content.decode()
    mod_client.post(f"/admin/moderation/comments/{comment.pk}/approve/")
    assert "Hyväksytty kommentti" in Client().get(url).content.decode()


def test_reply_as_author_is_published_nested_and_badged(mod_client, moderator):
    from django.test import Client

    comment, url = _pending("he", body="שאלה לכותב")
    response = mod_client.post(
        f"/admin/moderation/comments/{comment.pk}/", {"body": "תשובה מהכותב"}
    )
    assert response.status_code == 302
    reply = Comment.objects.get(body="תשובה מהכותב")
    comment.refresh_from_db()
    assert comment.status == "approved"  # answering approves what is answered
    assert (reply.parent_id, reply.depth, reply.status) == (comment.pk, 2, "approved")
    assert reply.is_author_reply and reply.name == "Shmayad"
    assert ModelLogEntry.objects.filter(object_id=str(reply.pk), action="comments.reply").exists()
    text = Client().get(url).content.decode()
    start = text.index(f'id="comment-{comment.pk}"')
    nested = text[start : text.index(f'id="comment-{reply.pk}"')]
    assert "comment-list--replies" in nested
    reply_html = text[text.index(f'id="comment-{reply.pk}"') - 60 :][:600]
    assert "comment--author" in reply_html and "comment__badge" in reply_html


def test_personal_data_is_held_masked_and_can_be_shown(mod_client, client):
    from django.test import Client

    response, _page, url = post_comment(client, "fi", body="Soita 040 123 4567")
    comment = Comment.objects.get(body="Soita 040 123 4567")
    assert comment.has_personal_data and HeldReason.PERSONAL_DATA in comment.held_reasons
    mod_client.post(f"/admin/moderation/comments/{comment.pk}/approve/")
    assert "123 4567" not in Client().get(url).content.decode()
    mod_client.post(f"/admin/moderation/comments/{comment.pk}/show-personal-data/")
    assert "040 123 4567" in Client().get(url).content.decode()
    mod_client.post(f"/admin/moderation/comments/{comment.pk}/mask-personal-data/")
    assert "123 4567" not in Client().get(url).content.decode()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list("action", flat=True)
    )
    assert {
        "comments.approve",
        "comments.show_personal_data",
        "comments.mask_personal_data",
    } <= actions


def test_edit_in_the_admin_is_logged(mod_client):
    comment, _url = _pending(body="kirjoitusvirhe")
    edit = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    response = mod_client.post(
        edit,
        {
            "status": "approved",
            "name": "Reader",
            "email": "reader@example.com",
            "body": "korjattu",
            "show_personal_data": "",
            "notify_replies": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("korjattu", "approved")
    assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="wagtail.edit").exists()


def test_menu_shows_the_pending_count_and_dashboard_the_newest(mod_client):
    pending = Comment.objects.filter(status="pending").count()
    _pending(body="Uusin odottava")
    text = html.unescape(mod_client.get("/admin/").content.decode())
    assert f"Comments ({pending + 1} pending)" in text
    assert "Uusin odottava" in text


def test_new_pending_comment_notifies_moderators(
    client, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, "he", body="תגובה חדשה")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert moderator.email in message.to
    assert "תגובה חדשה" in message.body
    assert (
        f"/admin/moderation/comments/{Comment.objects.get(body='תגובה חדשה').pk}/" in message.body
    )


def test_moderators_are_who_may_moderate_whatever_their_group_is_called():
    from apps.comments.tasks import moderators

    group = Group.objects.get(name="Moderators")
    group.name = "מנהלי תוכן"  # renamed in Settings → Groups
    group.save()
    renamed = User.objects.create_user("renamed-group", "r@example.com", "pw")
    renamed.groups.add(group)
    editor = User.objects.create_user("only-editor", "e@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    found = set(moderators().values_list("username", flat=True))
    assert "renamed-group" in found and "only-editor" not in found


def test_reply_notifies_the_commenter_who_asked(mod_client, django_capture_on_commit_callbacks):
    from apps.comments import mailing

    mailing.confirm(mailing.consent_for("reader@example.com", "fi"))  # the double opt-in
    asked, _ = _pending("fi", body="Kerro vastauksesta", notify_replies=True)
    silent, _ = _pending("fi", body="Älä kerro")
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(f"/admin/moderation/comments/{asked.pk}/", {"body": "Tässä vastaus"})
        mod_client.post(f"/admin/moderation/comments/{silent.pk}/", {"body": "Toinen vastaus"})
    to_reader = [m for m in mail.outbox if "reader@example.com" in m.to]
    assert len(to_reader) == 1
    assert "Tässä vastaus" in to_reader[0].body
    assert "Toinen vastaus" not in to_reader[0].body


def _detail_form_name(client, comment):
    import re

    text = html.unescape(client.get(f"/admin/moderation/comments/{comment.pk}/").content.decode())
    field = re.search(r'<input[^>]*name="name"[^>]*>', text).group(0)
    value = re.search(r'value="([^"]*)"', field)
    return value.group(1) if value else ""


def test_reply_without_an_author_is_signed_with_the_moderator_name(client):
    # The page has no author snippet; the moderator's account has a full name.
    user = User.objects.create_user("mod-login", "m@example.com", "pw", first_name="Miriam")
    user.last_name = "Levi"
    user.save()
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    comment, _url = _pending("fi", body="Kysymys")
    page = comment.page.specific
    page.author = None
    page.save_revision().publish()
    assert _detail_form_name(client, comment) == "Miriam Levi"  # shown before sending
    client.post(f"/admin/moderation/comments/{comment.pk}/", {"body": "Vastaus"})
    assert Comment.objects.get(body="Vastaus").name == "Miriam Levi"


def test_reply_is_never_signed_with_a_username(client):
    user = User.objects.create_user("editor", "e@example.com", "pw")  # no name in the account
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    comment, _url = _pending("fi", body="Kysymys ilman kirjoittajaa")
    page = comment.page.specific
    page.author = None
    page.save_revision().publish()
    assert _detail_form_name(client, comment) == ""
    response = client.post(f"/admin/moderation/comments/{comment.pk}/", {"body": "Vastaus 1"})
    assert response.status_code == 200  # the form again: a name is needed
    assert not Comment.objects.filter(body="Vastaus 1").exists()
    client.post(
        f"/admin/moderation/comments/{comment.pk}/", {"body": "Vastaus 2", "name": "Toimitus"}
    )
    assert Comment.objects.get(body="Vastaus 2").name == "Toimitus"


def test_reply_shows_the_page_author_before_sending(mod_client):
    comment, _url = _pending("he", body="שאלה")
    author = comment.page.specific.author
    assert author is not None
    assert _detail_form_name(mod_client, comment) == author.name


def test_each_moderator_is_written_to_in_their_admin_language(
    client, django_capture_on_commit_callbacks
):
    for username, lang in (("mod-he", "he"), ("mod-fi", "fi")):
        user = User.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(Group.objects.get(name="Moderators"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, "fi", body="Uusi kommentti moderoitavaksi")
    by_address = {m.to[0]: m for m in mail.outbox if len(m.to) == 1}
    finnish, hebrew = by_address["mod-fi@example.com"], by_address["mod-he@example.com"]
    assert "Moderoi" in finnish.body or "moderoi" in finnish.body.lower(), finnish.body
    assert "Held because" not in hebrew.body and "Held because" not in finnish.body
    assert "[" not in hebrew.body.split("\n\n")[2]  # the reasons read as words, not a list
    comment = Comment.objects.get(body="Uusi kommentti moderoitavaksi")
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert f"{base}/admin/moderation/comments/{comment.pk}/" in finnish.body


def test_the_dashboard_names_moderators_without_an_address(mod_client):
    User.objects.create_user("no-mail", "", "pw").groups.add(Group.objects.get(name="Moderators"))
    text = html.unescape(mod_client.get("/admin/").content.decode())
    assert "have no e-mail address" in text or "has no e-mail address" in text
    assert "no-mail" in text
