"""Search that finds more: topic and author names, Finnish typed without ä and ö, Finnish
compounds by their parts, and the section and topic filters."""

import pytest

from apps.kb.models import KnowledgeBaseIndexPage
from apps.taxonomy.models import Topic
from tests.seeds import seed

from .utils import add_post, search, titles

pytestmark = pytest.mark.django_db


def test_a_topic_name_finds_its_pages():
    # אימון (coaching) is only the coaching post's topic, never a word of its text.
    from django.test import Client

    _response, results = search(Client(), "he", "אימון")
    assert seed("004")["title"] in titles(results)


def test_an_author_name_finds_their_pages(client):
    _response, results = search(client, "he", "Shmayad")
    assert seed("004")["title"] in titles(results)


def test_finnish_typed_without_a_umlauts_finds_the_word(client):
    add_post("fi", "Kuka on väärässä", "kuka-on-vaarassa", paragraphs=["Joskus myyjä."])
    _response, results = search(client, "fi", "vaarassa")
    assert "Kuka on väärässä" in titles(results)
    # What a reader writes with its marks still means only itself.
    _response, exact = search(client, "fi", "väärässä")
    assert "Kuka on väärässä" in titles(exact)


def test_a_finnish_compound_finds_pages_about_its_parts(client):
    add_post("fi", "Hyvä asiakas", "hyva-asiakas", paragraphs=["Nopea palvelu ilahduttaa."])
    add_post("fi", "Pelkkä asiakas", "pelkka-asiakas", paragraphs=["Ei muuta."])
    add_post("fi", "Asiakaspalvelun perusteet", "perusteet", paragraphs=["Lyhyesti."])
    _response, results = search(client, "fi", "asiakaspalvelu")
    found = titles(results)
    # The compound itself first, then a page with both parts, then one with a part.
    assert found.index("Asiakaspalvelun perusteet") < found.index("Hyvä asiakas")
    assert found.index("Hyvä asiakas") < found.index("Pelkkä asiakas")


def test_results_can_be_narrowed_to_a_section_and_a_topic(client):
    _response, everything = search(client, "he", "לקוח")
    assert {seed("004")["title"], seed("000")["title"]} <= set(titles(everything))
    section = KnowledgeBaseIndexPage.objects.get()
    _response, articles = search(client, "he", "לקוח", section=section.pk)
    assert seed("000")["title"] in titles(articles)
    assert seed("004")["title"] not in titles(articles)
    coaching = Topic.objects.get(key="coaching")
    response, about = search(client, "he", "לקוח", topic=coaching.pk)
    assert titles(about) == [seed("004")["title"]]
    page = response.content.decode()
    assert f'<option value="{coaching.pk}" selected>' in page
    # A made-up filter is no filter.
    _response, unfiltered = search(client, "he", "לקוח", section="junk", topic=999999)
    assert titles(unfiltered) == titles(everything)
