"""Every public URL, hit with odd paths, query strings, headers and bodies, answers with a 4xx
page (or the page itself), never a 500. Through Django's test client, which hands Django the
same raw bytes a WSGI server would."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from apps.comments.tokens import issue as form_token
from apps.taxonomy.models import Topic
from tests.seeds import seed, seed_page
from tests.sitemap import sitemap_locations

pytestmark = pytest.mark.django_db

BIDI = "%E2%80%AE"  # U+202E RIGHT-TO-LEFT OVERRIDE
ODD_PATH_SUFFIXES = [
    "%00",
    "%C0%AF",  # overlong "/"
    "%ED%A0%80",  # a lone surrogate, encoded
    "%FF%FE",
    BIDI + "abc",
    "%E2%80%8F%D7%A9",  # RLM then a Hebrew letter
    "..%2F..%2Fetc%2Fpasswd",
    "%25",
    "x" * 5000,
    "%F0%9F%98%80/",  # emoji segment
]
ODD_QUERIES = [
    "q=" + "א" * 20000,
    "page=-1",
    "page=abc",
    "page=" + "9" * 31,
    "page=1&page=2&page=x",
    "q=%zz&page=%",
    "q=%00%00",
    "q=%ED%A0%80",
    "q=%C0%AF",
    "q=" + BIDI + "<script>alert(1)</script>",
    "&".join(f"k{i}=v" for i in range(2000)),
    "=&&=&q",
]
ODD_HEADERS = [
    {"HTTP_HOST": "evil.example"},
    {"HTTP_HOST": "127.0.0.1:99999999"},
    {"HTTP_ACCEPT_LANGUAGE": "he;q=1," * 3000},
    {"HTTP_ACCEPT_LANGUAGE": "\x00\xff;q=abc"},
    {"HTTP_COOKIE": "mishov_pending=" + "A" * 4000 + "; sessionid=%00; csrftoken=\u202e"},
    {"HTTP_COOKIE": "=;;;==;\x00"},
    {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
    {"HTTP_RANGE": "bytes=-1-2,99999999999999999999-"},
    {"HTTP_X_FORWARDED_FOR": "not-an-ip, \u202e"},
    {"HTTP_REFERER": "http://\u202e%00/"},
]


def as_wsgi(headers):
    """Header values as a WSGI server hands them over: the raw bytes, read as latin-1."""
    return {key: value.encode().decode("latin-1") for key, value in headers.items()}


def public_urls():
    """Every seeded page in every language it exists in, indexes, topics and the site's routes."""
    client = Client()
    urls = {re.sub(r"^https?://[^/]+", "", u) for u in sitemap_locations(client)}
    for lang in ("he", "fa", "fi"):
        with override(lang):
            urls |= {
                reverse("search") + "?q=test",
                reverse("feed-rss"),
                reverse("feed-atom"),
                f"/{lang}/",
            }
            topic = Topic.objects.exclude(**{f"slug_{lang}": ""}).first()
            if topic is not None:
                urls.add(reverse("topic", kwargs={"slug": getattr(topic, f"slug_{lang}")}))
    urls |= {"/", "/healthz", "/sitemap.xml", "/robots.txt", "/admin/login/"}
    return sorted(urls)


def assert_handled(response, what):
    assert response.status_code < 500, what
    if response.status_code in (400, 404) and not response["Content-Type"].startswith(
        "application/json"
    ):
        # A page that says what happened, in a language, not Django's bare "Bad Request".
        assert re.search(rb'<html lang="(he|fa|fi)" dir="(rtl|ltr)"', response.content), what


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_every_public_url_survives_odd_paths_and_query_strings(client):
    urls = public_urls()
    assert len(urls) > 30
    for url in urls:
        base, _sep, _query = url.partition("?")
        for suffix in ODD_PATH_SUFFIXES:
            assert_handled(client.get(base.rstrip("/") + "/" + suffix), f"{base} + {suffix[:40]}")
        for query in ODD_QUERIES:
            assert_handled(client.get(f"{base}?{query}"), f"{base}?{query[:40]}")


def test_every_public_url_survives_odd_headers(client):
    for url in public_urls():
        for headers in ODD_HEADERS:
            assert_handled(client.get(url, **as_wsgi(headers)), f"{url} with {str(headers)[:60]}")


def test_odd_methods_and_bodies_on_public_urls(client):
    for url in public_urls():
        assert_handled(client.post(url, {"a": "b"}), f"POST {url}")
        assert_handled(client.generic("PUT", url, b"\x00" * 100), f"PUT {url}")
        assert_handled(client.options(url), f"OPTIONS {url}")


def comment_url(lang="he"):
    page = seed_page(seed("004"))
    return page, f"/{lang}/comments/post/{page.pk}/"


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "\x00Dana", "body": "text\x00with NUL", "email": "a@b.co"},
        {"name": "\u202eanaD", "body": "\u2066bidi\u2069 \u202e", "email": "a@b.co"},
        {"name": "x", "body": "y", "email": "\x00@\x00"},
        {"name": "x" * 100000, "body": "y" * 200000, "email": "a@b.co"},
        {"name": "x", "body": "y", "email": "a@b.co", "parent": "9" * 40},
        {"name": "x", "body": "y", "email": "a@b.co", "parent": "-1"},
        {"name": "x", "body": "y", "email": "a@b.co", "token": "\x00:\u202e:%%"},
        {"name": ["a", "b"], "body": ["c", "d"], "email": "a@b.co"},
    ],
)
def test_comment_form_fields_with_odd_values_get_a_4xx_with_the_form(client, fields):
    page, url = comment_url()
    data = {"token": form_token(page.pk), **fields}
    response = client.post(url, data)
    assert_handled(response, str(fields)[:60])


def test_huge_and_malformed_comment_bodies(client):
    page, url = comment_url()
    huge = client.post(
        url,
        data=b"body=" + b"x" * (4 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    assert 400 <= huge.status_code < 500
    for body, content_type in [
        (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
        (
            b'--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nno end',
            "multipart/form-data; boundary=x",
        ),
        (b"{}", "application/json"),
        (b"&".join(b"k%d=v" % i for i in range(5000)), "application/x-www-form-urlencoded"),
    ]:
        assert_handled(client.post(url, data=body, content_type=content_type), str(body[:30]))
    for lang_url in ("/fi/comments/post/999999999999999999999/", "/xx/comments/post/1/"):
        assert_handled(client.post(lang_url, {"body": "x"}), lang_url)


@pytest.mark.parametrize(
    ("lang", "words"), [("he", "בקשה שגויה"), ("fa", "درخواست نادرست"), ("fi", "Virheellinen")]
)
def test_a_request_django_cannot_read_gets_a_400_page_in_the_url_language(client, lang, words):
    bad_host = client.get(f"/{lang}/", HTTP_HOST="evil.example")
    page = seed_page(seed({"he": "004", "fa": "003", "fi": "001"}[lang]))
    too_big = client.post(
        f"/{lang}/comments/post/{page.pk}/",
        data=b"body=" + b"x" * (4 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    for response in (bad_host, too_big):
        assert response.status_code == 400
        assert f'<html lang="{lang}"' in response.content.decode()
        assert words in response.content.decode()
