"""Editors read the votes per page and language, the reasons and texts, and the trend; the page's
own edit view shows its score."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from apps.feedback.models import Vote
from tests.seeds import seed, seed_page

pytestmark = pytest.mark.django_db


def cells(text):
    body = text.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split())
         for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]  # fmt: skip


@pytest.fixture
def votes():
    Vote.objects.all().delete()  # what the browser tests' server committed
    page = seed_page(seed("004"))
    now = timezone.now()
    old = now - datetime.timedelta(days=40)
    rows = [
        (True, "", "", old), (False, "outdated", "", old),  # 50 % a month ago
        (True, "", "", now), (True, "", "", now), (True, "", "", now),
        (False, "missing", "חסר מחיר [מספר טלפון מוסתר]", now),  # 75 % now
    ]  # fmt: skip
    for helpful, reason, text, when in rows:
        Vote.objects.create(
            page=page, language="he", helpful=helpful, reason=reason, text=text, created_at=when
        )
    Vote.objects.create(page=page, language="fi", helpful=False, reason="unclear")
    return page


def test_the_report_has_a_row_per_page_and_language(client, votes):
    client.force_login(User.objects.create_superuser("fb-editor", "e@example.com", "pw-1234-x"))
    rows = cells(client.get("/admin/reports/helpful/").content.decode())
    by_language = {row[1]: row for row in rows}
    hebrew = by_language["עברית"]
    assert hebrew[2:6] == ["4", "2", "67 %", "+25"]
    assert "1" in hebrew[6] and "1" in hebrew[6].split(",")[1]  # outdated 1, missing 1
    assert by_language["Suomi"][2:5] == ["0", "1", "0 %"]

    texts = client.get(f"/admin/reports/helpful/texts/?page={votes.pk}&language=he")
    assert "חסר מחיר" in texts.content.decode() and 'dir="auto"' in texts.content.decode()


def test_the_page_edit_view_shows_its_score(client, votes):
    client.force_login(User.objects.create_superuser("fb-editor2", "e@example.com", "pw-1234-x"))
    text = client.get(f"/admin/pages/{votes.pk}/edit/").content.decode()
    assert re.search(r"67\s?%", text)  # the share, however the admin's language writes it
    assert f"/admin/reports/helpful/?page={votes.pk}" in text
