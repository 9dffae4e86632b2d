"""Admin sign-in is refused for a while after repeated failures, over HTTP."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import override_settings

from apps.core import login_throttle
from tests.live_server import free_port

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def editor():
    cache.clear()
    login_throttle.fallback_cache.clear()
    yield User.objects.create_superuser("throttled-editor", "", "right-password-1")
    cache.clear()
    login_throttle.fallback_cache.clear()


def attempt(client, password, username="throttled-editor", lang="he"):
    return client.post(
        LOGIN, {"username": username, "password": password}, HTTP_ACCEPT_LANGUAGE=lang
    )


def fail_until_refused(client, lang="he"):
    for _ in range(5):
        assert attempt(client, "wrong", lang=lang).status_code == 200
    return attempt(client, "right-password-1", lang=lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("he", "ניסיונות"), ("fa", "تلاش"), ("fi", "kirjautumisyritystä")],
)
def test_after_five_failures_even_the_right_password_is_refused_with_a_translated_message(
    client, lang, words
):
    refused = fail_until_refused(client, lang)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 15 * 60
    assert words in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_username_from_the_same_address_may_still_sign_in(client):
    fail_until_refused(client)
    User.objects.create_superuser("second-editor", "", "other-password-2")
    assert attempt(client, "other-password-2", username="second-editor").status_code == 302


def test_many_usernames_from_one_address_are_slowed_too(client):
    for number in range(20):
        attempt(client, "wrong", username=f"guess-{number}")
    assert attempt(client, "right-password-1").status_code == 429


def test_the_window_passing_lets_the_editor_in_and_success_clears_the_count(client):
    fail_until_refused(client)
    cache.clear()  # what the window's expiry does
    assert attempt(client, "right-password-1").status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "wrong")
    # Four failures after a success: still one try left.
    assert attempt(client, "right-password-1").status_code == 302


def test_with_the_cache_unreachable_failures_are_still_counted(client):
    dead_redis = {
        "default": {
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    with override_settings(CACHES=dead_redis):
        refused = fail_until_refused(client)
    assert refused.status_code == 429
