"""config.settings.production: environment only, refusing to start without what it needs, and
clean under `manage.py check --deploy`."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

REQUIRED = {
    "DJANGO_SECRET_KEY": "k" * 30 + "-production-test-key-not-used-anywhere-else",
    "DJANGO_ALLOWED_HOSTS": "mishov.example",
    "WAGTAILADMIN_BASE_URL": "https://mishov.example",
    "DATABASE_URL": "postgres://mishov@db.example:5432/mishov",
    "REDIS_URL": "redis://cache.example:6379/0",
}


def run_manage(*args, **env):
    # Only what a server would have: none of the required variables unless given, and not the
    # async-safety switch the page-cache tests set for themselves (conftest.py).
    unwanted = {*REQUIRED, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_value(expression, **env):
    """The value of a Python expression over the production settings module."""
    result = run_manage(
        "shell", "--no-imports", "-c", f"from django.conf import settings; print({expression})",
        **{**REQUIRED, **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("missing", list(REQUIRED))
def test_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


def test_check_deploy_is_clean():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", **REQUIRED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_databases_and_redis_come_from_the_environment():
    value = production_value(
        "settings.DATABASES['default']['HOST'], settings.CACHES['default']['LOCATION'],"
        " getattr(settings, 'DATABASE_ROUTERS', [])"
    )
    assert value == "db.example redis://cache.example:6379/0 []"


def test_replica_urls_add_aliases_and_the_router():
    value = production_value(
        "sorted(settings.DATABASES), settings.DATABASES['replica2']['HOST'],"
        " settings.DATABASE_ROUTERS",
        DATABASE_REPLICA_URLS="postgres://r@replica-a:5432/mishov,postgres://r@replica-b/mishov",
    )
    assert value == (
        "['default', 'replica1', 'replica2'] replica-b"
        " ['apps.operations.db_router.PrimaryReplicaRouter']"
    )


def test_media_on_s3_is_switched_on_by_a_bucket():
    assert production_value("settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )
    value = production_value(
        "settings.STORAGES['default']['BACKEND'],"
        " settings.STORAGES['default']['OPTIONS']['bucket_name']",
        DJANGO_MEDIA_S3_BUCKET="mishov-media",
    )
    assert value == "storages.backends.s3.S3Storage mishov-media"


def test_purges_go_to_nginx_when_its_address_is_given():
    assert production_value("settings.WAGTAILFRONTENDCACHE") == "{}"
    value = production_value(
        "settings.WAGTAILFRONTENDCACHE['nginx']['LOCATION']",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8081",
    )
    assert value == "http://127.0.0.1:8081"


def test_plain_http_is_redirected_to_https_except_the_health_check():
    result = run_manage(
        "shell", "--no-imports", "-c",
        "from django.test import Client; c = Client();"
        " r = c.get('/he/'); print(r.status_code, r['Location'], c.get('/healthz').status_code)",
        **{**REQUIRED, "DJANGO_ALLOWED_HOSTS": "testserver,mishov.example",
           # Nothing listens there: the health check answers without a database.
           "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"},
    )
    assert result.returncode == 0, result.stderr
    # To the site's own address (apps/security/hosts.py), whichever allowed host was asked.
    assert result.stdout.strip().splitlines()[-1] == "301 https://mishov.example/he/ 503"
