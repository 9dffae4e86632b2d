"""Search that learns: searches recorded per language by need, without personal data, the
results opened, the report editors read, and a bounded retention."""

import datetime
import html
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from apps.search.log import need
from apps.search.models import LoggedSearch, OpenedResult

from .utils import search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_log():
    """Searches other tests made through a real server are committed; each test starts empty."""
    LoggedSearch.objects.all().delete()
    OpenedResult.objects.all().delete()


def test_forms_of_one_word_are_one_need():
    assert need("לקוחות", "he") == need("ללקוח", "he") == need("הלקוח", "he") == "לקוח"
    assert need("asiakkaille", "fi") == need("asiakas", "fi")
    assert need("مشتريان", "fa") == need("مشتری", "fa")
    # Word order and stop words do not make another need.
    assert need("שירות של הלקוחות", "he") == need("לקוחות שירות", "he")


def test_a_rendered_search_is_recorded_without_personal_data_and_sets_no_cookie(client):
    response, results = search(client, "he", "הלקוחות 0501234567 dana@example.com")
    assert results and not response.cookies
    (row,) = LoggedSearch.objects.all()
    assert (row.language, row.results) == ("he", len(results))
    assert "0501234567" not in row.query and "dana@example.com" not in row.query
    assert "הלקוחות" in row.query
    # A later results page of the same search is not another search.
    search(client, "he", "הלקוחות", page=2)
    assert LoggedSearch.objects.count() == 1


def test_opening_a_result_is_recorded_against_the_need(client):
    _response, results = search(client, "fi", "asiakkaille")
    opened = client.get(html.unescape(results[0]["url"]))
    assert opened.status_code == 302 and not opened.cookies
    (row,) = OpenedResult.objects.all()
    assert (row.language, row.need) == ("fi", need("asiakas", "fi"))
    assert "no-cache" in opened["Cache-Control"] or "max-age=0" in opened["Cache-Control"]


def test_opening_a_page_a_reader_cannot_find_is_not_found(client):
    _response, results = search(client, "he", "לקוח")
    page_id = results[0]["url"].split("/open/")[1].split("/")[0]
    assert client.get(f"/fi/search/open/{page_id}/?q=x").status_code == 404


@override_settings(SEARCH_LOG_RETENTION_DAYS=30)
def test_old_searches_are_pruned_by_the_command():
    now = timezone.now()
    for age in (1, 29, 31, 200):
        LoggedSearch.objects.create(
            language="fi",
            need="x",
            query="x",
            results=0,
            searched_at=now - datetime.timedelta(days=age),
        )
    out = io.StringIO()
    call_command("prune_search_log", stdout=out)
    assert sorted(
        (now - row).days for row in LoggedSearch.objects.values_list("searched_at", flat=True)
    ) == [1, 29]
    assert "2 search log rows older than 30 days" in out.getvalue()


def test_the_report_shows_top_needs_misses_and_unopened_with_a_start_link(client):
    for query in ("לקוחות", "ללקוח", "הלקוח", "מזגן שבור"):
        search(client, "he", query)
    _response, results = search(client, "fi", "asiakkaille")
    client.get(html.unescape(results[0]["url"]))
    search(client, "fi", "valitus")
    editor = User.objects.create_superuser("search-editor", "e@example.com", "pw-123456-x")
    client.force_login(editor)

    rows = report_rows(client, "language=he")
    # Three ways of typing one need are one row with three searches; the miss is its own.
    assert [row[2:5] for row in rows] == [["3", "3", "0"], ["1", "0", "0"]]
    assert rows[1][0] == "מזגן שבור"
    missing = client.get("/admin/reports/searches/?language=he&show=missing").content.decode()
    assert "מזגן שבור" in missing and "ללקוח" not in missing
    assert "/admin/pages/add/kb/articlepage/" in html.unescape(missing)
    assert [row[0] for row in report_rows(client, "language=fi&show=unopened")] == ["valitus"]


def report_rows(client, query):
    """The report's table as rows of cell texts."""
    text = client.get(f"/admin/reports/searches/?{query}").content.decode()
    body = text.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]
