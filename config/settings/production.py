"""Production: every secret and host comes from the environment; missing ones stop start-up.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, WAGTAILADMIN_BASE_URL, DATABASE_URL,
REDIS_URL. Everything else has a safe default or switches a feature on (README, Deploy).
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEFAULT_FROM_EMAIL, STATIC_ROOT


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see README, Deploy)."
        )
    return value


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_flag(name, default):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = required_env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = required_env("DJANGO_ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")
# The public site's address (apps/security/hosts.py); the admin's unless it has its own.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").strip() or WAGTAILADMIN_BASE_URL

# --- Databases: one primary, optional read replicas ------------------------------------------
# A SQLite default would silently lose data on a server: production names its database.
CONN_MAX_AGE = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(
        required_env("DATABASE_URL"), conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
}
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{number}"] = dj_database_url.parse(
        url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["apps.operations.db_router.PrimaryReplicaRouter"]

# --- Cache: Redis, shared by every app server (page fragments, comment rate limits) ---------
CACHES = {
    "default": {
        # Degrades to "no cache" while Redis is down (apps/operations/cache.py).
        "BACKEND": "apps.operations.cache.ResilientRedisCache",
        "LOCATION": required_env("REDIS_URL"),
        "KEY_PREFIX": os.environ.get("REDIS_KEY_PREFIX", "mishov"),
    }
}

# A page's approved comment thread is rendered once per change, not once per request.
COMMENTS_THREAD_CACHE_SECONDS = int(os.environ.get("COMMENTS_THREAD_CACHE_SECONDS", "86400"))

FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "86400"))

# --- Static files and media ------------------------------------------------------------------
# Static files: collectstatic writes compressed (gzip, brotli when installed), fingerprinted
# copies; nginx serves them from STATIC_ROOT (deploy/nginx.conf) and WhiteNoise does when no
# nginx stands in front.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(STATIC_ROOT))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("DJANGO_MEDIA_S3_BUCKET"):
    # Several app servers share one media store (pip install '.[s3]'). Credentials come from
    # boto3's own environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the instance role.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("DJANGO_MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# --- HTTPS and security headers --------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", "1")
# Load balancers ask for the health check over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", "1")
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- E-mail ----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", "0")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Notification e-mails wait in the database for `manage.py db_worker` (see README, Deploy).
# DJANGO_TASKS_BACKEND=immediate runs them inside the process that made them instead: for
# one-off commands that load or rewrite content before the site starts (deploy/stack.py), whose
# search and reference-index tasks would otherwise wait in the queue for pages that the same
# command has already replaced.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("DJANGO_TASKS_BACKEND") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}

# --- Page cache in front of Django -----------------------------------------------------------
# Publishing and moderation purge the pages they change from nginx's proxy cache and/or a CDN
# (apps/caching). FRONTEND_CACHE_PURGE_URL is nginx's address as seen from the app servers.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "apps.caching.purge.EncodedCopiesBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": required_env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# --- Search backend --------------------------------------------------------------------------
# The public search has its own index (apps/search); this only moves Wagtail's admin search.
if os.environ.get("WAGTAILSEARCH_OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": env_list("WAGTAILSEARCH_OPENSEARCH_URL"),
            "INDEX": os.environ.get("WAGTAILSEARCH_INDEX", "mishov"),
        }
    }
