"""Large cached pages start on a 4 KiB boundary of nginx's cache file, where sendfile sends a
hit as fast as a static file (apps/caching/alignment.py). Checked in the files of a real
nginx in front of gunicorn as deployed, plus the middleware's rules on its own."""

import urllib.error
import urllib.parse
import urllib.request

import pytest

from apps.caching.alignment import (
    EMPTY_PAD_LINE,
    MIN_PADDED_PAGE_BYTES,
    NGINX_FILE_HEADER_BYTES,
    PAD_HEADER,
    PAGE_BYTES,
    AlignedCacheFiles,
    padding,
)
from apps.comments.models import Comment
from apps.core.translation import url_in
from tests.production.conftest import caching_nginx, server_on_test_database
from tests.seeds import seed, seed_page

THREAD_SEED = "004"  # the Hebrew coaching post
COMMENT = "השירות היה מצוין, והצוות ענה על כל שאלה בסבלנות ובנימוס. " * 8


@pytest.fixture(scope="module")
def deployed(django_db_setup, django_db_blocker, tmp_path_factory):
    """(nginx's URL, its cache directory), nginx in front of gunicorn on the test database."""
    run_dir = tmp_path_factory.mktemp("aligned")
    with (
        server_on_test_database(django_db_blocker, gunicorn=True) as upstream,
        caching_nginx(upstream, run_dir) as (base, _purge_url),
    ):
        yield base, run_dir / "cache"


@pytest.fixture
def long_thread(deployed, django_db_blocker):
    """The coaching post's URL, with 60 more approved comments (over 48 KiB of HTML)."""
    with django_db_blocker.unblock():
        post = seed_page(seed(THREAD_SEED))
        added = [
            Comment.objects.create(
                page=post, language="he", depth=1, name=f"קורא {number}", body=COMMENT,
                status=Comment.Status.APPROVED,
            ).pk
            for number in range(60)
        ]
        yield url_in(post, "he")
        Comment.objects.filter(pk__in=added).delete()


def get(base, path):
    """(X-Cache, headers, body bytes) of a GET through nginx."""
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 - loopback
            return response.headers.get("X-Cache"), response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.headers.get("X-Cache"), error.headers, error.read()


def cache_file(cache_dir, path):
    """(stored response header, offset of the page, whole file) of `path`'s cache file."""
    # urllib asks for no compression: the key of the page as rendered (deploy's $encoding).
    key = b"\nKEY: identity:" + urllib.parse.unquote(path).encode() + b"\n"
    for file in cache_dir.rglob("*"):
        if file.is_file() and key in (data := file.read_bytes()):
            header_start = data.index(key) + len(key)
            page_offset = data.index(b"\r\n\r\n", header_start) + 4
            return data[header_start:page_offset].decode("latin-1"), page_offset, data
    raise AssertionError(f"no cache file for {path}")


def test_a_large_page_starts_on_a_page_boundary_of_its_cache_file(deployed, long_thread):
    base, cache_dir = deployed
    state, _headers, body = get(base, long_thread)
    assert state == "MISS"
    assert len(body) >= MIN_PADDED_PAGE_BYTES

    stored_header, page_offset, data = cache_file(cache_dir, long_thread)
    assert f"\r\n{PAD_HEADER}: " in stored_header
    assert page_offset % PAGE_BYTES == 0
    assert data[page_offset:] == body

    state, headers, hit = get(base, long_thread)
    assert state == "HIT"
    assert hit == body
    assert PAD_HEADER not in headers  # the padding stays between gunicorn and nginx


def test_small_pages_are_stored_without_padding(deployed):
    base, cache_dir = deployed
    get(base, "/he/")
    state, headers, body = get(base, "/he/")
    assert state == "HIT"
    assert len(body) < MIN_PADDED_PAGE_BYTES
    stored_header, page_offset, data = cache_file(cache_dir, "/he/")
    assert PAD_HEADER not in stored_header
    assert page_offset < PAGE_BYTES
    assert data[page_offset:] == body


@pytest.mark.parametrize("key_length", [0, 1, 57, 300, 700])
@pytest.mark.parametrize("header_bytes", [17, 561, 2000, 3000])
def test_padding_ends_the_header_exactly_on_the_next_page_boundary(key_length, header_bytes):
    size = padding("k" * key_length, header_bytes)
    before_pad = NGINX_FILE_HEADER_BYTES + len("\nKEY: \n") + key_length + header_bytes
    assert (before_pad + EMPTY_PAD_LINE + size) % PAGE_BYTES == 0
    assert 0 <= size < PAGE_BYTES


def test_headers_too_long_to_pad_within_the_proxy_buffer_are_left_alone():
    # Five bytes short of the boundary: no pad line fits, and the next boundary is too far.
    header_bytes = PAGE_BYTES - NGINX_FILE_HEADER_BYTES - len("\nKEY: /he/\n") - 5
    assert padding("/he/", header_bytes) is None
    # Room for exactly an empty pad line.
    assert padding("/he/", header_bytes + 5 - EMPTY_PAD_LINE) == 0


def page_of(length):
    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(length))])
        return [b"x" * length]

    return application


def response_headers(application, **environ):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen.update(headers)

    application({"REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1", **environ},
                start_response)
    return seen


GUNICORN = {"SERVER_SOFTWARE": "gunicorn/27", "HTTP_X_CACHE_KEY": "/he/"}


def test_only_large_pages_served_by_gunicorn_to_a_cached_location_are_padded():
    large = AlignedCacheFiles(page_of(MIN_PADDED_PAGE_BYTES))
    assert PAD_HEADER in response_headers(large, **GUNICORN)
    # Not a cached location: nginx sends no key.
    assert PAD_HEADER not in response_headers(large, SERVER_SOFTWARE="gunicorn/27")
    # Another server writes other headers: padding would miss the boundary.
    assert PAD_HEADER not in response_headers(large, **{**GUNICORN, "SERVER_SOFTWARE": "uwsgi"})
    small = AlignedCacheFiles(page_of(MIN_PADDED_PAGE_BYTES - 1))
    assert PAD_HEADER not in response_headers(small, **GUNICORN)
