"""'Was this helpful?': a plain form post, one vote per reader, page and day, masked texts, and
nothing that makes the page differ between readers."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import override_settings

from apps.feedback.models import Vote
from tests.seeds import seed, seed_page, url_in

pytestmark = pytest.mark.django_db

# A post (he), a knowledge-base article (fa) and a question (fi).
SEEDS = {"he": "004", "fa": "003", "fi": "001"}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    # Votes the browser tests left (they commit through their own server).
    Vote.objects.all().delete()
    yield
    cache.clear()


def page_in(lang):
    page = seed_page(seed(SEEDS[lang]))
    return page, url_in(page, lang)


def vote(client, lang, page, address="203.0.113.5", **data):
    return client.post(
        f"/{lang}/feedback/{page.pk}/", {"helpful": "yes", **data}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_a_vote_goes_back_to_the_page_with_its_thank_you_and_no_cookie(client, lang):
    page, url = page_in(lang)
    html = client.get(url).content.decode()
    assert f'action="/{lang}/feedback/{page.pk}/"' in html
    section = html.split('id="helpful"')[1].split("</section>")[0]
    # The same form for every reader: no token, nothing of the reader's own.
    assert 'id="helpful-thanks"' in section and 'type="hidden"' not in section

    response = vote(client, lang, page)

    assert response.status_code == 303
    assert response["Location"] == f"{url}#helpful-thanks"
    assert not response.cookies
    assert list(Vote.objects.filter(page=page).values_list("language", "helpful")) == [(lang, True)]


def test_one_vote_per_reader_page_and_day(client):
    page, url = page_in("he")
    other, _ = page_in("fi")
    assert vote(client, "he", page)["Location"].endswith("#helpful-thanks")
    again = vote(client, "he", page, helpful="no", reason="outdated")
    assert again["Location"] == f"{url}#helpful-counted"
    assert Vote.objects.filter(page=page).count() == 1
    # Another page, another reader: their own votes.
    assert vote(client, "fi", other)["Location"].endswith("#helpful-thanks")
    assert vote(client, "he", page, address="198.51.100.7")["Location"].endswith("#helpful-thanks")
    # The next day, the same reader again.
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert vote(client, "he", page)["Location"].endswith("#helpful-thanks")
    assert Vote.objects.filter(page=page).count() == 3


def test_a_no_keeps_its_reason_and_its_text_masked(client):
    page, _url = page_in("fi")
    response = vote(
        client,
        "fi",
        page,
        helpful="no",
        reason="missing",
        text="Soita minulle 040 123 4567 tai mikko (at) example (dot) fi, puuttuu hinnasto.",
    )
    assert response.status_code == 303
    stored = Vote.objects.get(page=page)
    assert (stored.helpful, stored.reason) == (False, "missing")
    assert "040" not in stored.text and "mikko" not in stored.text
    assert "puuttuu hinnasto" in stored.text and "[" in stored.text


def test_a_yes_carries_no_reason_or_text(client):
    page, _url = page_in("he")
    vote(client, "he", page, helpful="yes", reason="outdated", text="הערה")
    assert list(Vote.objects.values_list("reason", "text")) == [("", "")]


def test_bad_input_and_other_sites_are_refused_with_the_text_kept(client):
    page, _url = page_in("fa")
    bad = vote(client, "fa", page, helpful="no", reason="invented", text="متن من")
    assert bad.status_code == 400
    assert "متن من</textarea>" in bad.content.decode() and 'lang="fa"' in bad.content.decode()
    forged = client.post(
        f"/fa/feedback/{page.pk}/",
        {"helpful": "no", "text": "از جای دیگر"},
        HTTP_ORIGIN="https://evil.example",
        REMOTE_ADDR="203.0.113.9",
    )
    assert forged.status_code == 403 and "از جای دیگر</textarea>" in forged.content.decode()
    assert not Vote.objects.exists()


@override_settings(FEEDBACK_RATE_LIMIT=2)
def test_votes_on_many_pages_from_one_client_are_limited(client):
    statuses = [vote(client, lang, page_in(lang)[0]).status_code for lang in ("he", "fa", "fi")]
    assert statuses == [303, 303, 429]
    assert Vote.objects.count() == 2


def test_a_page_not_in_the_language_has_no_vote(client):
    page, _url = page_in("he")
    assert vote(client, "fi", page).status_code == 404
    assert client.get(f"/he/feedback/{page.pk}/").status_code == 302
