"""nginx with the deployed page-cache config (deploy/nginx.conf.template) in front of a real
server process on the test database."""

import contextlib
import os
import shutil
import subprocess
import tempfile

import pytest
from django.db import connections

from apps.caching.edge_headers import nginx_lines
from deploy.stack import NGINX, write_nginx_config
from tests.browser.conftest import _database_url, _wait_for_server_sessions_to_end
from tests.live_server import free_port, running_server, wait_until_healthy


@pytest.fixture(scope="session", autouse=True)
def database_calls_beside_playwright():
    """These tests reach the database outside pytest-django's transactions, so pytest-django
    runs them last, with the browser tests, after Playwright has left its asyncio loop on this
    thread. Their calls are plain synchronous code; Django's guard against database calls from
    async code must not stop them (the browser tests avoid the database for that reason)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@contextlib.contextmanager
def server_on_test_database(django_db_blocker, gunicorn=False):
    """A server process on the test database, as for the browser tests. Its teardown may run
    beside Playwright's loop, where connections belong to the context: close them."""
    with django_db_blocker.unblock():
        env = {"DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        # (A machine busy with other work starts Django slowly.)
        with running_server(env, timeout=90, gunicorn=gunicorn) as base:
            yield base
        _wait_for_server_sessions_to_end()
        connections.close_all()


@contextlib.contextmanager
def caching_nginx(upstream_url, run_dir, port=None, **config_values):
    """(public URL, purge URL) of an nginx with the deployed config caching `upstream_url`
    (on `port`, else a free one; `config_values` as for write_nginx_config); its cache files
    are in run_dir/cache."""
    if not shutil.which(NGINX):
        pytest.fail("nginx is missing: apt-get install nginx-light libnginx-mod-http-cache-purge")
    port, purge_port = port or free_port(), free_port()
    config = write_nginx_config(
        run_dir,
        listen=f"127.0.0.1:{port}",
        upstream=upstream_url.removeprefix("http://"),
        purge_listen=f"127.0.0.1:{purge_port}",
        # The server runs this process's settings (config.settings.test).
        page_headers=nginx_lines(),
        **config_values,
    )
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, process, log, "nginx")
    try:
        yield base, f"http://127.0.0.1:{purge_port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server_url(django_db_setup, django_db_blocker):
    with server_on_test_database(django_db_blocker) as base:
        yield base


@pytest.fixture(scope="session")
def nginx_run_dir(tmp_path_factory):
    """The folder of the `nginx` fixture's config and cache (its cache files are in cache/)."""
    return tmp_path_factory.mktemp("nginx")


@pytest.fixture(scope="session")
def nginx(server_url, nginx_run_dir):
    """(public URL, purge URL) of an nginx caching `server_url`."""
    with caching_nginx(server_url, nginx_run_dir) as urls:
        yield urls
