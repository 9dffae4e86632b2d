"""The index follows publishing, unpublishing and deleting; reindex_search rebuilds it."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from apps.search.models import Field, SearchDocument, SearchTerm
from tests.seeds import publish_translation, read_seed, seed, seed_files, seed_page

from .utils import add_post, search, titles

pytestmark = pytest.mark.django_db


def index_snapshot():
    return sorted(
        SearchTerm.objects.values_list(
            "document__page_id", "document__language", "term", "field", "count"
        )
    )


def test_loading_the_seed_content_indexed_every_seed_page_in_its_language():
    """The loader publishes, and publishing indexes: no reindex is needed after a fresh load."""
    expected = set()
    for path in seed_files():
        data = read_seed(path)
        expected.add((seed_page(data).pk, data["language"], data["title"]))
    assert set(SearchDocument.objects.values_list("page_id", "language", "title")) == expected


def test_reindex_rebuilds_the_same_index_with_progress_and_summary():
    before = index_snapshot()
    out = io.StringIO()

    call_command("reindex_search", stdout=out)

    output = out.getvalue()
    lines = re.findall(r"\[(\d+)/(\d+)\] (he|fa|fi) (.+)", output)
    assert [(n, total) for n, total, _lang, _title in lines] == [(str(i), "5") for i in range(1, 6)]
    assert sorted((lang, title) for _n, _t, lang, title in lines) == sorted(
        (read_seed(p)["language"], read_seed(p)["title"]) for p in seed_files()
    )
    assert "Done: 5 documents (he 3, fa 1, fi 1) from 5 pages" in output
    assert f"{len(before)} terms" in output
    assert index_snapshot() == before


def test_reindex_quiet_prints_only_the_summary():
    out = io.StringIO()
    call_command("reindex_search", verbosity=0, stdout=out)
    assert "[1/" not in out.getvalue()
    assert "Done: 5 documents" in out.getvalue()


def test_reindex_drops_what_no_longer_belongs():
    page = seed_page(seed("002"))
    Page.objects.filter(pk=page.pk).update(live=False)  # behind Wagtail's back: no signal
    assert SearchDocument.objects.filter(page=page).exists()

    call_command("reindex_search", stdout=io.StringIO())

    assert not SearchDocument.objects.filter(page=page).exists()


def test_publishing_indexes_the_page_with_weighted_fields(client):
    page = add_post("fi", "Reklamaatio tänään", "reklamaatio-tanaan", lead="Reklamaatioita on.",
                    paragraphs=["Reklamaatiosta kirjoitetaan."])
    document = SearchDocument.objects.get(page=page)
    assert document.language == "fi"
    fields = dict(
        SearchTerm.objects.filter(document=document, term="reklamaatio").values_list(
            "field", "count"
        )
    )
    assert fields == {Field.TITLE: 1, Field.LEAD: 1, Field.BODY: 1}
    _response, results = search(client, "fi", "reklamaatiot")
    assert titles(results) == ["Reklamaatio tänään"]


def test_publishing_a_new_translation_indexes_it_in_that_language_only(client):
    page = publish_translation(
        seed_page(seed("002")),
        title_fi="Asiakkaat – ystäviä vai vihollisia?",
        slug_fi="asiakkaat-ystavia-vai-vihollisia",
        lead_fi="Suomenkielinen johdanto vihollisista.",
        body_fi=[{"type": "paragraph", "value": "<p>Suomenkielinen teksti.</p>"}],
    )
    assert set(SearchDocument.objects.filter(page=page).values_list("language", flat=True)) == {
        "he",
        "fi",
    }
    _response, results = search(client, "fi", "vihollinen")
    assert titles(results) == ["Asiakkaat – ystäviä vai vihollisia?"]
    # Its Finnish text only: the Hebrew body is not searchable under /fi/.
    _response, results = search(client, "fi", "הסכם")
    assert results == []
    _response, results = search(client, "he", "הסכם")
    assert titles(results) == [seed("002")["title"]]


def test_unpublishing_removes_the_page_from_results(client):
    data = seed("003")
    _response, results = search(client, "fa", "مشتریان")
    assert titles(results) == [data["title"]]

    seed_page(data).unpublish()

    assert not SearchDocument.objects.filter(page=seed_page(data)).exists()
    _response, results = search(client, "fa", "مشتریان")
    assert results == []


def test_deleting_removes_the_page_and_its_terms():
    data = seed("001")
    page = seed_page(data)
    document = SearchDocument.objects.get(page=page)
    assert SearchTerm.objects.filter(document=document).exists()

    page.delete()

    assert not SearchDocument.objects.filter(pk=document.pk).exists()
    assert not SearchTerm.objects.filter(document_id=document.pk).exists()


def test_a_page_made_not_live_without_signals_is_not_found(client):
    """The query itself checks that pages are live, not only the index."""
    data = seed("001")
    Page.objects.filter(pk=seed_page(data).pk).update(live=False)
    _response, results = search(client, "fi", "asiakkaille")
    assert results == []


def test_a_private_page_is_not_found(client):
    data = seed("001")
    PageViewRestriction.objects.create(
        page=seed_page(data), restriction_type=PageViewRestriction.LOGIN
    )
    _response, results = search(client, "fi", "asiakkaille")
    assert results == []


def reindex_selects():
    """The SELECT queries a quiet reindex_search makes (its inserts are one batch per page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call_command("reindex_search", verbosity=0, stdout=io.StringIO())
    return [q["sql"] for q in queries if q["sql"].lstrip("(").upper().startswith("SELECT")]


def test_reindex_reads_pages_a_chunk_at_a_time_whatever_their_number():
    """Withdrawals, topics, authors and answers are read for a chunk of pages at once: ten
    more pages (one of them withdrawn in its language) cost no more queries."""
    from apps.core.withdrawal import withdraw

    add_post("fi", "Ensimmäinen palaute", "ensimmainen-palaute", lead="Palautetta.")
    few = len(reindex_selects())
    pages = [add_post("fi", f"Palaute {i}", f"palaute-{i}", lead="Palautetta.") for i in range(10)]
    withdraw(pages[0], "fi")

    assert len(reindex_selects()) == few
    assert not SearchDocument.objects.filter(page=pages[0]).exists()
    assert SearchDocument.objects.filter(page=pages[1], language="fi").exists()


def test_reindex_in_small_chunks_builds_the_same_index(monkeypatch):
    from apps.search import indexer

    for i in range(5):
        add_post("fi", f"Palaute {i}", f"palaute-{i}", lead="Palautetta.", paragraphs=["Kiitos."])
    before = index_snapshot()
    monkeypatch.setattr(indexer, "CHUNK_SIZE", 2)
    out = io.StringIO()

    call_command("reindex_search", stdout=out)

    assert index_snapshot() == before
    assert "[10/10]" in out.getvalue()
