"""The edge as deployed, for attacks: nginx with deploy/nginx.conf.template in front of gunicorn
(two workers, as deployed) on the seeded test database, with production's caches in a private
Redis and the site's address pinned (DJANGO_SITE_URL). Clients connect from their own loopback
addresses (127.0.0.2, 127.0.0.3, …), as different readers would."""

import http.client
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.db import connections

from tests.browser.conftest import _database_url, _wait_for_server_sessions_to_end
from tests.live_server import free_port, running_server
from tests.production.conftest import caching_nginx
from tests.resilience.services import PrivateRedis

ASCII_PRINTABLE = "".join(chr(code) for code in range(33, 127))


@dataclass
class Edge:
    base: str
    purge_base: str
    cache_dir: Path
    search_cache_dir: Path
    media_root: Path
    redis: PrivateRedis

    @property
    def port(self):
        return int(self.base.rsplit(":", 1)[1])

    def purge(self, path):
        """Drop `path` from nginx's page cache, as publishing does."""
        connection = http.client.HTTPConnection("127.0.0.1", int(self.purge_base.rsplit(":", 1)[1]))
        connection.request("PURGE", urllib.parse.quote(path))
        status = connection.getresponse().status
        connection.close()
        assert status in (200, 204), status

    def cache_files(self, directory=None):
        return [p for p in (directory or self.cache_dir).rglob("*") if p.is_file()]


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def header(self, name):
        return self.headers.get(name)


@dataclass
class Client:
    """A reader, an editor or an attacker at one loopback address, with its own cookies."""

    edge: Edge
    source: str = "127.0.0.1"
    cookies: dict = field(default_factory=dict)

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.edge.port, timeout=30, source_address=(self.source, 0)
        )
        headers = {"Host": f"127.0.0.1:{self.edge.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        # Non-ASCII escaped as a browser would; everything else goes as written (--path-as-is).
        path = urllib.parse.quote(path, safe=ASCII_PRINTABLE)
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        connection.close()
        return Response(response.status, response.headers, text)

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, **headers):
        return self.request("POST", path, data=data, headers=headers)


@pytest.fixture(scope="session")
def edge(django_db_setup, django_db_blocker, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("edge")
    media_root = run_dir / "media"
    media_root.mkdir()
    port = free_port()
    redis = PrivateRedis()
    redis.start()
    with django_db_blocker.unblock():
        env = {
            "DATABASE_URL": _database_url(),
            "DJANGO_SETTINGS_MODULE": "tests.resilience.server_settings",
            "REDIS_URL": redis.url,
            "MEDIA_ROOT": str(media_root),
            "DJANGO_SITE_URL": f"http://127.0.0.1:{port}",
        }
        try:
            with running_server(env, timeout=60, gunicorn=True, workers=2) as upstream:
                with caching_nginx(
                    upstream, run_dir, port, media_root=media_root,
                    # The sources: the tests collect no static files.
                    static_root=Path(__file__).resolve().parents[2] / "static",
                ) as (base, purge_base):
                    yield Edge(base, purge_base, run_dir / "cache", run_dir / "search-cache",
                               media_root, redis)
            _wait_for_server_sessions_to_end()
        finally:
            redis.stop()
            connections.close_all()


@pytest.fixture
def fresh_limits(edge):
    """Counts (rate limits, spent tokens) start from none in each test."""
    edge.redis.flush()
    yield
    edge.redis.flush()


def wait_for(predicate, timeout=10):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)
