"""The admin around the editing: its 404, permission messages, avatars."""

import html

import pytest
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext, override
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("chrome-editor", "chrome-editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/admin/pagez/", "/admin/pagez", "/admin/pages/999999/edit/"])
def test_a_mistyped_admin_address_gets_the_admin_404(editor_client, path):
    response = editor_client.get(path, follow=True)
    assert response.status_code == 404
    assert response.redirect_chain in ([], [(path + "/", 301)])  # at most Django's added slash
    assert "wagtailadmin/404.html" in [t.name for t in response.templates]
    assert not response.wsgi_request.path.startswith("/he/")


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_missing_permission_is_not_called_no_access_to_the_admin(client, lang):
    # An editor (in the admin) opens the comment moderation screen, which needs moderators.
    user = User.objects.create_user("plain-editor", "pe@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = lang
    profile.save()
    client.force_login(user)
    response = client.get("/admin/moderation/comments/1/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    text = html.unescape(response.content.decode())
    with override(lang):
        message = gettext("Sorry, you do not have permission to access this area.")
    assert message in text
    assert "ממשק הניהול" not in message  # "the admin": they are in it


def test_the_admin_asks_no_third_party_for_avatars(editor_client):
    for path in ("/admin/", "/admin/account/", "/admin/pages/"):
        text = editor_client.get(path).content.decode()
        assert "gravatar" not in text.lower(), path
