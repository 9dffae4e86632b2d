"""The site in its own process on a private PostgreSQL cluster and a private Redis.

The cluster is filled from the seeded test database through `manage.py backup` and
`manage.py restore`, so every fault test also exercises the backup round trip. Tests may stop
and start both services; each leaves them running.
"""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from .services import PrivatePostgres, PrivateRedis, SiteServer, manage

SITE_DB = "mishov_site"


def shared_test_database_url():
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def workdir():
    """Own folder, not pytest's numbered ones: concurrent pytest runs prune those."""
    path = Path(tempfile.mkdtemp(prefix="mishov-resilience-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def seeded_backup(django_db_setup, django_db_blocker, workdir):
    """A backup folder of the seeded test database."""
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("the fault tests need PostgreSQL (set DATABASE_URL, as CI does)")
        url = shared_test_database_url()
    out = workdir / "backups"
    result = manage("backup", "--output", str(out), env={"DATABASE_URL": url})
    return result.stdout.strip()


@pytest.fixture(scope="session")
def postgres():
    cluster = PrivatePostgres().init()
    cluster.start()
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="session")
def redis():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site(postgres, redis, seeded_backup, workdir):
    """The seeded site served from the private services, with persistent connections (as in
    production) so that recovery must go through Django's connection health checks."""
    postgres.create_database(SITE_DB)
    env = {
        "DATABASE_URL": postgres.url(SITE_DB),
        "REDIS_URL": redis.url,
        "DATABASE_CONN_MAX_AGE": "600",
        "MEDIA_ROOT": str(workdir / "site-media"),
    }
    manage("restore", seeded_backup, env=env)
    server = SiteServer(env, workdir / "server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def running(site, postgres, redis):
    """Both services up again after a test, whatever it stopped."""
    yield site
    for service in (postgres, redis):
        if not service.is_up():
            service.start()
