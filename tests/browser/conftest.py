"""A real server process on the test database, and Debian's Chromium driven by Playwright."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.utils.translation import override
from wagtail.users.models import UserProfile

from tests.seeds import read_seed, seed_files, seed_page

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"
MODERATOR = ("browser-moderator", "moderator-password-1")


def wait_until_healthy(base, process, name, timeout=30):
    """Wait until `base`/healthz answers; fail with the process's errors if it exits first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                error = process.stderr.read().decode(errors="replace")
                raise RuntimeError(f"{name} did not start: {error}") from None
            time.sleep(0.2)


def _database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_test_server():
    """A server process on the test database: (base URL, process)."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, process, "test server")
    return base, process


def stop_test_server(process):
    process.terminate()
    process.wait(timeout=10)
    _wait_for_server_sessions_to_end()


@pytest.fixture(scope="session")
def server_url(django_db_setup, django_db_blocker):
    """Serve the seeded test database from a separate process, as a reader would reach it."""
    with django_db_blocker.unblock():
        base, process = start_test_server()
    yield base
    with django_db_blocker.unblock():
        stop_test_server(process)


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


@pytest.fixture(scope="session")
def browser(server_url, seed_urls, moderator):
    # Everything the tests need from the database is made before Playwright starts its loop.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
