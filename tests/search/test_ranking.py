"""Ranking: all words before some, title before body, then occurrences."""

import pytest

from .utils import add_post, search, titles

pytestmark = pytest.mark.django_db


def test_title_match_ranks_above_body_only_matches(client):
    # Created first (lower id) and with more occurrences, so neither order of creation nor
    # term frequency could put the title match first.
    add_post(
        "fi",
        "Päivän kirjoitus",
        "paivan-kirjoitus",
        paragraphs=["Reklamaatio, reklamaatiot ja reklamaatioista vielä reklamaatioita."],
    )
    add_post("fi", "Reklamaatiot", "reklamaatiot", paragraphs=["Lyhyt teksti."])

    _response, results = search(client, "fi", "reklamaatio")

    assert titles(results) == ["Reklamaatiot", "Päivän kirjoitus"]


def test_title_match_ranks_above_body_matches_in_hebrew(client):
    add_post(
        "he",
        "רשימה כללית",
        "רשימה-כללית",
        paragraphs=["על המזגנים, המזגן, ומזגנים, למזגן ובמזגן."],
    )
    add_post("he", "מזגנים", "מזגנים", paragraphs=["טקסט קצר."])

    _response, results = search(client, "he", "המזגן")

    assert titles(results) == ["מזגנים", "רשימה כללית"]


def test_all_words_rank_above_some(client):
    add_post(
        "fi",
        "Kirjoitus yksi",
        "kirjoitus-yksi",
        paragraphs=["Kumiankka, kumiankat, kumiankan ja kumiankkoja."],
    )
    add_post("fi", "Kirjoitus kaksi", "kirjoitus-kaksi", paragraphs=["Kumiankka ja vesipuisto."])

    _response, results = search(client, "fi", "kumiankka vesipuisto")

    assert titles(results) == ["Kirjoitus kaksi", "Kirjoitus yksi"]


def test_more_occurrences_rank_higher_when_all_else_is_equal(client):
    add_post("fa", "نوشته اول", "نوشته-اول", paragraphs=["یک بار کتاب."])
    add_post("fa", "نوشته دوم", "نوشته-دوم", paragraphs=["کتاب‌ها و کتاب و کتابهای ما."])

    _response, results = search(client, "fa", "کتاب")

    assert titles(results) == ["نوشته دوم", "نوشته اول"]


def test_stop_words_alone_do_not_select_pages(client):
    """"ja" is in every Finnish page; with a real word it only helps ranking."""
    add_post("fi", "Kumiankka", "kumiankka", paragraphs=["Kumiankka ja ankka."])

    _response, results = search(client, "fi", "kumiankka ja")

    assert titles(results) == ["Kumiankka"]
