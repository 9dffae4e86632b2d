"""Pages compressed on the wire, once per cache fill (apps/caching/compression.py), through the
deployed nginx in front of a server process on the test database: each encoding class gets its
own stored copy under its own key, decoding to the page a plain reader gets; the purge removes
every copy; personal pages and the admin are never compressed (BREACH)."""

import gzip
import re
import urllib.error
import urllib.parse
import urllib.request

import brotli
import pytest
from django.urls import reverse
from django.utils.translation import override

from apps.caching.compression import accepted_encoding
from apps.core.translation import url_in
from tests.production.test_page_cache import new_post, site  # noqa: F401 - fixtures
from tests.seeds import seed, seed_page

THREAD_SEED = "004"  # the Hebrew coaching post
BROWSER = "gzip, deflate, br, zstd"
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}
# The comment form's token is issued per rendering: two copies differ there only.
TOKEN = re.compile(rb'name="token" value="[^"]*"')


def fetch(base, path, accept_encoding=None, cookie=None):
    """(status, headers, raw body) of a GET through nginx; urllib decodes nothing."""
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding is not None else {}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(base + path, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def decoded(headers, body):
    return TOKEN.sub(b"", DECODE[headers.get("Content-Encoding")](body))


def reader_paths():
    page = seed_page(seed(THREAD_SEED))
    with override("he"):
        feed = reverse("feed-rss")
    return [url_in(page, "he"), "/he/", url_in(page.get_parent(), "he"), feed,
            "/sitemap-pages.xml"]


def test_each_encoding_is_stored_once_and_decodes_to_the_plain_page(site):  # noqa: F811
    for path in reader_paths():
        status, headers, plain = fetch(site, path)
        assert status == 200, path
        assert "Content-Encoding" not in headers, path
        for accept, encoding in (("gzip", "gzip"), (BROWSER, "br")):
            first = fetch(site, path, accept)[1]
            status, headers, body = fetch(site, path, accept)
            assert (status, first["X-Cache"], headers["X-Cache"]) == (200, "MISS", "HIT"), path
            assert headers["Content-Encoding"] == encoding, path
            assert "Accept-Encoding" in headers["Vary"], path
            assert int(headers["Content-Length"]) == len(body) < len(plain) / 2, path
            assert decoded(headers, body) == decoded({}, plain), path


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("GZIP", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("gzip;q=0, deflate", None),
        ("x-gzip, *", None),
        ("", None),
    ],
)
def test_nginx_and_django_agree_on_the_encoding(site, accept, expected):  # noqa: F811
    assert accepted_encoding(accept) == expected
    assert fetch(site, "/he/", accept)[1].get("Content-Encoding") == expected


def test_a_cache_key_never_mixes_encodings(site, nginx_run_dir):  # noqa: F811
    for path in reader_paths()[:2]:
        for accept in (None, "gzip", BROWSER):
            fetch(site, path, accept)
    stored = {}
    for file in (nginx_run_dir / "cache").rglob("*"):
        if not file.is_file():
            continue
        data = file.read_bytes()
        key = re.search(rb"\nKEY: ([^\n]*)\n", data).group(1).decode()
        header = data[data.index(b"\nKEY: "):data.index(b"\r\n\r\n")].decode("latin-1")
        found = re.search(r"\r\nContent-Encoding: (\S+)", header)
        encoding, _, path = key.partition(":")
        assert encoding == (found.group(1) if found else "identity"), key
        stored.setdefault(path, set()).add(encoding)
    assert stored["/he/"] == {"identity", "gzip", "br"}


def test_the_purge_removes_every_encoding(site, new_post):  # noqa: F811
    paths = [url_in(new_post, "he"), "/he/"]
    for path in paths:
        for accept in (None, "gzip", BROWSER):
            fetch(site, path, accept)
            assert fetch(site, path, accept)[1]["X-Cache"] == "HIT", (path, accept)

    new_post.title_he = "מטמון דחוס שני"
    new_post.save_revision().publish()

    for path in paths:
        for accept in (None, "gzip", BROWSER):
            status, headers, body = fetch(site, path, accept)
            assert (status, headers["X-Cache"]) == (200, "MISS"), (path, accept)
            assert "מטמון דחוס שני" in decoded(headers, body).decode(), (path, accept)


def test_personal_pages_and_the_admin_are_never_compressed(site):  # noqa: F811
    page = seed_page(seed(THREAD_SEED))
    path = url_in(page, "he")
    # A commenter with pending comments: their own copy, uncompressed and not stored.
    status, headers, _body = fetch(site, path, BROWSER, cookie="mishov_pending=anything")
    assert (status, headers["X-Cache"]) == (200, "BYPASS")
    assert "Content-Encoding" not in headers
    # The reader's own comment token, and the admin's sign-in form with its CSRF token.
    with override("he"):
        token_url = reverse("comments:token", args=[page.pk])
    for url in (token_url, "/admin/login/"):
        status, headers, _body = fetch(site, url, BROWSER)
        assert status == 200, url
        assert "Content-Encoding" not in headers, url
