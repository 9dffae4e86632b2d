"""Fast, deterministic settings for pytest. PostgreSQL when DATABASE_URL is set (CI)."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each pytest-xdist worker (PYTEST_XDIST_WORKER, inherited by the servers it starts) has its own
# media folder, as it has its own test database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{_WORKER and '-' + _WORKER}"

# var/ holds the SQLite test database; WhiteNoise warns when STATIC_ROOT is missing.
(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)

# The browser tests serve the test database from a separate server process, so SQLite's
# test database must be a file that both processes can open (pytest-xdist adds _gwN).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}
WHITENOISE_USE_FINDERS = True
# Tests post forms at once; the one test of the typing-speed rule sets its own value.
COMMENTS_MIN_SECONDS = 0
