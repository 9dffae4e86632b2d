"""A real server process on the test database, and Debian's Chromium driven by Playwright."""

import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.utils.translation import override
from wagtail.users.models import UserProfile

from tests.chromium import launch_chromium
from tests.live_server import running_server
from tests.seeds import read_seed, seed_files, seed_page

ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"
# The server process writes its e-mails here (config/settings/test.py); tests read them.
MAIL_DIR = Path(settings.BASE_DIR) / "var" / "test-mail"
MODERATOR = ("browser-moderator", "moderator-password-1")


def _database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def server_url(django_db_setup, django_db_blocker):
    """Serve the seeded test database from a separate process, as a reader would reach it."""
    with django_db_blocker.unblock():
        url = _database_url()
    MAIL_DIR.mkdir(parents=True, exist_ok=True)
    env = {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "EMAIL_FILE_PATH": str(MAIL_DIR)}
    with running_server(env, timeout=30) as base:
        yield base
    with django_db_blocker.unblock():
        _wait_for_server_sessions_to_end()


def _wait_for_server_sessions_to_end():
    """PostgreSQL ends a closed client's session a moment later; dropping the test database
    before that fails, so wait for the server process's sessions to go."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)


@pytest.fixture(scope="session")
def seed_urls(django_db_setup, django_db_blocker):
    """language -> (seed data, path) for one seed page per language.

    Read before Chromium starts: Playwright's sync API keeps an asyncio loop on this thread,
    and Django rightly refuses database calls from inside one, so browser tests use HTTP only.
    """
    urls = {}
    with django_db_blocker.unblock():
        for path in seed_files():
            data = read_seed(path)
            lang = data["language"]
            if lang not in urls:
                with override(lang):
                    urls[lang] = (data, seed_page(data).get_url())
    return urls


@pytest.fixture(scope="session")
def moderator(django_db_setup, django_db_blocker):
    """A member of Moderators who reads the admin in English: (username, password)."""
    with django_db_blocker.unblock():
        user, _created = User.objects.get_or_create(
            username=MODERATOR[0], defaults={"email": "mod@example.com"}
        )
        user.set_password(MODERATOR[1])
        user.save()
        user.groups.add(Group.objects.get(name="Moderators"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    return MODERATOR


@pytest.fixture(scope="module")
def browser_data():
    """Database rows a test module needs while its browser runs; modules override this."""
    return None


@pytest.fixture(scope="module")
def browser(server_url, seed_urls, moderator, browser_data):
    # Everything the tests need from the database is made before Playwright starts its loop,
    # and a module's own data (browser_data) is removed after its browser has closed.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        yield instance
        instance.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
