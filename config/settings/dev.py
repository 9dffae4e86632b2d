"""Local development: `make run`. SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR

# The site's own 404 and 500 pages, as readers get them; Django's debug pages are opt-in
# (DJANGO_DEBUG=1 make run).
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
# A fixed key is acceptable only because this module never runs in production.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True  # edits to static/ show on reload, debug pages or not
# Uploads (author photos, images) from var/media, which Django only does under DEBUG otherwise.
SERVE_MEDIA = True
# WhiteNoise warns when STATIC_ROOT is missing, even while it serves from the finders.
(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)
# Django's own console handler and the root one both printed runserver's INFO lines ("Watching for
# file changes" twice): Django's records go to the root handler only.
LOGGING = {**LOGGING, "loggers": {"django": {"handlers": [], "level": "INFO"}}}  # noqa: F405
