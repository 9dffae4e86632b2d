"""Settings shared by every environment. Environment-specific modules import * from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # wagtail-modeltranslation must come first so its patches see every page model.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "apps.core",
    "apps.analysis",
    "apps.search",
    "apps.blocks",
    "apps.content",
    "apps.people",
    "apps.taxonomy",
    "apps.home",
    "apps.blog",
    "apps.kb",
    "apps.qa",
    "apps.comments",
    "apps.feedback",
    "apps.translations",
    "apps.discovery",
    "apps.seeding",
    "apps.caching",
    "apps.security",
    "apps.operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its catalogs: Wagtail words times with its naturaltime ("Sent to … 2 minutes ago").
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    # Leaves the public pages' security headers to nginx where it adds them (apps/caching).
    "apps.caching.edge_headers.PolicyHeadersFromNginxMiddleware",
    # Pages every reader sees alike, brotli or gzip, once per page-cache fill (apps/caching).
    "apps.caching.compression.CompressSharedPagesMiddleware",
    # Absolute URLs name the site's own address, never the request's Host (apps/security).
    "apps.security.hosts.PinnedHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "apps.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, keeping the admin's own 404 (apps/core/locale.py).
    "apps.core.locale.AdminAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which refuses hosts not in ALLOWED_HOSTS.
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # An editor's view of a public page (with the user bar) is private to them.
    "apps.caching.private.PrivateForEditorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Keeps the last good copy of public pages for when the database is down
    # (apps/caching/saved_copies.py, served by apps/operations/outage.py).
    "apps.caching.saved_copies.SavedCopyMiddleware",
    # Turns a locked-out sign-in into SignInView's 429 (apps/security/signin.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "apps.core.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# An embedded SQLite file unless DATABASE_URL names another database (PostgreSQL in CI and
# production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection is checked before reuse, so the site recovers by itself after a
        # database restart.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin writes from several requests at once (autosave, editing-session pings, the
    # publish itself). SQLite's default deferred transactions then fail with "database is
    # locked" instead of waiting; immediate ones queue for the write lock.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Refuses an (account, address) pair after repeated failures, before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
# Hebrew is the default. Every public URL carries its language prefix (/he/, /fa/, /fi/).
LANGUAGE_CODE = "he"
LANGUAGES = [
    ("he", "עברית"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
]
# The site's own catalogs, then what the installed packages' catalogs lack or get wrong in the
# admin (Wagtail, wagtail-modeltranslation, Django admin, django-axes; `django` and `djangojs`
# domains): the first path wins, and both win over the packages' own catalogs.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "packages"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jerusalem"
# Each language's readers see times in their own zone (apps/core/dates.py); TIME_ZONE is the
# admin's and any other language's.
LANGUAGE_TIME_ZONES = {"he": "Asia/Jerusalem", "fa": "Asia/Tehran", "fi": "Europe/Helsinki"}

MODELTRANSLATION_LANGUAGES = ("he", "fa", "fi")
MODELTRANSLATION_DEFAULT_LANGUAGE = "he"
# Wagtail's own machinery (admin listings, routing by slug) needs some title and slug in every
# language, so page titles fall back. Readers never see a fallback: apps.core.translation decides
# which languages a page exists in from its own fields, and every other language gets a 404.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("he", "fa", "fi")}

# Wagtail's own content-translation (one page tree per locale) stays off: one page carries all
# three languages through modeltranslation fields.
WAGTAIL_I18N_ENABLED = False
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# The admin remembers which languages an editor last chose to see.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = True

# Hebrew is not among Wagtail's admin languages by default.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("he", "עברית"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("en", "English"),
]

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Clients, sign-in and limits (apps/security) ---------------------------------------------
# The public address of the site: absolute URLs are built from it whatever Host a request names
# (apps/security/hosts.py). Empty: the request's host (development, tests).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "")
# Proxies whose X-Forwarded-For is believed (apps/security/clients.py): nginx on this machine.
SECURITY_TRUSTED_PROXIES = [
    proxy.strip()
    for proxy in os.environ.get("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if proxy.strip()
]
# django-axes: 5 failed sign-ins lock that account from that address (only) for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "apps.security.clients.client_address"
AXES_USERNAME_CALLABLE = "apps.security.signin.axes_username"
AXES_LOCKOUT_CALLABLE = "apps.security.signin.lockout_response"
AXES_VERBOSE = False
# Password-reset e-mails: at most this many per client address and per e-mail address an hour.
PASSWORD_RESET_LIMIT = 3
PASSWORD_RESET_WINDOW = 3600

# --- Content-Security-Policy (apps/security/csp.py) ------------------------------------------
# Media may live on another host (S3 or a CDN): DJANGO_CSP_MEDIA_ORIGIN adds it to img-src.
_MEDIA_ORIGIN = os.environ.get("DJANGO_CSP_MEDIA_ORIGIN", "")
CSP_PUBLIC = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src 'self' data: {_MEDIA_ORIGIN}".strip(),
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
CSP_ADMIN_PREFIXES = ["/admin/"]
CSP_ADMIN = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {_MEDIA_ORIGIN}".strip(),
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Mishov"
# No Gravatar: it is a request to a third party for every editor, and the admin CSP blocks it
# anyway (a broken image). Wagtail draws its default avatar or the one uploaded in Account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True

SITE_NAME = _("Mishov")

# Cards per page of a section or topic listing (apps/core/listing.py), and how many of a
# listing's pages publishing purges from the page cache (later ones refresh with its TTL).
LISTING_PAGE_SIZE = int(os.environ.get("LISTING_PAGE_SIZE", "24"))
LISTING_PAGES_PURGED = 5
# Addresses per file of the sitemap index (the sitemap protocol allows 50,000).
SITEMAP_URLS_PER_FILE = 50_000

# --- Background tasks and e-mail -------------------------------------------------------------
# Development and tests run tasks at once; production queues them in the database for
# `manage.py db_worker`, so a slow mail server never slows a reader's request.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "mishov@localhost")

# Seconds the parts of a page that every reader sees alike (article, header, search-engine head,
# related reading)
# stay cached under the content version (0: off; apps/caching/fragments.py). Production turns it on.
FRAGMENT_CACHE_SECONDS = 0

# --- Comments --------------------------------------------------------------------------------
# What the public may post: at most COMMENTS_RATE_LIMIT comments per client address in
# COMMENTS_RATE_WINDOW seconds; from COMMENTS_RATE_HOLD on, comments wait for a moderator.
COMMENTS_RATE_WINDOW = 600
COMMENTS_RATE_HOLD = 3
COMMENTS_RATE_LIMIT = 6
# Reports of comments a client address may send in COMMENTS_RATE_WINDOW seconds.
COMMENTS_REPORT_LIMIT = 10
# Seconds the shared rendering of a page's approved thread stays in the cache (0: off). Changes
# to public comments drop it at once (apps/caching/threads.py); production turns it on.
COMMENTS_THREAD_CACHE_SECONDS = 0
# A thread shows this many top-level comments (each with all its replies) per page, oldest
# first; page 2 and on at ?page=N (apps/comments/threads.py).
COMMENTS_PER_PAGE = int(os.environ.get("COMMENTS_PER_PAGE", "50"))
# A form sent back faster than this after the page was rendered was not typed by a person.
COMMENTS_MIN_SECONDS = 3

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# "Was this helpful?" (apps/feedback): one vote per reader, page and day; at most
# FEEDBACK_RATE_LIMIT pages voted on per client address in FEEDBACK_RATE_WINDOW seconds.
FEEDBACK_RATE_WINDOW = 3600
FEEDBACK_RATE_LIMIT = 30

# Search that learns (apps/search/log.py): how long searches and opened results are kept, and
# the page type the search report offers to start from a query that found nothing.
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("MISHOV_SEARCH_LOG_DAYS", "90"))
SEARCH_NEW_PAGE_TYPE = "kb.articlepage"
