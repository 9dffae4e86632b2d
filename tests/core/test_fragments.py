"""Parts of pages cached under the content version (FRAGMENT_CACHE_SECONDS, on in production;
apps/caching/fragments.py) and routing kept with them (apps/caching/routes.py): a page Django
renders again costs almost no query, and every change readers can see shows at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from apps.blog.models import BlogIndexPage
from tests.comments.conftest import commentable, post_comment
from tests.seeds import seed, seed_page, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.COMMENTS_THREAD_CACHE_SECONDS = 60
    cache.clear()  # what each process keeps is forgotten by tests/conftest.py
    yield
    cache.clear()


def without_token(html):
    return re.sub(r'name="token" value="[^"]*"', "", html)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries]


def beyond_the_site(queries):
    """The queries other than Wagtail finding the request's site and its root (home) page."""
    return [
        sql for sql in queries
        if 'FROM "wagtailcore_site"' not in sql and 'FROM "home_homepage"' not in sql
    ]


def test_a_page_rendered_again_reads_no_page_author_or_topic(client):
    _page, url = commentable("he")
    first, first_queries = get(client, url)
    again, queries = get(client, url)
    assert first.status_code == again.status_code == 200
    assert without_token(again.content.decode()) == without_token(first.content.decode())
    assert len(queries) < len(first_queries)
    for table in ("wagtailcore_page", "people_author", "taxonomy_topic"):
        assert not [sql for sql in beyond_the_site(queries) if f'"{table}"' in sql], table


def test_the_first_reading_of_the_comment_settings_keeps_the_cache(
    client, django_capture_on_commit_callbacks
):
    from apps.comments.models import CommentSettings

    CommentSettings.objects.all().delete()
    cache.clear()
    _page, url = commentable("he")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # Wagtail creates the settings with their defaults here
    assert CommentSettings.objects.exists()
    _response, queries = get(client, url)
    assert not [sql for sql in beyond_the_site(queries) if '"wagtailcore_page"' in sql]


def test_each_language_has_its_own_parts(client):
    page = seed_page(seed("004"))
    he_html = client.get(url_in(page, "he")).content.decode()
    client.get(url_in(page, "he"))
    home_fi = client.get("/fi/").content.decode()
    assert 'lang="fi"' in home_fi and 'lang="he" dir="rtl"' in he_html


def test_renaming_a_section_changes_every_page_header(client, django_capture_on_commit_callbacks):
    home = client.get("/he/").content.decode()
    blog = BlogIndexPage.objects.get()
    assert blog.title_he in home
    with django_capture_on_commit_callbacks(execute=True), override("he"):
        blog.title_he = "הבלוג בשם חדש"
        blog.save_revision().publish()
    assert "הבלוג בשם חדש" in client.get("/he/").content.decode()
    _page, url = commentable("he")
    assert "הבלוג בשם חדש" in client.get(url).content.decode()


def test_editing_an_author_shows_at_once(client, django_capture_on_commit_callbacks):
    page = seed_page(seed("004"))
    url = url_in(page, "he")
    assert page.author.name in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.author.name = "שם מחבר מעודכן"
        page.author.save()
    assert "שם מחבר מעודכן" in client.get(url).content.decode()


def test_unpublishing_is_not_found_at_once(client, django_capture_on_commit_callbacks):
    page = seed_page(seed("004"))
    url = url_in(page, "he")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(url).status_code == 404


def test_a_new_privacy_rule_applies_at_once(client, django_capture_on_commit_callbacks):
    page = seed_page(seed("004"))
    url = url_in(page, "he")
    text = page.title_he
    assert text in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-1"
        )
    html = client.get(url).content.decode()
    assert 'name="password"' in html and page.lead_he[:40] not in html


def test_a_remembered_reader_gets_their_own_form(client):
    _page, url = commentable("he")
    assert 'value="Noa Remembered"' not in client.get(url).content.decode()
    post_comment(client, "he", name="Noa Remembered", email="noa@example.com", remember="on")
    assert 'value="Noa Remembered"' in client.get(url).content.decode()
    from django.test import Client

    assert 'value="Noa Remembered"' not in Client().get(url).content.decode()


def test_a_form_with_errors_keeps_what_was_typed(client):
    _page, url = commentable("he")
    client.get(url)
    response, _page, _url = post_comment(
        client, "he", name="", email="not-an-address", body="מה שהקלדתי נשמר"
    )
    html = response.content.decode()
    assert "מה שהקלדתי נשמר" in html and 'value="not-an-address"' in html


def test_a_preview_shows_the_unpublished_text(client):
    page = seed_page(seed("004"))
    client.get(url_in(page, "he"))
    with override("he"):
        page.title_he = "כותרת בתצוגה מקדימה בלבד"
        response = page.make_preview_request()
    assert "כותרת בתצוגה מקדימה בלבד" in response.content.decode()


def test_the_same_part_of_two_templates_is_kept_apart(rf):
    from django.template import engines

    engine = engines["django"]
    request = rf.get("/he/")
    part = '{% load caching_tags %}{% fragment "part" 7 %}TEXT{% endfragment %}'
    first = engine.from_string(part.replace("TEXT", "one"))
    second = engine.from_string(part.replace("TEXT", "two"))
    first.template.origin.template_name = "first.html"
    second.template.origin.template_name = "second.html"
    assert first.render({}, request) == "one"
    assert second.render({}, request) == "two"
    assert first.render({}, request) == "one"


def test_nothing_to_vary_on_is_not_cached(rf):
    from django.template import engines

    template = engines["django"].from_string(
        '{% load caching_tags %}{% fragment "part" page.pk %}{{ text }}{% endfragment %}'
    )
    request = rf.get("/he/")
    assert template.render({"text": "first"}, request) == "first"
    assert template.render({"text": "second"}, request) == "second"


def test_moving_a_page_starts_a_new_content_version(django_capture_on_commit_callbacks):
    from wagtail.signals import post_page_move

    from apps.caching import content_version

    page = seed_page(seed("004"))
    before = content_version.current()
    # Wagtail sends this after a move; the blog's page types have only one place to go.
    with django_capture_on_commit_callbacks(execute=True):
        post_page_move.send(
            sender=type(page), instance=page, parent_page_before=page.get_parent(),
            parent_page_after=page.get_parent(), url_path_before=page.url_path,
            url_path_after=page.url_path,
        )
    assert content_version.current() != before
