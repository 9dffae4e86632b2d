"""Content-Security-Policy: the public site allows no inline code at all; the admin has its own
policy."""

import re

import pytest

from apps.blog.models import BlogIndexPage
from apps.core.translation import url_in
from tests.seeds import read_seed, seed_files, seed_page

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def directives(header):
    return {parts[0]: parts[1:] for parts in (d.split() for d in header.split(";") if d.strip())}


def public_paths():
    paths = ["/he/", "/fa/", "/fi/", "/he/search/?q=לקוח"]
    paths.append(url_in(BlogIndexPage.objects.get(), "he"))
    for path in seed_files():
        data = read_seed(path)
        paths.append(url_in(seed_page(data), data["language"]))
    return paths


def test_public_pages_allow_only_their_own_files_and_carry_no_inline_code(client):
    for path in public_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], path
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), path
        assert not INLINE_STYLE.search(html), path
        assert not EVENT_HANDLER.search(html), path


def test_error_pages_and_feeds_carry_the_public_policy(client):
    for path in ("/he/no-such-page/", "/he/feed/rss/", "/sitemap.xml"):
        header = client.get(path)["Content-Security-Policy"]
        assert directives(header)["script-src"] == ["'self'"], path


def test_the_admin_has_its_own_policy(client):
    header = client.get("/admin/login/")["Content-Security-Policy"]
    policy = directives(header)
    # Wagtail's admin needs inline styles and scripts; it still loads nothing from elsewhere.
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
