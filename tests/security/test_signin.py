"""Admin sign-in and password reset: limits that count (account, address) pairs and addresses,
over Django's test client with REMOTE_ADDR set as nginx would pass it. The same limits through
the real nginx and gunicorn are in test_edge.py."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def editor():
    cache.clear()
    AccessAttempt.objects.all().delete()
    yield User.objects.create_superuser(
        "throttled-editor", "editor@example.com", "right-password-1"
    )
    cache.clear()


def attempt(client, password, username="throttled-editor", lang="he", address="127.0.0.1",
            forwarded=None):
    headers = {"HTTP_ACCEPT_LANGUAGE": lang, "REMOTE_ADDR": address}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail_until_refused(client, **where):
    for _ in range(4):
        assert attempt(client, "wrong", **where).status_code == 200
    return attempt(client, "wrong", **where)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("he", "ניסיונות"), ("fa", "تلاش"), ("fi", "kirjautumisyritystä")],
)
def test_after_five_failures_even_the_right_password_is_refused_with_a_translated_message(
    client, lang, words
):
    assert fail_until_refused(client, lang=lang).status_code == 429
    refused = attempt(client, "right-password-1", lang=lang)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 15 * 60
    text = refused.content.decode()
    assert words in text
    assert 'value="throttled-editor"' in text  # what was typed is kept
    assert "_auth_user_id" not in client.session


def test_the_name_counts_however_it_is_typed(client):
    typed = ("Throttled-Editor", " throttled-editor", "THROTTLED-EDITOR ", "throttled-editor")
    for username in (*typed, "throttled-EDITOR"):
        attempt(client, "wrong", username=username)
    assert attempt(client, "right-password-1").status_code == 429


def test_another_account_from_the_same_address_may_still_sign_in(client):
    fail_until_refused(client)
    User.objects.create_superuser("second-editor", "", "other-password-2")
    assert attempt(client, "other-password-2", username="second-editor").status_code == 302


def test_failures_from_one_address_never_lock_the_editor_at_another(client):
    """The attack of issue 16: failures (with made-up usernames too) from anywhere, then the
    editor, who never failed, signs in from their own address."""
    for number in range(30):
        attempt(client, "wrong", username=f"guess-{number}", forwarded="203.0.113.9")
    fail_until_refused(client, forwarded="203.0.113.9")
    assert attempt(client, "right-password-1", forwarded="198.51.100.7").status_code == 302


def test_a_forged_forwarded_header_from_an_untrusted_peer_counts_as_the_peer(client):
    """A client that reaches Django directly cannot pick the address it is counted by."""
    for number in range(5):
        attempt(client, "wrong", address="198.51.100.20", forwarded=f"10.0.0.{number}")
    assert attempt(client, "right-password-1", address="198.51.100.20").status_code == 429
    assert attempt(client, "right-password-1", address="198.51.100.21").status_code == 302


def test_success_clears_the_count(client):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "right-password-1").status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "right-password-1").status_code == 302


def reset(client, email="editor@example.com", address="127.0.0.1", forwarded=None, lang="fi"):
    headers = {"HTTP_ACCEPT_LANGUAGE": lang, "REMOTE_ADDR": address}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(RESET, {"email": email}, **headers)


def test_password_reset_mails_are_limited_per_address_typed_without_locking_its_owner_out(client):
    statuses = [reset(client, forwarded=f"203.0.113.{n}").status_code for n in range(6)]
    # From the fourth on, the form says "sent" as usual, and nothing more is sent: the owner
    # already has three mails whose links work, and the attacker learns nothing.
    assert statuses == [302] * 6
    assert len(mail.outbox) == 3
    assert reset(client, email="EDITOR@example.com ", forwarded="203.0.113.9").status_code == 302
    assert len(mail.outbox) == 3


def test_password_reset_is_limited_per_client_address(client):
    statuses = [reset(client, email=f"nobody{n}@example.com").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    refused = reset(client, email="nobody9@example.com")
    assert "salasanan" in refused.content.decode().lower()  # Finnish message
    assert 'value="nobody9@example.com"' in refused.content.decode()
    # Another client is not held up by the first one's requests.
    assert reset(client, forwarded="198.51.100.3").status_code == 302
