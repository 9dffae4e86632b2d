"""The public pages' security headers come from nginx for its cached locations and from Django
everywhere else (apps/caching/edge_headers.py): readers get each one exactly once."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.core.management import call_command

from apps.caching.edge_headers import nginx_lines, policy_headers
from apps.core.translation import url_in
from tests.seeds import seed, seed_page

THREAD_SEED = "004"  # the Hebrew coaching post
PUBLIC_PATHS = [
    "/he/",
    "/fa/",
    "/fi/",
    "/he/search/?q=" + urllib.parse.quote("לקוח"),
    "/sitemap.xml",
    "/he/feed/rss/",
    "/he/no-such-page/",
]


@pytest.fixture
def through_nginx(nginx, django_db_blocker):
    base, _purge_url = nginx
    with django_db_blocker.unblock():
        yield base


def get(base, path, cookie=None):
    """(status, headers) of a GET through nginx."""
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def assert_policy_once(headers, where):
    for name, value in policy_headers():
        assert headers.get_all(name) == [value], f"{where}: {name} {headers.get_all(name)}"


def test_cached_locations_send_each_policy_header_once_on_miss_and_hit(through_nginx):
    paths = [*PUBLIC_PATHS, url_in(seed_page(seed(THREAD_SEED)), "he")]
    for path in paths:
        for _attempt in ("MISS", "HIT"):
            status, headers = get(through_nginx, path)
            assert status in (200, 404), path
            assert_policy_once(headers, f"{path} ({headers['X-Cache']})")
        # A 404 is not stored (deploy/nginx.conf.template): made-up addresses fill no entries.
        assert headers["X-Cache"] == ("MISS" if status == 404 else "HIT"), path


def test_readers_who_bypass_the_cache_get_the_policy_once(through_nginx):
    status, headers = get(through_nginx, "/he/", cookie="mishov_commenter=someone")
    assert (status, headers["X-Cache"]) == (200, "BYPASS")
    assert_policy_once(headers, "/he/ bypassed")


def test_the_admin_gets_its_own_policy_through_nginx(through_nginx):
    status, headers = get(through_nginx, "/admin/login/")
    assert status == 200
    assert headers.get_all("Content-Security-Policy") == [settings.CSP_ADMIN]


@pytest.mark.django_db
def test_django_leaves_the_policy_to_nginx_only_for_its_cached_locations(client):
    direct = client.get("/he/")
    for name, value in policy_headers():
        assert direct[name] == value
    from_cached_location = client.get("/he/", HTTP_X_CACHE_KEY="/he/")
    assert from_cached_location.status_code == 200
    for name, _value in policy_headers():
        assert name not in from_cached_location, name


@pytest.mark.django_db
def test_a_header_that_differs_from_the_policy_is_kept(client):
    # The admin's policy is not the public one: even with the header nginx sends, it stays.
    response = client.get("/admin/login/", HTTP_X_CACHE_KEY="/admin/login/")
    assert response["Content-Security-Policy"] == settings.CSP_ADMIN


def test_the_command_prints_the_lines_nginx_includes(capsys):
    call_command("nginx_page_headers")
    printed = capsys.readouterr().out
    assert printed == nginx_lines()
    for name, value in policy_headers():
        assert f'add_header {name} "{value}" always;' in printed.splitlines()


def test_a_value_nginx_cannot_quote_is_refused(settings):
    settings.CSP_PUBLIC = "default-src 'self'; report-uri \"https://example.com\""
    with pytest.raises(ValueError, match="Content-Security-Policy"):
        nginx_lines()
